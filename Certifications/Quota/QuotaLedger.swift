import GRDB
import XinyuCore

/// The year's data the quota report and the planner work from: active teachers, their standings,
/// and each school's whole-staff trainings per term.
///
/// Decisions where RULES.md is silent:
/// - Only `active` teachers are counted, planned for, or form the whole-staff denominator.
/// - A professional session counts on status `completed` whatever its result (RULES.md names only the status);
///   a `fail` still earns no hours.
/// - A whole-staff training is placed in a term by the attendance date; a tier-60 course completed in both terms
///   is judged per term. The share is of the school's active teachers now (the store keeps no staff history).
public struct QuotaLedger: Sendable {
    public var year: SchoolYear
    /// Schools in scope, sorted by id.
    public var schools: [School]
    /// Active teachers in scope, sorted by id.
    public var teachers: [Teacher]
    /// Standing per teacher id (every teacher in ``teachers`` has one).
    public var standings: [String: QuotaStanding]
    /// Whole-staff trainings per school id, per term (fall first), as course ids.
    public var wholeStaff: [String: [[String]]]

    /// Reads the ledger. Only `active` teachers count (an inactive teacher has left; RULES.md coverage
    /// counts active teachers only, and the union plans for the staff it has). `school` limits to one school.
    public static func load(from db: AppDatabase, year: SchoolYear, school: String?, rules: QuotaRules) throws -> QuotaLedger {
        try db.writer.read { db in
            if let school { try School.require(db, id: school) }
            var sq = School.all().order(Column("id"))
            var tq = Teacher.filter(Column("status") == TeacherStatus.active).order(Column("id"))
            if let school {
                sq = sq.filter(Column("id") == school)
                tq = tq.filter(Column("schoolId") == school)
            }
            let schools = try sq.fetchAll(db)
            let teachers = try tq.fetchAll(db)
            var standings: [String: QuotaStanding] = [:]
            var schoolOf: [String: String] = [:]
            for t in teachers { standings[t.id] = QuotaStanding(); schoolOf[t.id] = t.schoolId }
            // course → term index → school → completing teachers, for whole-staff trainings.
            var tierCompletions: [String: [Int: [String: Int]]] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT a.teacherId, a.courseId, a.hoursTenths, a.status, a.result, a.date, c.category, c.tier
                FROM attendance a JOIN course c ON c.id = a.courseId
                WHERE a.date >= ? AND a.date <= ?
                """, arguments: [year.first.description, year.last.description])
            while let r = try rows.next() {
                let tid: String = r[0]
                guard standings[tid] != nil else { continue }
                let cid: String = r[1]
                let status: AttendanceStatus = r[3]
                let category: XinyuCore.Category = r[6]
                standings[tid]!.add(courseId: cid, category: category, hours: Hours(tenths: r[2]),
                                    status: status, result: r[4])
                let tier: Int = r[7]
                if tier == rules.unionQuota.wholeStaffTier, status == .completed {
                    let date: Day = r[5]
                    let term = year.terms[0].contains(date) ? 0 : 1
                    tierCompletions[cid, default: [:]][term, default: [:]][schoolOf[tid]!, default: 0] += 1
                }
            }
            var active: [String: Int] = [:]
            for t in teachers { active[t.schoolId, default: 0] += 1 }
            var wholeStaff: [String: [[String]]] = [:]
            for s in schools { wholeStaff[s.id] = [[], []] }
            for (cid, terms) in tierCompletions {
                for (term, bySchool) in terms {
                    for (sid, n) in bySchool where isWholeStaff(completed: n, active: active[sid] ?? 0, rules: rules) {
                        wholeStaff[sid]?[term].append(cid)
                    }
                }
            }
            for (sid, v) in wholeStaff { wholeStaff[sid] = v.map { $0.sorted() } }
            return QuotaLedger(year: year, schools: schools, teachers: teachers, standings: standings, wholeStaff: wholeStaff)
        }
    }

    /// A course is a whole-staff training of a school when at least the profile's share of the school's
    /// active teachers completed it (a school with no active teacher has none).
    public static func isWholeStaff(completed: Int, active: Int, rules: QuotaRules) -> Bool {
        guard active > 0 else { return false }
        return Double(completed) + 1e-9 >= rules.unionQuota.wholeStaffAttendanceShare * Double(active)
    }
}
