import Foundation

/// A calendar day (`YYYY-MM-DD`) with no time zone: school rules speak in days, never instants.
///
/// Stored in the database as its ISO text, which sorts in date order.
public struct Day: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// The calendar years the product accepts from outside: every text parser (`Day("…")`, `Day(utf8:)` as feeds
    /// and the store hand dates over, `SchoolYear("…")`, `Term("…")`) rejects a year outside this range, so that
    /// arithmetic on a parsed day (adding validity years, the next school year, a term's last day) stays far
    /// inside the calendar that ``init(year:month:day:)`` accepts (1…9999) and can never trap.
    public static let supportedYears: ClosedRange<Int> = 1900...2199

    /// "1900–2199", for messages.
    public static var supportedYearsText: String { "\(supportedYears.lowerBound)–\(supportedYears.upperBound)" }

    /// Why a text is not a usable day, school year or term.
    public enum ParseProblem: Error, Sendable, Hashable, CustomStringConvertible {
        /// Not written as expected (`YYYY-MM-DD`, `2025-2026`, `2026-fall`).
        case malformed(expected: String)
        /// Well written but not in the calendar, e.g. 2026-02-30.
        case nonexistent
        /// A year outside ``Day/supportedYears``.
        case unsupportedYear

        public var description: String {
            switch self {
            case .malformed(let expected): "not \(expected)"
            case .nonexistent: "not a day of the calendar"
            case .unsupportedYear: "outside the supported years \(Day.supportedYearsText)"
            }
        }
    }

    /// A validated calendar day over years 1…9999 (for arithmetic; text from outside goes through the parsers,
    /// which also require ``supportedYears``); `nil` when the month or day does not exist (e.g. 2026-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            day >= 1, day <= Day.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`, a day that exists in a year of ``supportedYears``.
    public init?(_ text: some StringProtocol) {
        guard case .success(let day) = Day.parse(text) else { return nil }
        self = day
    }

    /// Parses exactly `YYYY-MM-DD` from UTF-8 bytes (as SQLite or libxml2 hand them over), a day that exists in
    /// a year of ``supportedYears``.
    public init?(utf8 u: UnsafeBufferPointer<UInt8>) {
        guard case .success(let day) = Day.parse(utf8: u) else { return nil }
        self = day
    }

    /// Parses exactly `YYYY-MM-DD`, saying why a text is not a supported day.
    public static func parse(_ text: some StringProtocol) -> Result<Day, ParseProblem> {
        var text = String(text)
        return text.withUTF8 { Day.parse(utf8: $0) }
    }

    /// Parses exactly `YYYY-MM-DD` from UTF-8 bytes, saying why they are not a supported day.
    public static func parse(utf8 u: UnsafeBufferPointer<UInt8>) -> Result<Day, ParseProblem> {
        let malformed = ParseProblem.malformed(expected: "a date YYYY-MM-DD")
        guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-") else { return .failure(malformed) }
        func num(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r {
                let c = u[i]
                guard c >= 48, c <= 57 else { return nil }
                v = v * 10 + Int(c - 48)
            }
            return v
        }
        guard let y = num(0..<4), let m = num(5..<7), let d = num(8..<10) else { return .failure(malformed) }
        guard (1...12).contains(m), d >= 1, d <= Day.daysIn(month: m, year: y) else { return .failure(.nonexistent) }
        guard supportedYears.contains(y), let day = Day(year: y, month: m, day: d) else { return .failure(.unsupportedYear) }
        return .success(day)
    }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public var description: String {
        let y = String(year)
        let m = String(month)
        let d = String(day)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-"
            + (m.count == 1 ? "0" + m : m) + "-" + (d.count == 1 ? "0" + d : d)
    }

    public static func < (a: Day, b: Day) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// Adds whole years; 29 February becomes 28 February in a year that has none (RULES.md).
    ///
    /// Never traps: a result beyond the calendar (years 1…9999) stops at its first or last day. Parsed days
    /// (``supportedYears``) plus the bounded years of a rule profile stay far inside it.
    public func adding(years: Int) -> Day {
        let (sum, overflow) = year.addingReportingOverflow(years)
        if overflow || sum > 9999 { return Day(year: 9999, month: 12, day: 31)! }
        if sum < 1 { return Day(year: 1, month: 1, day: 1)! }
        return Day(year: sum, month: month, day: min(day, Day.daysIn(month: month, year: sum)))!
    }

    /// Days since 1970-01-01 (proleptic Gregorian).
    public var ordinal: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The day with the given ordinal (days since 1970-01-01); an ordinal beyond years 1…9999 gives the
    /// calendar's first or last day (never a trap).
    public init(ordinal z0: Int) {
        let z = min(max(z0, -719162), 2_932_896) + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.year = y
        self.month = m
        self.day = d
    }

    /// The day `days` later (earlier when negative); stops at the calendar's first or last day, never traps.
    public func adding(days: Int) -> Day {
        let (sum, overflow) = ordinal.addingReportingOverflow(days)
        return Day(ordinal: overflow ? (days > 0 ? Int.max : Int.min) : sum)
    }

    /// Days from `self` to `other` (positive when `other` is later).
    public func days(to other: Day) -> Int { other.ordinal - ordinal }

    /// ISO weekday: 1 Monday … 7 Sunday.
    public var weekday: Int { ((ordinal % 7 + 7 + 3) % 7) + 1 }

    /// Today in the machine's local time zone.
    public static func today() -> Day {
        let c = Calendar(identifier: .gregorian).dateComponents(in: .current, from: Date())
        return Day(year: c.year!, month: c.month!, day: c.day!)!
    }

    public init(from decoder: Decoder) throws {
        let s = try decoder.singleValueContainer().decode(String.self)
        guard let d = Day(s) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "not a date YYYY-MM-DD: \(s)"))
        }
        self = d
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
