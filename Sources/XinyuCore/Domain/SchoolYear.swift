/// School year Y–(Y+1): 1 September Y to 31 August Y+1 (RULES.md).
public struct SchoolYear: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The first calendar year, kept inside 1…9998 so that ``first``, ``last`` and ``description`` never trap.
    public let startYear: Int
    public init(startYear: Int) { self.startYear = min(max(startYear, 1), 9998) }

    /// Parses "2025-2026" (or just "2025"); the first year must be in ``Day/supportedYears``.
    public init?(_ text: String) {
        guard case .success(let y) = SchoolYear.parse(text) else { return nil }
        self = y
    }

    /// Parses "2025-2026" (or just "2025"), saying why a text is not a supported school year.
    public static func parse(_ text: String) -> Result<SchoolYear, Day.ParseProblem> {
        let malformed = Day.ParseProblem.malformed(expected: "a school year like 2025-2026 or 2025")
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        func year(_ s: Substring) -> Int? { s.count == 4 && s.allSatisfy { $0.isASCII && $0.isNumber } ? Int(s) : nil }
        guard (1...2).contains(parts.count), let a = year(parts[0]) else { return .failure(malformed) }
        if parts.count == 2 {
            guard let b = year(parts[1]), b == a + 1 else { return .failure(malformed) }
        }
        guard Day.supportedYears.contains(a) else { return .failure(.unsupportedYear) }
        return .success(SchoolYear(startYear: a))
    }

    /// The school year that contains `day`.
    public init(containing day: Day) { self.init(startYear: day.month >= 9 ? day.year : day.year - 1) }

    public var first: Day { Day(year: startYear, month: 9, day: 1)! }
    public var last: Day { Day(year: startYear + 1, month: 8, day: 31)! }
    public func contains(_ d: Day) -> Bool { d >= first && d <= last }
    public var description: String { "\(startYear)-\(startYear + 1)" }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(startYear: try c.decode(Int.self, forKey: .startYear))
    }

    /// The two terms: fall (1 Sep – 31 Jan) and spring (1 Feb – 31 Aug).
    public var terms: [Term] { [Term(startYear: startYear, half: .fall), Term(startYear: startYear, half: .spring)] }
}

/// A term of a school year: fall 1 September – 31 January, spring 1 February – 31 August.
public struct Term: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Half: String, Sendable, Codable { case fall, spring }
    /// The school year's first calendar year, kept inside 1…9998 so that ``first`` and ``last`` never trap.
    public let startYear: Int
    public let half: Half
    public init(startYear: Int, half: Half) {
        self.startYear = min(max(startYear, 1), 9998)
        self.half = half
    }

    /// Parses "2026-fall" (fall of 2026–2027) or "2027-spring" (spring of 2026–2027); the year written must be in
    /// ``Day/supportedYears``.
    public init?(_ text: String) {
        guard case .success(let t) = Term.parse(text) else { return nil }
        self = t
    }

    /// Parses "2026-fall" or "2027-spring", saying why a text is not a supported term.
    public static func parse(_ text: String) -> Result<Term, Day.ParseProblem> {
        let p = text.split(separator: "-", omittingEmptySubsequences: false)
        guard p.count == 2, p[0].count == 4, p[0].allSatisfy({ $0.isASCII && $0.isNumber }), let y = Int(p[0]),
            let h = Half(rawValue: String(p[1]))
        else {
            return .failure(.malformed(expected: "a term like 2026-fall or 2027-spring"))
        }
        guard Day.supportedYears.contains(y) else { return .failure(.unsupportedYear) }
        return .success(Term(startYear: h == .fall ? y : y - 1, half: h))
    }

    public var first: Day {
        half == .fall ? Day(year: startYear, month: 9, day: 1)! : Day(year: startYear + 1, month: 2, day: 1)!
    }
    public var last: Day {
        half == .fall ? Day(year: startYear + 1, month: 1, day: 31)! : Day(year: startYear + 1, month: 8, day: 31)!
    }
    public func contains(_ d: Day) -> Bool { d >= first && d <= last }
    public var description: String { half == .fall ? "\(startYear)-fall" : "\(startYear + 1)-spring" }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(startYear: try c.decode(Int.self, forKey: .startYear), half: try c.decode(Half.self, forKey: .half))
    }
}
