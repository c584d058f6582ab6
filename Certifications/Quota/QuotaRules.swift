import Foundation
import XinyuCore
import Yams

/// The quota rules of a rule profile: the `continuingEducation` and `unionQuota` sections (RULES.md).
///
/// Other sections of the profile file are ignored here. Hours are read as decimals and kept as ``Hours``.
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

        public init(professionalSessionsPerYear: Int, wholeStaffTrainingsPerTerm: Int,
                    wholeStaffAttendanceShare: Double, wholeStaffTier: Int) {
            self.professionalSessionsPerYear = professionalSessionsPerYear
            self.wholeStaffTrainingsPerTerm = wholeStaffTrainingsPerTerm
            self.wholeStaffAttendanceShare = wholeStaffAttendanceShare
            self.wholeStaffTier = wholeStaffTier
        }
    }

    public var continuingEducation: ContinuingEducation
    public var unionQuota: UnionQuota

    public init(continuingEducation: ContinuingEducation, unionQuota: UnionQuota) {
        self.continuingEducation = continuingEducation
        self.unionQuota = unionQuota
    }

    /// Decodes the two sections from profile YAML text; `file` names the source in errors.
    public static func decode(yaml: String, file: String) throws -> QuotaRules {
        let rules: QuotaRules
        do {
            rules = try YAMLDecoder().decode(QuotaRules.self, from: yaml)
        } catch let e as DecodingError {
            throw InputError(file: file, problem: "not a quota profile: \(Self.describe(e)); "
                             + "it needs continuingEducation and unionQuota sections")
        } catch {
            throw InputError(file: file, problem: "not valid YAML: \(error)")
        }
        try rules.validate(file: file)
        return rules
    }

    /// Loads the rules from `path`, or from the bundled `Profiles/default.yaml` when `path` is nil.
    public static func load(profilePath path: String?) throws -> QuotaRules {
        let url: URL
        if let path {
            url = URL(fileURLWithPath: path)
        } else {
            guard let u = Bundle.module.url(forResource: "default", withExtension: "yaml", subdirectory: "Profiles") else {
                throw UsageError("the bundled rule profile Profiles/default.yaml is missing from this build; pass --profile PATH")
            }
            url = u
        }
        let name = path ?? "Profiles/default.yaml"
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw InputError(file: name, problem: "cannot read the profile file; check the path and its permissions")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError(file: name, problem: "not UTF-8 text")
        }
        return try decode(yaml: text, file: name)
    }

    /// Rejects values that cannot be meant: negative minimums, a share outside 0–1, an unknown category.
    func validate(file: String) throws {
        let ce = continuingEducation
        for (k, v) in ce.categoryMinimumHours {
            guard XinyuCore.Category(rawValue: k) != nil else {
                throw InputError(file: file, problem: "continuingEducation.categoryMinimumHours: unknown category \(k); use public, professional, elective")
            }
            guard v.tenths >= 0 else { throw InputError(file: file, problem: "continuingEducation.categoryMinimumHours.\(k) is negative") }
        }
        guard ce.yearMinimumHours.tenths >= 0 else { throw InputError(file: file, problem: "continuingEducation.yearMinimumHours is negative") }
        let u = unionQuota
        guard u.professionalSessionsPerYear >= 0, u.wholeStaffTrainingsPerTerm >= 0 else {
            throw InputError(file: file, problem: "unionQuota counts must not be negative")
        }
        guard u.wholeStaffAttendanceShare >= 0, u.wholeStaffAttendanceShare <= 1 else {
            throw InputError(file: file, problem: "unionQuota.wholeStaffAttendanceShare must be between 0 and 1")
        }
    }

    private static func describe(_ e: DecodingError) -> String {
        switch e {
        case .keyNotFound(let k, let c): return "missing \((c.codingPath.map(\.stringValue) + [k.stringValue]).joined(separator: "."))"
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c):
            return "bad value at \(c.codingPath.map(\.stringValue).joined(separator: ".")): \(c.debugDescription)"
        @unknown default: return "\(e)"
        }
    }
}
