import XinyuCore

/// The yearly statistics a district files (RULES.md "Yearly statistics", issue #16): per school and for the
/// district, active teachers by band of yearly counted hours, the hours by training tier and by category, and
/// the teachers below the yearly minimum (不达标名单) with what they lack.
///
/// JSON (`xinyu stats hours --format json`): `{"year", "bands", "district": {"teachers", "byBand",
/// "hoursByTier", "hoursByCategory", "belowMinimum"}, "schools": [{"id", "name", …the same keys}],
/// "belowMinimumTeachers": [{"id", "name", "school", "schoolName", "hours", "hoursByCategory", "missing"}]}`.
/// Schools are sorted by id (every school in scope, those without active teachers too); the list by school,
/// then teacher id. `hoursByTier` has the keys `10`, `20`, `30`, `40`, `60`, `99` (a course with another tier code
/// counts as `99`), `hoursByCategory` `public`, `professional`, `elective`; hours are numbers with one decimal.
/// With a school given, `district` holds the totals of that school (the scope), as `quota` does.
public struct HoursStatistics: Sendable, Codable, Hashable {
    /// The counts and sums of a school or of the district.
    public struct Figures: Sendable, Codable, Hashable {
        /// Active teachers counted.
        public var teachers: Int
        /// Teachers per band, in the order of ``HoursStatistics/bands``.
        public var byBand: [Int]
        /// Counted hours per tier code (`"10"` … `"99"`).
        public var hoursByTier: [String: Hours]
        /// Counted hours per category.
        public var hoursByCategory: [String: Hours]
        /// Teachers who do not meet the year's hours (every category minimum and the total).
        public var belowMinimum: Int

        /// Zero figures for `bands` bands.
        public init(bands: Int) {
            teachers = 0
            byBand = Array(repeating: 0, count: bands)
            hoursByTier = Dictionary(uniqueKeysWithValues: HoursStatistics.tierKeys.map { ($0, .zero) })
            hoursByCategory = Dictionary(uniqueKeysWithValues: XinyuCore.Category.allCases.map { ($0.rawValue, .zero) })
            belowMinimum = 0
        }

        /// All hours counted (the sum over categories).
        public var totalHours: Hours { hoursByCategory.values.reduce(.zero, +) }
    }

    /// One school's line.
    public struct School: Sendable, Codable, Hashable {
        public var id: String
        public var name: String
        public var teachers: Int
        public var byBand: [Int]
        public var hoursByTier: [String: Hours]
        public var hoursByCategory: [String: Hours]
        public var belowMinimum: Int

        /// A school's line from its figures.
        public init(id: String, name: String, figures f: Figures) {
            self.id = id
            self.name = name
            teachers = f.teachers
            byBand = f.byBand
            hoursByTier = f.hoursByTier
            hoursByCategory = f.hoursByCategory
            belowMinimum = f.belowMinimum
        }

        /// The figures again.
        public var figures: Figures {
            var f = Figures(bands: byBand.count)
            f.teachers = teachers
            f.byBand = byBand
            f.hoursByTier = hoursByTier
            f.hoursByCategory = hoursByCategory
            f.belowMinimum = belowMinimum
            return f
        }
    }

    /// A teacher below the yearly minimum and what they lack.
    public struct BelowMinimum: Sendable, Codable, Hashable {
        public var id: String
        public var name: String
        public var school: String
        public var schoolName: String
        /// Counted hours in the year.
        public var hours: Hours
        public var hoursByCategory: [String: Hours]
        /// What is missing against the minimums (hours per category, total; sessions too, for information).
        public var missing: QuotaMissing
    }

    /// The tier codes, as the JSON keys them.
    public static let tierKeys = Tier.allCases.map { String($0.rawValue) }

    /// The school year, `2025-2026`.
    public var year: String
    /// The bands' names, `≤36`, `37–72`, `73–108`, `≥109`.
    public var bands: [String]
    public var district: Figures
    public var schools: [School]
    public var belowMinimumTeachers: [BelowMinimum]
}
