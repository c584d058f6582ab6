import XinyuCore

/// The bands of yearly hours that `xinyu stats hours` counts teachers in (RULES.md "Yearly statistics"): the
/// `statistics.hourBands` limits of a rule profile, 36, 72 and 108 by default.
public struct HourBands: Sendable, Codable, Hashable {
    /// Upper limits of every band but the last, in whole hours, ascending.
    public var limits: [Int]

    /// RULES.md's limits: ≤ 36, 37–72, 73–108, ≥ 109.
    public static let standard = HourBands(limits: [36, 72, 108])

    /// Bands with these limits (ascending whole hours).
    public init(limits: [Int]) { self.limits = limits }

    /// The band of `hours`: the first whose limit it does not exceed, else the last (`limits.count`).
    public func band(of hours: Hours) -> Int {
        limits.firstIndex { hours.tenths <= $0 * 10 } ?? limits.count
    }

    /// The bands' names: `≤36`, `37–72`, `73–108`, `≥109`.
    public var labels: [String] {
        guard let first = limits.first, let last = limits.last else { return ["≥0"] }
        var out = ["≤\(first)"]
        for (lower, upper) in zip(limits, limits.dropFirst()) { out.append("\(lower + 1)–\(upper)") }
        out.append("≥\(last + 1)")
        return out
    }
}
