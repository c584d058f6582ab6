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
    /// counts active teachers only, and the union plans for the staff it has). `school` limits to one school,
    /// `district` to the schools of one district (read as such by the store, issue #18).
    public static func load(
        from db: any ReportStore, year: SchoolYear, school: String?, district: String? = nil, rules: QuotaRules
    ) throws -> QuotaLedger {
        let reading = try db.quotaYear(
            from: year.first, through: year.last, school: school, district: district, counting: rules.countingStates)
        let schools = reading.schools
        let teachers = reading.teachers
        var standings: [String: QuotaStanding] = [:]
        var schoolOf: [String: String] = [:]
        for t in teachers {
            standings[t.id] = QuotaStanding()
            schoolOf[t.id] = t.schoolId
        }
        // course → term index → school → completing teachers, for whole-staff trainings.
        var tierCompletions: [String: [Int: [String: Int]]] = [:]
        for r in reading.attendance {
            let tid = r.teacherId
            guard standings[tid] != nil else { continue }
            standings[tid]!.add(
                courseId: r.courseId, category: r.category, hours: Hours(tenths: r.tenths),
                status: r.status, result: r.result)
            if r.tier == rules.unionQuota.wholeStaffTier, r.status == .completed {
                let term = year.terms[0].contains(r.date) ? 0 : 1
                tierCompletions[r.courseId, default: [:]][term, default: [:]][schoolOf[tid]!, default: 0] += 1
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

    /// A course is a whole-staff training of a school when at least the profile's share of the school's
    /// active teachers completed it (a school with no active teacher has none).
    public static func isWholeStaff(completed: Int, active: Int, rules: QuotaRules) -> Bool {
        guard active > 0 else { return false }
        return Double(completed) + 1e-9 >= rules.unionQuota.wholeStaffAttendanceShare * Double(active)
    }
}
