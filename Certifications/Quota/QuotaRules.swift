import Foundation
import XinyuCore

/// The quota rules of a rule profile: the `continuingEducation` and `unionQuota` sections (RULES.md).
///
/// Read by ``RuleProfile``'s loader with the same checks as every other key; this type is the planner's view.
public struct QuotaRules: Sendable, Codable, Hashable {
    /// Continuing-education minimums per school year.
    public struct ContinuingEducation: Sendable, Codable, Hashable {
        public var yearMinimumHours: Hours
        public var categoryMinimumHours: [String: Hours]
        public var trainingDayHours: Hours

        public init(yearMinimumHours: Hours, categoryMinimumHours: [String: Hours], trainingDayHours: Hours) {
            self.yearMinimumHours = yearMinimumHours
            self.categoryMinimumHours = categoryMinimumHours
            self.trainingDayHours = trainingDayHours
        }

        /// The minimum for one category (zero when the profile names none).
        public func minimum(_ c: XinyuCore.Category) -> Hours { categoryMinimumHours[c.rawValue] ?? .zero }
    }

    /// The trade union's quotas.
    public struct UnionQuota: Sendable, Codable, Hashable {
        public var professionalSessionsPerYear: Int
        public var wholeStaffTrainingsPerTerm: Int
        /// Share of the school's active teachers (0–1) who must complete a course for it to count as whole-staff.
        public var wholeStaffAttendanceShare: Double
        public var wholeStaffTier: Int

        public init(
            professionalSessionsPerYear: Int, wholeStaffTrainingsPerTerm: Int,
            wholeStaffAttendanceShare: Double, wholeStaffTier: Int
        ) {
            self.professionalSessionsPerYear = professionalSessionsPerYear
            self.wholeStaffTrainingsPerTerm = wholeStaffTrainingsPerTerm
            self.wholeStaffAttendanceShare = wholeStaffAttendanceShare
            self.wholeStaffTier = wholeStaffTier
        }
    }

    public var continuingEducation: ContinuingEducation
    public var unionQuota: UnionQuota
    /// The record states whose hours count (the profile's `countApproved`; RULES.md "Record states").
    public var countingStates: [RecordState] = RecordState.countedByDefault

    public init(continuingEducation: ContinuingEducation, unionQuota: UnionQuota) {
        self.continuingEducation = continuingEducation
        self.unionQuota = unionQuota
    }

    /// The quota sections of a parsed profile; a profile without them cannot plan quotas (one line, exit 2).
    public init(profile: RuleProfile, file: String) throws {
        guard let ce = profile.continuingEducation, let uq = profile.unionQuota else {
            throw InputError(
                file: file,
                problem: "the rule profile has no continuingEducation and unionQuota sections; "
                    + "copy them from the bundled default.yaml")
        }
        self.init(continuingEducation: ce, unionQuota: uq)
        countingStates = profile.countingStates
    }

    /// Parses profile YAML text (the whole rule profile, validated like every profile) and takes its quota sections.
    public static func decode(yaml: String, file: String) throws -> QuotaRules {
        try QuotaRules(profile: RuleProfile.parse(yaml: yaml, file: file), file: file)
    }

    /// Loads the rule profile at `path` (nil: the bundled default) and takes its quota sections.
    public static func load(profilePath path: String?) throws -> QuotaRules {
        try QuotaRules(profile: RuleProfile.load(path: path), file: path ?? RuleProfile.bundledDefaultURL.path)
    }
}
