import Foundation
import Testing
import XinyuCore

@testable import Certifications

@Suite struct QuotaPlannerTests {
    /// Exhaustive search over every allocation: the optimum by the planner's objective.
    static func bruteForce(_ p: SeatProblem) -> SeatSolution {
        var best: SeatSolution? = nil
        var seats = [[Int]](repeating: [], count: p.teacherCount)
        func rec(_ t: Int) {
            if t == p.teacherCount {
                let sol = SeatSolution(problem: p, seats: seats)
                if sol.isFeasible(in: p), best == nil || sol.isBetter(than: best!) { best = sol }
                return
            }
            let e = p.eligible[t]
            for mask in 0..<(1 << e.count) {
                seats[t] = e.indices.filter { mask & (1 << $0) != 0 }.map { e[$0] }
                rec(t + 1)
            }
            seats[t] = []
        }
        rec(0)
        return best!
    }

    static func need(pub: Int = 0, pro: Int = 0, ele: Int = 0, total: Int = 0, sessions: Int = 0) -> QuotaNeed {
        QuotaNeed(
            QuotaMissing(
                public: Hours(tenths: pub), professional: Hours(tenths: pro), elective: Hours(tenths: ele),
                total: Hours(tenths: total), sessions: sessions))
    }

    /// Random small problems: planner ≤ brute-force optimum ≤ bound, planner feasible.
    @Test func plannerAndBoundBracketTheOptimum() {
        var rng = TestRandom(seed: 42)
        var equal = 0
        let cases = 150
        for _ in 0..<cases {
            let nt = rng.int(1...3)
            let ns = rng.int(2...4)
            let slot = (0..<ns).map { _ in rng.int(0...2) }
            let tenths = (0..<ns).map { _ in rng.int(1...3) * 30 }
            var needs: [QuotaNeed] = []
            var eligible: [[Int]] = []
            for _ in 0..<nt {
                let c = [rng.int(0...2) * 30, rng.int(0...3) * 30, rng.int(0...1) * 30]
                needs.append(
                    Self.need(
                        pub: c[0], pro: c[1], ele: c[2], total: c[0] + c[1] + c[2] + rng.int(0...1) * 30,
                        sessions: rng.int(0...2)))
                eligible.append((0..<ns).filter { _ in rng.int(0...4) > 0 })
            }
            let p = SeatProblem(
                needs: needs, eligible: eligible, slot: slot, tenths: tenths,
                cost: (0..<ns).map { _ in rng.int(1...5) * 100 }, capacity: (0..<ns).map { _ in rng.int(0...2) },
                date: (0..<ns).map { _ in rng.int(0...2) }, budget: rng.int(0...1) == 0 ? nil : rng.int(2...10) * 100)
            let plan = SeatSolver.solve(p)
            let opt = Self.bruteForce(p)
            let bound = SeatBound.compute(p).bound
            #expect(plan.isFeasible(in: p))
            #expect(plan.compliant <= opt.compliant)
            #expect(opt.compliant <= bound, "bound \(bound) below optimum \(opt.compliant) for \(p)")
            if plan.compliant == opt.compliant { equal += 1 }
        }
        // The heuristic should find the optimum count on nearly all small cases.
        #expect(equal * 100 >= cases * 95, "planner optimal on \(equal) of \(cases)")
    }

    /// Designed case: a scarce seat must go to the teacher who needs only it; greedy order by effort finds it,
    /// the bound proves it, and it equals brute force.
    @Test func scarceSeatGoesToTheCheapestTeacher() {
        // Sessions: 0 professional 6 h cap 1 (day 1); 1 professional 6 h cap 1 (day 2); 2 public 6 h cap 2 (day 1).
        let p = SeatProblem(
            needs: [
                Self.need(pro: 120, total: 120, sessions: 2), Self.need(pro: 60, total: 60, sessions: 1),
                Self.need(pub: 60, total: 60),
            ],
            eligible: [[0, 1, 2], [0, 1, 2], [0, 1, 2]],
            slot: [1, 1, 0], tenths: [60, 60, 60], cost: [100, 100, 100], capacity: [1, 1, 2], date: [1, 2, 1], budget: nil)
        let plan = SeatSolver.solve(p)
        let opt = Self.bruteForce(p)
        let bound = SeatBound.compute(p).bound
        #expect(plan.compliant == 2 && opt.compliant == 2)
        #expect(bound >= 2)
        #expect(plan.seats[2] == [2])
        #expect(plan.missingTenths == opt.missingTenths, "the leftover seat goes to teacher 0 to cut missing hours")
    }

    /// Designed case: the budget is the limit; the cheaper teachers get seats; the bound equals the plan.
    @Test func budgetLimitsAndTheBoundIsTight() {
        let p = SeatProblem(
            needs: [Self.need(ele: 60, total: 60), Self.need(ele: 60, total: 60), Self.need(ele: 120, total: 120)],
            eligible: [[0, 1], [0, 1], [0, 1]],
            slot: [2, 2], tenths: [60, 60], cost: [300, 500], capacity: [3, 3], date: [1, 2], budget: 700)
        let plan = SeatSolver.solve(p)
        let opt = Self.bruteForce(p)
        #expect(plan.compliant == opt.compliant && opt.compliant == 2)
        #expect(SeatBound.compute(p).bound == 2)
        #expect(plan.cost <= 700)
    }

