import XinyuCore

/// Where each school and (optionally) each teacher stands against the union quotas in one school year.
///
/// JSON: `{"year", "district": {"teachers", "meetsHours", "meetsSessions", …}, "schools": [{"id", "teachers",
/// "meetsHours", "meetsSessions", "wholeStaff", …}], "teachers": [...]}` — schools and teachers sorted by id;
/// `teachers` only when asked for. Counts use active teachers only.
public struct QuotaReport: Sendable, Codable {
    /// Counts over every school in scope.
    public struct District: Sendable, Codable, Hashable {
        public var teachers: Int
        public var meetsHours: Int
        public var meetsSessions: Int
        /// Teachers meeting both the hour and the session quotas.
        public var meetsAll: Int
    }

    /// One term's whole-staff trainings of a school against the quota.
    public struct WholeStaffTerm: Sendable, Codable, Hashable {
        public var term: String
        public var count: Int
        public var quota: Int
        public var met: Bool
        public var courses: [String]
    }

    public struct SchoolLine: Sendable, Codable, Hashable {
        public var id: String
        public var name: String
        public var teachers: Int
        public var meetsHours: Int
        public var meetsSessions: Int
        public var meetsAll: Int
        public var wholeStaff: [WholeStaffTerm]
    }

    public struct TeacherLine: Sendable, Codable, Hashable {
        public var id: String
        public var name: String
        public var school: String
        public var hours: [String: Hours]
        public var total: Hours
        public var sessions: Int
        public var meetsHours: Bool
        public var meetsSessions: Bool
        public var missing: QuotaMissing
    }

    public var year: String
    public var district: District
    public var schools: [SchoolLine]
    public var teachers: [TeacherLine]?

    /// Computes the report from the store; `profilePath` nil means the bundled default profile.
    public static func compute(
        in db: any ReportStore, year: SchoolYear, school: String?, includeTeachers: Bool,
        profilePath: String?
    ) throws -> QuotaReport {
        let rules = try QuotaRules.load(profilePath: profilePath)
        return try compute(in: db, year: year, school: school, includeTeachers: includeTeachers, rules: rules)
    }

    /// Computes the report with rules already loaded.
    public static func compute(
        in db: any ReportStore, year: SchoolYear, school: String?, includeTeachers: Bool,
        rules: QuotaRules
    ) throws -> QuotaReport {
        let ledger = try QuotaLedger.load(from: db, year: year, school: school, rules: rules)
        return make(ledger: ledger, includeTeachers: includeTeachers, rules: rules)
    }

    /// Builds the report from a loaded ledger (the planner uses this for before/after figures).
    public static func make(ledger: QuotaLedger, includeTeachers: Bool, rules: QuotaRules) -> QuotaReport {
        var lines: [String: SchoolLine] = [:]
        for s in ledger.schools {
            let ws = ledger.wholeStaff[s.id] ?? [[], []]
            let terms = ledger.year.terms.enumerated().map { i, t in
                WholeStaffTerm(
                    term: t.description, count: ws[i].count, quota: rules.unionQuota.wholeStaffTrainingsPerTerm,
                    met: ws[i].count >= rules.unionQuota.wholeStaffTrainingsPerTerm, courses: ws[i])
            }
            lines[s.id] = SchoolLine(
                id: s.id, name: s.name, teachers: 0, meetsHours: 0, meetsSessions: 0, meetsAll: 0,
                wholeStaff: terms)
        }
        var district = District(teachers: 0, meetsHours: 0, meetsSessions: 0, meetsAll: 0)
        var teacherLines: [TeacherLine] = []
        for t in ledger.teachers {
            let st = ledger.standings[t.id] ?? QuotaStanding()
            let m = st.missing(rules)
            district.teachers += 1
            lines[t.schoolId]?.teachers += 1
            if m.meetsHours {
                district.meetsHours += 1
                lines[t.schoolId]?.meetsHours += 1
            }
            if m.meetsSessions {
                district.meetsSessions += 1
                lines[t.schoolId]?.meetsSessions += 1
            }
            if m.meetsAll {
                district.meetsAll += 1
                lines[t.schoolId]?.meetsAll += 1
            }
            if includeTeachers {
                var h: [String: Hours] = [:]
                for c in XinyuCore.Category.allCases { h[c.rawValue] = st.hours(c) }
                teacherLines.append(
                    TeacherLine(
                        id: t.id, name: t.name, school: t.schoolId, hours: h, total: st.total,
                        sessions: st.sessions, meetsHours: m.meetsHours,
                        meetsSessions: m.meetsSessions, missing: m))
            }
        }
        return QuotaReport(
            year: ledger.year.description, district: district,
            schools: ledger.schools.compactMap { lines[$0.id] },
            teachers: includeTeachers ? teacherLines : nil)
    }

    /// The per-school listing (table and CSV).
    public func schoolTable() -> TextTable {
        TextTable(
            headers: ["school", "name", "teachers", "meets hours", "meets sessions", "meets both"]
                + (schools.first.map { $0.wholeStaff.map { "whole-staff \($0.term)" } } ?? []),
            rows: schools.map { s in
                [s.id, s.name, String(s.teachers), String(s.meetsHours), String(s.meetsSessions), String(s.meetsAll)]
                    + s.wholeStaff.map { "\($0.count)/\($0.quota)" + ($0.met ? "" : " short") }
            } + [
                [
                    "district", "", String(district.teachers), String(district.meetsHours),
                    String(district.meetsSessions), String(district.meetsAll),
                ]
            ],
            numeric: [2, 3, 4, 5])
    }

    /// The per-teacher listing (table and CSV): hours per category, total, sessions, what is missing.
    public func teacherTable() -> TextTable {
        TextTable(
            headers: ["teacher", "name", "school", "public", "professional", "elective", "total", "sessions", "missing"],
            rows: (teachers ?? []).map { t in
                [
                    t.id, t.name, t.school, (t.hours["public"] ?? .zero).description,
                    (t.hours["professional"] ?? .zero).description, (t.hours["elective"] ?? .zero).description,
                    t.total.description, String(t.sessions), t.missing.summary,
                ]
            },
            numeric: [3, 4, 5, 6, 7])
    }
}

extension QuotaMissing {
    /// "public 6.0 h, total 6.0 h, 2 sessions", or "—" when nothing is missing.
    public var summary: String {
        var parts: [String] = []
        if `public`.tenths > 0 { parts.append("public \(`public`) h") }
        if professional.tenths > 0 { parts.append("professional \(professional) h") }
        if elective.tenths > 0 { parts.append("elective \(elective) h") }
        if total.tenths > 0 { parts.append("total \(total) h") }
        if sessions > 0 { parts.append("\(sessions) session\(sessions == 1 ? "" : "s")") }
        return parts.isEmpty ? "—" : parts.joined(separator: ", ")
    }
}
