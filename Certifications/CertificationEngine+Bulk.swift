import Foundation
import XinyuCore

extension CertificationEngine {
    /// The number of parts a whole district is computed in by default: one per processor core, at most 4.
    public static var defaultParts: Int { min(4, ProcessInfo.processInfo.activeProcessorCount) }

    /// Every teacher's certification picture (sorted by school, then teacher id).
    /// - Parameters:
    ///   - school: only this school's teachers (an unknown school gives an empty list).
    ///   - includeInactive: also inactive teachers (coverage never counts them).
    ///   - explain: false leaves the levels' reasons empty (reports that only count).
    ///   - parts: how many parts a whole district is computed in at once (see
    ///     ``ReportStore/certificationReadings(asOf:school:includeInactive:parts:withSchools:_:)``).
    ///   - district: only the teachers of this district's schools, read as such by the store (issue #18; a code no
    ///     school belongs to gives an empty list).
    public static func statuses(
        in db: any ReportStore, asOf: Day, profile: RuleProfile, school: String? = nil, district: String? = nil,
        includeInactive: Bool = false, explain: Bool = true,
        parts: Int = defaultParts
    ) throws -> [TeacherCertStatus] {
        try statusesAndSchools(
            in: db, asOf: asOf, profile: profile, school: school, district: district, includeInactive: includeInactive,
            explain: explain, parts: parts, withSchools: false
        ).statuses
    }

    /// ``statuses(in:asOf:profile:school:includeInactive:explain:parts:)`` and, with `withSchools`, the schools
    /// with their names (every school, or `school`, which must exist), all from the same committed state of the
    /// store. A whole district is computed in `parts` ranges of teacher ids at once, merged back in order.
    static func statusesAndSchools(
        in db: any ReportStore, asOf: Day, profile: RuleProfile, school: String?, district: String? = nil,
        includeInactive: Bool, explain: Bool, parts: Int,
        withSchools: Bool
    ) throws -> (schools: [SchoolName], statuses: [TeacherCertStatus]) {
        let results = try db.certificationReadings(
            asOf: asOf, school: school, district: district, includeInactive: includeInactive,
            counting: profile.countingStates, parts: parts,
            withSchools: withSchools
        ) { reading in
            (reading.schools, statuses(reading, asOf: asOf, profile: profile, explain: explain))
        }
        return (results.first?.0 ?? [], mergeBySchool(results.map(\.1)))
    }

    /// Each active teacher's effective level (the highest certified level); teachers with none are absent.
    /// `school` limits the work to that school's teachers.
    public static func effectiveLevels(
        in db: any ReportStore, asOf: Day, profile: RuleProfile,
        school: String? = nil
    ) throws -> [String: Level] {
        var out: [String: Level] = [:]
        for s in try statuses(in: db, asOf: asOf, profile: profile, school: school, explain: false) {
            if let l = s.effectiveLevel { out[s.teacherId] = l }
        }
        return out
    }

    /// Merges lists each sorted by (school, teacher id) into one.
    static func mergeBySchool(_ lists: [[TeacherCertStatus]]) -> [TeacherCertStatus] {
        func before(_ a: TeacherCertStatus, _ b: TeacherCertStatus) -> Bool {
            a.schoolId != b.schoolId ? a.schoolId < b.schoolId : a.teacherId < b.teacherId
        }
        var merged = lists.first ?? []
        for list in lists.dropFirst() {
            var out: [TeacherCertStatus] = []
            out.reserveCapacity(merged.count + list.count)
            var i = 0
            var j = 0
            while i < merged.count && j < list.count {
                if before(list[j], merged[i]) {
                    out.append(list[j])
                    j += 1
                } else {
                    out.append(merged[i])
                    i += 1
                }
            }
            out.append(contentsOf: merged[i...])
            out.append(contentsOf: list[j...])
            merged = out
        }
        return merged
    }

    /// The statuses of one reading's teachers, sorted by school, then id.
    static func statuses(
        _ reading: CertificationReading, asOf: Day, profile: RuleProfile,
        explain: Bool
    ) -> [TeacherCertStatus] {
        let histories = histories(reading)
        return reading.teachers.map {
            evaluate(teacher: $0, history: histories[$0.id] ?? TeacherHistory(), asOf: asOf, profile: profile, explain: explain)
        }
    }

    /// Each teacher's history from a reading.
    static func histories(_ reading: CertificationReading) -> [String: TeacherHistory] {
        var out: [String: TeacherHistory] = [:]
        for a in reading.awards { out[a.teacherId, default: TeacherHistory()].awards.append(a) }
        for (id, entries) in reading.attendance { out[id, default: TeacherHistory()].entries = entries }
        let practice = reading.practice
        for (id, v) in practice.counseling { out[id, default: TeacherHistory()].counselingTenths = v }
        for (id, v) in practice.feedPeriods { out[id, default: TeacherHistory()].lessonPeriods += v }
        for (id, v) in practice.scheduledPeriods { out[id, default: TeacherHistory()].lessonPeriods += v }
        return out
    }
}