    /// Same-date sessions never go to one teacher; an unreachable teacher gets a reason.
    @Test func sameDateAndUnreachable() {
        let p = SeatProblem(
            needs: [Self.need(pro: 120, total: 120, sessions: 2), Self.need(pub: 600, total: 600)],
            eligible: [[0, 1], [2]],
            slot: [1, 1, 0], tenths: [60, 60, 60], cost: [0, 0, 0], capacity: [5, 5, 5], date: [7, 7, 8], budget: nil)
        let plan = SeatSolver.solve(p)
        #expect(plan.compliant == 0)
        #expect(Set(plan.seats[0].map { p.date[$0] }).count == plan.seats[0].count)
        let b = SeatBound.compute(p)
        #expect(b.bound == 0)
        #expect(b.unreachable[0] != nil && b.unreachable[1] != nil)
    }

    /// End to end from the store: rosters, per-school cost, before/after, school restrictions.
    @Test func plansFromTheStore() throws {
        let db = try QuotaFixture.database(
            schools: ["A", "B"],
            teachers: [("a1", "A", true), ("a2", "A", true), ("b1", "B", true)],
            courses: [("pub", .public, 40), ("ele", .elective, 40), ("pro", .professional, 40), ("pro2", .professional, 40)],
            attendance: [
                // a1 needs 6 h professional and one session; a2 is 6 h short of elective; b1 has nothing.
                ("a1", "pub", 18, .completed, .none, "2025-09-05"), ("a1", "ele", 12, .completed, .none, "2025-09-06"),
                ("a1", "pro", 36, .completed, .none, "2025-09-07"), ("a1", "pro2", 0, .completed, .none, "2025-09-08"),
                ("a2", "pub", 18, .completed, .none, "2025-09-05"), ("a2", "ele", 6, .completed, .none, "2025-09-06"),
                ("a2", "pro", 48, .completed, .none, "2025-09-07"),
            ])
        let csv = """
            \u{FEFF}id,title,date,hours,category,tier,capacity,cost per seat,schools\r
            P1,"专业培训, 一",2026-03-02,6,professional,40,5,120.50,A\r
            P2,选修,2026-03-03,6,elective,60,5,80,\r
            P3,专业培训二,2026-03-04,6,professional,40,5,100,A\r
            P4,专业培训三,2026-03-05,6,professional,40,5,100,A\r
            """
        let year = SchoolYear(startYear: 2025)
        let sessions = try PlannedSession.parse(csv: csv, file: "s.csv", year: year, knownSchools: ["A", "B"])
        #expect(sessions.count == 4 && sessions[0].title == "专业培训, 一" && sessions[0].costCents == 12050)
        let plan = try QuotaPlanner.plan(
            in: db, year: year, sessions: sessions, budgetCents: nil, school: nil, rules: QuotaFixture.rules)
        #expect(plan.before.meetsAll == 0)
        // a2 needs 6 h elective (P2) and 3 more sessions (P1, P3, P4). a1 needs 6 h professional and 2 more
        // sessions: the two cheapest, P3 and P4. b1 (school B) can reach only P2: short, but gets it to cut missing hours.
        #expect(plan.after.meetsAll == 2)
        #expect(plan.upperBound == 2 && plan.gap == 0)
        let seatsA = try #require(plan.schools.first { $0.id == "A" })
        #expect(seatsA.seats == 6 && seatsA.cost == "600.50")
        #expect(plan.seats == 7)
        #expect(plan.unmet.map(\.teacher) == ["b1"])
        #expect(plan.sessions.first { $0.id == "P1" }?.seats.map(\.teacher) == ["a2"])
        #expect(plan.sessions.first { $0.id == "P3" }?.seats.map(\.teacher) == ["a1", "a2"])
        #expect(plan.sessions.first { $0.id == "P2" }?.seats.map(\.teacher) == ["a2", "b1"])
        // Rosters CSV and calendars.
        let rosters = plan.rosterTable().csv()
        #expect(rosters.hasPrefix("\u{FEFF}session,"))
        #expect(rosters.contains("\"专业培训, 一\""))
        let cals = plan.calendars(stamp: Date(timeIntervalSince1970: 0))
        #expect(cals.keys.sorted() == ["A", "B"])
        let ics = try #require(cals["A"])
        #expect(ics.contains("DTSTART;VALUE=DATE:20260302\r\n"))
        #expect(ics.contains("SUMMARY:专业培训\\, 一\r\n"))
        #expect(ics.contains("DTSTAMP:19700101T000000Z\r\n"))
        for line in ics.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75) }
        #expect(!ics.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }
}
