import XinyuCore

/// Plans seats in planned sessions so that as many active teachers as possible end the school year meeting
/// every quota (hours per category and in total, professional sessions).
///
/// Decisions where the rules are silent: a planned seat is assumed attended in full, completed and not failed;
/// a teacher is never given a seat in a planned session whose id equals a professional course they already
/// completed (it would not be a distinct session); "one session per date" applies to planned seats; only active
/// teachers get seats; ties between allocations with the same number of teachers at quota go to fewer missing
/// hours, then lower cost.
public enum QuotaPlanner {
    /// Plans from the store: loads the ledger for `year` (optionally one school) and allocates seats.
    public static func plan(
        in db: any ReportStore, year: SchoolYear, sessions: [PlannedSession], budgetCents: Int?,
        school: String?, rules: QuotaRules
    ) throws -> QuotaPlan {
        let ledger = try QuotaLedger.load(from: db, year: year, school: school, rules: rules)
        return plan(ledger: ledger, sessions: sessions, budgetCents: budgetCents, rules: rules)
    }

    /// Plans from files: the sessions CSV at `sessionsPath`, the budget text ("12000" or "12000.50", yuan),
    /// the profile at `profilePath` (nil: the bundled default).
    public static func plan(
        in db: any ReportStore, year: SchoolYear, sessionsPath: String, budget: String?,
        school: String?, profilePath: String?
    ) throws -> QuotaPlan {
        let rules = try QuotaRules.load(profilePath: profilePath)
        var cents: Int? = nil
        if let budget {
            guard let c = Money.parse(budget) else {
                throw QuotaPlanError.badBudget(budget)
            }
            cents = c
        }
        let known = Set(try db.schoolSummaries().map(\.id))
        if let school, !known.contains(school) { throw StoreError.unknownSchool(id: school) }
        let sessions = try PlannedSession.load(path: sessionsPath, year: year, knownSchools: known)
        return try plan(in: db, year: year, sessions: sessions, budgetCents: cents, school: school, rules: rules)
    }

    /// Plans against an already loaded ledger.
    public static func plan(ledger: QuotaLedger, sessions: [PlannedSession], budgetCents: Int?, rules: QuotaRules) -> QuotaPlan {
        let teachers = ledger.teachers
        let needs = teachers.map { QuotaNeed((ledger.standings[$0.id] ?? QuotaStanding()).missing(rules)) }
        // Sessions each school may use.
        var bySchool: [String: [Int]] = [:]
        for s in ledger.schools {
            bySchool[s.id] = sessions.indices.filter { sessions[$0].allows(school: s.id) }
        }
        let eligible: [[Int]] = teachers.map { t in
            let done = ledger.standings[t.id]?.professionalCourses ?? []
            let list = bySchool[t.schoolId] ?? []
            return done.isEmpty ? list : list.filter { !done.contains(sessions[$0].id) }
        }
        let problem = SeatProblem(
            needs: needs, eligible: eligible,
            slot: sessions.map { QuotaStanding.index($0.category) },
            tenths: sessions.map(\.hours.tenths), cost: sessions.map(\.costCents),
            capacity: sessions.map(\.capacity), date: sessions.map(\.date.ordinal),
            budget: budgetCents)
        let outcome = SeatSolver.solveWithDetail(problem)
        let bound = SeatBound.compute(problem)
        return assemble(
            ledger: ledger, sessions: sessions, problem: problem, outcome: outcome, bound: bound,
            budgetCents: budgetCents, rules: rules)
    }

