import Foundation

/// A token's lifetime as written on the command line: `90d`, `2w`, `12h`, or `never`.
public enum TokenLifetime {
    /// The default lifetime of a token: 90 days.
    public static let defaultText = "90d"

    /// Seconds, or nil for `never`; ``AccountError/badExpiry(_:)`` for anything else (at most 10 years).
    public static func parse(_ text: String) throws -> TimeInterval? {
        if text == "never" { return nil }
        let units: [Character: TimeInterval] = ["h": 3600, "d": 86_400, "w": 7 * 86_400]
        guard let unit = text.last.flatMap({ units[$0] }), let n = Int(text.dropLast()), n > 0,
            Double(n) * unit <= 3653 * 86_400
        else {
            throw AccountError.badExpiry(text)
        }
        return Double(n) * unit
    }
}
