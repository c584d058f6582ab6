/// The seat-allocation problem in index form: teachers × planned sessions.
///
/// A seat of session `s` gives its teacher `tenths[s]` hours in category slot `slot[s]` (and one professional
/// session when the slot is professional). Constraints: at most `capacity[s]` seats in `s`, total cost within
/// `budget`, at most one seat per teacher per date, seats only in `eligible[t]`.
struct SeatProblem: Sendable {
    var needs: [QuotaNeed]
    var eligible: [[Int]]
    var slot: [Int]
    var tenths: [Int]
    var cost: [Int]
    var capacity: [Int]
    var date: [Int]
    /// Budget in cents, nil for none.
    var budget: Int?

    var teacherCount: Int { needs.count }
    var sessionCount: Int { slot.count }
}

/// Seats per teacher and the figures the objective compares.
struct SeatSolution: Sendable {
    var seats: [[Int]]
    var needsAfter: [QuotaNeed]
    var compliant: Int
    var missingTenths: Int
    var cost: Int

    init(problem p: SeatProblem, seats: [[Int]]) {
        self.seats = seats
        var after = p.needs
        var compliant = 0
        var missing = 0
        var cost = 0
        for t in 0..<p.teacherCount {
            for s in seats[t] {
                after[t] = after[t].after(slot: p.slot[s], tenths: p.tenths[s])
                cost += p.cost[s]
            }
            if after[t].done { compliant += 1 }
            missing += after[t].hours
        }
        needsAfter = after
        self.compliant = compliant
        self.missingTenths = missing
        self.cost = cost
    }

    /// The objective, lexicographic: more teachers meeting every quota, then fewer missing hours, then lower cost.
    func isBetter(than o: SeatSolution) -> Bool {
        if compliant != o.compliant { return compliant > o.compliant }
        if missingTenths != o.missingTenths { return missingTenths < o.missingTenths }
        return cost < o.cost
    }

    /// Whether the seats respect capacity, budget, eligibility and one seat per teacher per date.
    func isFeasible(in p: SeatProblem) -> Bool {
        var used = [Int](repeating: 0, count: p.sessionCount)
        for t in 0..<p.teacherCount {
            var dates = Set<Int>()
            let ok = Set(p.eligible[t])
            for s in seats[t] {
                guard ok.contains(s), dates.insert(p.date[s]).inserted else { return false }
                used[s] += 1
            }
        }
        for s in 0..<p.sessionCount where used[s] > p.capacity[s] { return false }
        if let b = p.budget, cost > b { return false }
        return true
    }
}