    static func assemble(
        ledger: QuotaLedger, sessions: [PlannedSession], problem p: SeatProblem,
        outcome: SeatSolver.Outcome, bound: SeatBound.Result, budgetCents: Int?,
        rules: QuotaRules
    ) -> QuotaPlan {
        let sol = outcome.solution
        let teachers = ledger.teachers
        func compliance(_ needs: [QuotaNeed]) -> QuotaPlan.Compliance {
            var c = QuotaPlan.Compliance(teachers: needs.count, meetsHours: 0, meetsSessions: 0, meetsAll: 0)
            for n in needs {
                if n.hours == 0 { c.meetsHours += 1 }
                if n.sessions == 0 { c.meetsSessions += 1 }
                if n.done { c.meetsAll += 1 }
            }
            return c
        }
        // Rosters.
        var roster = [[Int]](repeating: [], count: sessions.count)
        for t in teachers.indices { for s in sol.seats[t] { roster[s].append(t) } }
        let rosters = sessions.indices.map { s in
            QuotaPlan.SessionRoster(
                id: sessions[s].id, title: sessions[s].title, date: sessions[s].date, hours: sessions[s].hours,
                category: sessions[s].category, tier: sessions[s].tier, capacity: sessions[s].capacity,
                costPerSeat: Money.format(sessions[s].costCents),
                seats: roster[s].map {
                    QuotaPlan.Seat(teacher: teachers[$0].id, name: teachers[$0].name, school: teachers[$0].schoolId)
                },
                cost: Money.format(sessions[s].costCents * roster[s].count))
        }.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
        // Per school.
        var idx: [String: Int] = [:]
        var lines: [QuotaPlan.SchoolSeats] = ledger.schools.enumerated().map { i, s in
            idx[s.id] = i
            return QuotaPlan.SchoolSeats(
                id: s.id, name: s.name, teachers: 0, seats: 0, cost: "0.00",
                meetsAllBefore: 0, meetsAllAfter: 0, wholeStaffAfter: [])
        }
        var schoolCost = [Int](repeating: 0, count: lines.count)
        var seatsBySchoolSession: [String: [Int: Int]] = [:]
        for (t, teacher) in teachers.enumerated() {
            guard let i = idx[teacher.schoolId] else { continue }
            lines[i].teachers += 1
            lines[i].seats += sol.seats[t].count
            for s in sol.seats[t] {
                schoolCost[i] += p.cost[s]
                seatsBySchoolSession[teacher.schoolId, default: [:]][s, default: 0] += 1
            }
            if p.needs[t].done { lines[i].meetsAllBefore += 1 }
            if sol.needsAfter[t].done { lines[i].meetsAllAfter += 1 }
        }
        let terms = ledger.year.terms
        for i in lines.indices {
            lines[i].cost = Money.format(schoolCost[i])
            var ws = ledger.wholeStaff[lines[i].id] ?? [[], []]
            for (s, n) in seatsBySchoolSession[lines[i].id] ?? [:] where sessions[s].tier == rules.unionQuota.wholeStaffTier {
                if QuotaLedger.isWholeStaff(completed: n, active: lines[i].teachers, rules: rules) {
                    ws[terms[0].contains(sessions[s].date) ? 0 : 1].append(sessions[s].id)
                }
            }
            lines[i].wholeStaffAfter = terms.enumerated().map { k, term in
                QuotaReport.WholeStaffTerm(
                    term: term.description, count: ws[k].count,
                    quota: rules.unionQuota.wholeStaffTrainingsPerTerm,
                    met: ws[k].count >= rules.unionQuota.wholeStaffTrainingsPerTerm,
                    courses: ws[k].sorted())
            }
        }
        // Who still falls short, and why.
        let spent = sol.cost
        var unmet: [QuotaPlan.Unmet] = []
        for (t, teacher) in teachers.enumerated() where !sol.needsAfter[t].done {
            let reason: String
            if let r = bound.unreachable[t] {
                reason = r
            } else if outcome.aloneCost[t] == nil {
                reason =
                    budgetCents == nil
                    ? "the open sessions cannot be combined to close the gap (dates clash)"
                    : "the open sessions cannot be combined to close the gap within the budget (dates clash or too dear)"
            } else if let b = budgetCents, let c = outcome.aloneCost[t], c > b - spent {
                reason = "budget: \(Money.format(b - spent)) left; their own plan found costs \(Money.format(c))"
            } else {
                reason = "capacity: the seats needed went to teachers closer to quota"
            }
            unmet.append(
                QuotaPlan.Unmet(
                    teacher: teacher.id, name: teacher.name, school: teacher.schoolId,
                    missing: sol.needsAfter[t].missing, reason: reason))
        }
        let after = compliance(sol.needsAfter)
        return QuotaPlan(
            year: ledger.year.description, budget: budgetCents.map(Money.format),
            seats: sol.seats.reduce(0) { $0 + $1.count }, cost: Money.format(sol.cost),
            before: compliance(p.needs), after: after, upperBound: bound.bound,
            gap: bound.bound - after.meetsAll, missingHoursAfter: Hours(tenths: sol.missingTenths),
            sessions: rosters, schools: lines, unmet: unmet)
    }
}
