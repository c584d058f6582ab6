/// The planner's heuristic: several greedy passes, keep the best.
///
/// Each pass orders the teachers who can still reach every quota by how little they need (their own cheapest
/// plan with all seats free), gives each in turn the seats that close their gaps (a greedy cover: the seat
/// closing the largest share of what is left, cheapest on ties, then redundant seats dropped), and commits the
/// plan only when it closes every gap within the remaining capacity and budget. Seats still free then go to
/// teachers who cannot reach the quota, to cut their missing hours. Passes differ in what "little" means (seats
/// or cost) and in weighting contended sessions; the best pass by the objective wins. ``SeatBound`` gives the
/// upper bound the result is measured against.
enum SeatSolver {
    enum Mode { case seats, cost }

    static func solve(_ p: SeatProblem) -> SeatSolution {
        let noBudget = Int.max / 4
        let budget = p.budget ?? noBudget
        let full = p.capacity
        var best: SeatSolution? = nil
        for mode in [Mode.seats, .cost] {
            // Each teacher's own plan with every seat free.
            var alone: [(picks: [Int], cost: Int)?] = []
            alone.reserveCapacity(p.teacherCount)
            var demand = [Int](repeating: 0, count: p.sessionCount)
            for t in 0..<p.teacherCount {
                if p.needs[t].done { alone.append(nil); continue }
                let g = greedy(p, t, capacity: full, budget: budget, mode: mode, partial: false)
                alone.append(g)
                for s in g?.picks ?? [] { demand[s] += 1 }
            }
            let candidates = (0..<p.teacherCount).filter { alone[$0] != nil }
            func effort(_ t: Int) -> (Int, Int) {
                let a = alone[t]!
                return mode == .seats ? (a.picks.count, a.cost) : (a.cost, a.picks.count)
            }
            let byEffort = candidates.sorted {
                let a = effort($0), b = effort($1)
                if a != b { return a < b }
                if p.needs[$0].hours != p.needs[$1].hours { return p.needs[$0].hours < p.needs[$1].hours }
                return $0 < $1
            }
            var contention: [Double] = []
            contention.reserveCapacity(p.teacherCount)
            for t in 0..<p.teacherCount {
                contention.append((alone[t]?.picks ?? []).reduce(0.0) { acc, s in
                    acc + Double(demand[s]) / Double(max(1, p.capacity[s]))
                })
            }
            let byContention = candidates.sorted {
                if contention[$0] != contention[$1] { return contention[$0] < contention[$1] }
                let a = effort($0), b = effort($1)
                if a != b { return a < b }
                return $0 < $1
            }
            for order in [byEffort, byContention] {
                let sol = run(p, order: order, mode: mode, budget: budget)
                if best == nil || sol.isBetter(than: best!) { best = sol }
            }
        }
        return best ?? SeatSolution(problem: p, seats: Array(repeating: [], count: p.teacherCount))
    }

    /// One pass: full plans in `order`, then partial seats for the rest.
    static func run(_ p: SeatProblem, order: [Int], mode: Mode, budget: Int) -> SeatSolution {
        var cap = p.capacity
        var left = budget
        var seats = [[Int]](repeating: [], count: p.teacherCount)
        for t in order {
            guard let g = greedy(p, t, capacity: cap, budget: left, mode: mode, partial: false) else { continue }
            seats[t] = g.picks
            for s in g.picks { cap[s] -= 1 }
            left -= g.cost
        }
        // Partial progress for those still short, smallest gap first.
        let rest = (0..<p.teacherCount).filter { seats[$0].isEmpty && !p.needs[$0].done }
            .sorted { (p.needs[$0].hours, p.needs[$0].sessions, $0) < (p.needs[$1].hours, p.needs[$1].sessions, $1) }
        for t in rest {
            guard let g = greedy(p, t, capacity: cap, budget: left, mode: mode, partial: true) else { continue }
            seats[t] = g.picks
            for s in g.picks { cap[s] -= 1 }
            left -= g.cost
        }
        return SeatSolution(problem: p, seats: seats)
    }

    /// A greedy cover of teacher `t`'s needs from sessions with free seats, within `budget`.
    /// Returns nil when nothing helps, or (unless `partial`) when the needs cannot all be closed.
    static func greedy(_ p: SeatProblem, _ t: Int, capacity cap: [Int], budget: Int, mode: Mode,
                       partial: Bool) -> (picks: [Int], cost: Int)? {
        var need = p.needs[t]
        var picks: [Int] = []
        var dates: [Int] = []
        var spent = 0
        while !need.done {
            let d = need.hours, k = need.sessions
            var best = -1, bestValue = -1.0, bestCost = 0
            for s in p.eligible[t] {
                if cap[s] <= 0 || p.cost[s] > budget - spent || dates.contains(p.date[s]) { continue }
                let n = need.after(slot: p.slot[s], tenths: p.tenths[s])
                let dd = d - n.hours, dk = k - n.sessions
                if dd == 0 && dk == 0 { continue }
                var score = 0.0
                if d > 0 { score += Double(dd) / Double(d) }
                if k > 0 { score += Double(dk) / Double(k) }
                let value = mode == .seats ? score : score / Double(p.cost[s] + 100)
                if value > bestValue + 1e-12
                    || (abs(value - bestValue) <= 1e-12 && (p.cost[s] < bestCost
                        || (p.cost[s] == bestCost && p.tenths[s] > p.tenths[best]))) {
                    best = s; bestValue = value; bestCost = p.cost[s]
                }
            }
            if best < 0 { break }
            picks.append(best)
            dates.append(p.date[best])
            spent += p.cost[best]
            need = need.after(slot: p.slot[best], tenths: p.tenths[best])
        }
        if !need.done {
            return partial && !picks.isEmpty ? (picks, spent) : nil
        }
        // Drop seats the plan does not need, dearest first.
        var i = 0
        var order = picks.sorted { (p.cost[$0], -p.tenths[$0]) > (p.cost[$1], -p.tenths[$1]) }
        while i < order.count {
            var n = p.needs[t]
            for (j, s) in order.enumerated() where j != i { n = n.after(slot: p.slot[s], tenths: p.tenths[s]) }
            if n.done { spent -= p.cost[order[i]]; order.remove(at: i) } else { i += 1 }
        }
        return (order, spent)
    }
}
