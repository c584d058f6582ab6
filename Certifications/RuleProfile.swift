import Foundation
import XinyuCore

/// A province's certification rules (RULES.md): per-level hours, prerequisites, practice, validity and renewal,
/// and the level each role requires. Loaded from a YAML file with ``load(path:)``; the product ships
/// `Profiles/default.yaml`.
///
/// The same file also carries `continuingEducation` and `unionQuota`, read by the union quota planner; they are
/// kept here as given (checked only for being non-negative numbers).
public struct RuleProfile: Sendable, Codable, Hashable {
    /// The rules of C, B and A.
    public var levels: Levels
    /// The level each role requires, keyed by the role's raw value (`psych-fulltime` …); every role is present.
    public var roleRequirements: [String: Level]
    public var continuingEducation: ContinuingEducation?
    public var unionQuota: UnionQuota?
    /// RULES.md "Record states": `approved` records (a school's approval) count at once, not only `certified`
    /// ones. Default false.
    public var countApproved: Bool
    /// When `xinyu remind` tells whom (issue #16); nil: ``ReminderRules/standard``.
    public var reminders: ReminderRules?
    /// The bands of `xinyu stats hours` (`statistics.hourBands`); nil: ``HourBands/standard``.
    public var statistics: HourBands?
    /// The file the profile came from (not part of the YAML).
    public var source: String?

    public init(
        levels: Levels, roleRequirements: [String: Level], continuingEducation: ContinuingEducation? = nil,
        unionQuota: UnionQuota? = nil, countApproved: Bool = false, reminders: ReminderRules? = nil,
        statistics: HourBands? = nil, source: String? = nil
    ) {
        self.levels = levels
        self.roleRequirements = roleRequirements
        self.continuingEducation = continuingEducation
        self.unionQuota = unionQuota
        self.source = source
        self.countApproved = countApproved
        self.reminders = reminders
        self.statistics = statistics
    }

    /// The record states whose hours count: `certified`, and `approved` with ``countApproved``.
    public var countingStates: [RecordState] { countApproved ? [.approved, .certified] : RecordState.countedByDefault }

    // swift-format-ignore: AlwaysUseLowerCamelCase
    /// The three levels' rules, keyed `C`, `B`, `A` in the file.
    public struct Levels: Sendable, Codable, Hashable {
        public var C: LevelRule
        public var B: LevelRule
        public var A: LevelRule
        public init(C: LevelRule, B: LevelRule, A: LevelRule) {
            self.C = C
            self.B = B
            self.A = A
        }
    }

    /// What one level takes and how long it lasts.
    public struct LevelRule: Sendable, Codable, Hashable {
        /// Counted hours in courses of this level's track.
        public var hours: Hours
        /// A `pass` result in at least one course of this track.
        public var passRequired: Bool
        /// The level that must be held first, and for how many years.
        public var prerequisite: Prerequisite?
        /// Practice minimums (A); both must be strictly exceeded.
        public var practice: Practice?
        /// Validity of one award (and of each renewed cycle), in years.
        public var validityYears: Int
        /// Mental-health training hours (track A, B, C or cpd) inside one cycle that renew the award.
        public var renewalHours: Hours
        /// Days before a cycle's end from which a certified teacher with short renewal hours is `expiring`.
        public var warningDays: Int

        public init(
            hours: Hours, passRequired: Bool = true, prerequisite: Prerequisite? = nil, practice: Practice? = nil,
            validityYears: Int, renewalHours: Hours, warningDays: Int
        ) {
            self.hours = hours
            self.passRequired = passRequired
            self.prerequisite = prerequisite
            self.practice = practice
            self.validityYears = validityYears
            self.renewalHours = renewalHours
            self.warningDays = warningDays
        }
    }

    public struct Prerequisite: Sendable, Codable, Hashable {
        public var level: Level
        public var years: Int
        public init(level: Level, years: Int) {
            self.level = level
            self.years = years
        }
    }

    /// Practice minimums: counseling hours and psychology periods must each be MORE than these.
    public struct Practice: Sendable, Codable, Hashable {
        public var counselingHoursAbove: Hours
        public var lessonPeriodsAbove: Int
        public init(counselingHoursAbove: Hours, lessonPeriodsAbove: Int) {
            self.counselingHoursAbove = counselingHoursAbove
            self.lessonPeriodsAbove = lessonPeriodsAbove
        }
    }

    /// Guangdong-style continuing-education minimums per school year (the quota planner's, see ``QuotaRules``).
    public typealias ContinuingEducation = QuotaRules.ContinuingEducation
    /// Union quota settings (the quota planner's, see ``QuotaRules``).
    public typealias UnionQuota = QuotaRules.UnionQuota

    /// The rule of one level.
    public func rule(for level: Level) -> LevelRule {
        switch level {
        case .C: levels.C
        case .B: levels.B
        case .A: levels.A
        }
    }

    /// The level a role requires (validated to exist for every role at load).
    public func requiredLevel(for role: Role) -> Level {
        roleRequirements[role.rawValue] ?? .C
    }
}
