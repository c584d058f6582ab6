/// School year Y–(Y+1): 1 September Y to 31 August Y+1 (RULES.md).
public struct SchoolYear: Sendable, Hashable, Codable, CustomStringConvertible {
    public let startYear: Int
    public init(startYear: Int) { self.startYear = startYear }

    /// Parses "2025-2026" (or just "2025").
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 1, let y = Int(parts[0]), (1900...9998).contains(y) { self.startYear = y; return }
        guard parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]), b == a + 1,
              (1900...9998).contains(a) else { return nil }
        self.startYear = a
    }

    /// The school year that contains `day`.
    public init(containing day: Day) { startYear = day.month >= 9 ? day.year : day.year - 1 }

    public var first: Day { Day(year: startYear, month: 9, day: 1)! }
    public var last: Day { Day(year: startYear + 1, month: 8, day: 31)! }
    public func contains(_ d: Day) -> Bool { d >= first && d <= last }
    public var description: String { "\(startYear)-\(startYear + 1)" }

    /// The two terms: fall (1 Sep – 31 Jan) and spring (1 Feb – 31 Aug).
    public var terms: [Term] { [Term(startYear: startYear, half: .fall), Term(startYear: startYear, half: .spring)] }
}

/// A term of a school year: fall 1 September – 31 January, spring 1 February – 31 August.
public struct Term: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Half: String, Sendable, Codable { case fall, spring }
    /// The school year's first calendar year.
    public let startYear: Int
    public let half: Half
    public init(startYear: Int, half: Half) { self.startYear = startYear; self.half = half }

    /// Parses "2026-fall" (fall of 2026–2027) or "2027-spring" (spring of 2026–2027).
    public init?(_ text: String) {
        let p = text.split(separator: "-")
        guard p.count == 2, let y = Int(p[0]), let h = Half(rawValue: String(p[1])) else { return nil }
        self.half = h
        self.startYear = h == .fall ? y : y - 1
    }

    public var first: Day {
        half == .fall ? Day(year: startYear, month: 9, day: 1)! : Day(year: startYear + 1, month: 2, day: 1)!
    }
    public var last: Day {
        half == .fall ? Day(year: startYear + 1, month: 1, day: 31)! : Day(year: startYear + 1, month: 8, day: 31)!
    }
    public func contains(_ d: Day) -> Bool { d >= first && d <= last }
    public var description: String { half == .fall ? "\(startYear)-fall" : "\(startYear + 1)-spring" }
}
