/// The planner's heuristic: a lazy greedy by effort, keeping the best of its variants.
///
/// Every teacher who can still reach every quota gets an "effort": the seats (or, with a budget, the cost) of
/// their own greedy plan given the seats still free. Teachers are taken cheapest effort first from a priority
/// queue; a popped teacher's plan is recomputed against the seats now left and committed only if it is still no
/// dearer than the next teacher's effort (otherwise the teacher goes back in the queue with the new effort) —
/// the classic lazy greedy for maximising how many teachers are covered. A teacher's plan is a greedy cover
/// (the seat closing the largest share of what is missing, cheapest on ties; redundant seats dropped), and
/// only plans that close every gap within the remaining capacity and budget are committed. Seats still free
/// then go to teachers who cannot reach the quota, smallest gap first, to cut their missing hours. Without a
/// budget the effort is seats; with one, both seats and cost are tried and the better result by the objective
/// wins. ``SeatBound`` gives the upper bound the result is measured against.
enum SeatSolver {
    enum Mode { case seats, cost }

    /// A solution plus, per teacher, whether some plan existed with every seat free and its cost.
    struct Outcome {
        var solution: SeatSolution
        /// Cost of the teacher's own plan with every seat free; nil when none closes the gaps (or already done).
        var aloneCost: [Int?]
    }

    static func solve(_ p: SeatProblem) -> SeatSolution { solveWithDetail(p).solution }

    static func solveWithDetail(_ p: SeatProblem) -> Outcome {
        let budget = p.budget ?? Int.max / 4
        var best: Outcome? = nil
        let keys = groupKeys(p)
        for mode in p.budget == nil ? [Mode.seats] : [.cost, .seats] {
            let o = run(p, keys: keys, mode: mode, budget: budget)
            if best == nil || o.solution.isBetter(than: best!.solution) { best = o }
        }
        return best!
    }

    /// Teachers with the same need and the same eligible sessions plan alike: a cache key.
    struct GroupKey: Hashable {
        var need: QuotaNeed
        var list: Int
    }

    /// Each teacher's group: equal teachers (same need, same eligible sessions) share plans.
    static func groupKeys(_ p: SeatProblem) -> [GroupKey] {
        var listIds: [[Int]: Int] = [:]
        return (0..<p.teacherCount).map { t in
            let id =
                listIds[p.eligible[t]]
                ?? {
                    let n = listIds.count
                    listIds[p.eligible[t]] = n
                    return n
                }()
            return GroupKey(need: p.needs[t], list: id)
        }
    }

    static func run(_ p: SeatProblem, keys: [GroupKey], mode: Mode, budget: Int) -> Outcome {
        var cap = p.capacity
        var left = budget
        var cache: [GroupKey: (picks: [Int], cost: Int)?] = [:]
        func effort(_ g: (picks: [Int], cost: Int)) -> (Int, Int) {
            mode == .seats ? (g.picks.count, g.cost) : (g.cost, g.picks.count)
        }
        func stillValid(_ g: (picks: [Int], cost: Int)) -> Bool {
            g.cost <= left && g.picks.allSatisfy { cap[$0] > 0 }
        }
        /// The teacher's plan given the seats left, reusing the group's last plan when all its seats are still free
        /// (the greedy would pick the same seats again: it only ever skips full or unaffordable sessions).
        func plan(_ t: Int) -> (picks: [Int], cost: Int)? {
            if let cached = cache[keys[t]] {
                guard let g = cached else { return nil }  // no plan even with more seats free: none now
                if stillValid(g) { return g }
            }
            let g = greedy(p, t, capacity: cap, budget: left, mode: mode, partial: false)
            cache[keys[t]] = .some(g)
            return g
        }
        var aloneCost = [Int?](repeating: nil, count: p.teacherCount)
        var heap = Heap()
        for t in 0..<p.teacherCount where !p.needs[t].done {
            guard let g = plan(t) else { continue }
            aloneCost[t] = g.cost
            let e = effort(g)
            heap.push(HeapItem(a: e.0, b: e.1, c: p.needs[t].hours, t: t))
        }
        var seats = [[Int]](repeating: [], count: p.teacherCount)
        while let top = heap.pop() {
            let t = top.t
            guard let g = plan(t) else { continue }
            let e = effort(g)
            if let next = heap.peek(), (e.0, e.1, p.needs[t].hours, t) > (next.a, next.b, next.c, next.t) {
                heap.push(HeapItem(a: e.0, b: e.1, c: p.needs[t].hours, t: t))
                continue
            }
            seats[t] = g.picks
            for s in g.picks { cap[s] -= 1 }
            left -= g.cost
        }
        // Partial progress for those still short, smallest gap first.
        let rest = (0..<p.teacherCount).filter { seats[$0].isEmpty && !p.needs[$0].done }
            .sorted { (p.needs[$0].hours, p.needs[$0].sessions, $0) < (p.needs[$1].hours, p.needs[$1].sessions, $1) }
        var exhausted = Set<Int>()  // eligible lists with no free affordable seat left
        for t in rest {
            if exhausted.contains(keys[t].list) { continue }
            guard let g = greedy(p, t, capacity: cap, budget: left, mode: mode, partial: true) else {
                if !p.eligible[t].contains(where: { cap[$0] > 0 && p.cost[$0] <= left }) { exhausted.insert(keys[t].list) }
                continue
            }
            seats[t] = g.picks
            for s in g.picks { cap[s] -= 1 }
            left -= g.cost
        }
        return Outcome(solution: SeatSolution(problem: p, seats: seats), aloneCost: aloneCost)
    }

    /// A greedy cover of teacher `t`'s needs from sessions with free seats, within `budget`.
    /// Returns nil when nothing helps, or (unless `partial`) when the needs cannot all be closed.
    static func greedy(
        _ p: SeatProblem, _ t: Int, capacity cap: [Int], budget: Int, mode: Mode,
        partial: Bool
    ) -> (picks: [Int], cost: Int)? {
        var need = p.needs[t]
        var picks: [Int] = []
        var dates: [Int] = []
        var spent = 0
        let eligible = p.eligible[t]
        while !need.done {
            let d = need.hours
            let k = need.sessions
            let invD = d > 0 ? 1.0 / Double(d) : 0
            let invK = k > 0 ? 1.0 / Double(k) : 0
            var best = -1
            var bestValue = -1.0
            var bestCost = 0
            for s in eligible {
                let c = p.cost[s]
                if cap[s] <= 0 || c > budget - spent { continue }
                let n = need.after(slot: p.slot[s], tenths: p.tenths[s])
                let dd = d - n.hours
                let dk = k - n.sessions
                if dd == 0 && dk == 0 { continue }
                if dates.contains(p.date[s]) { continue }
                let score = Double(dd) * invD + Double(dk) * invK
                let value = mode == .seats ? score : score / Double(c + 100)
                if value > bestValue + 1e-12
                    || (abs(value - bestValue) <= 1e-12 && (c < bestCost || (c == bestCost && p.tenths[s] > p.tenths[best])))
                {
                    best = s
                    bestValue = value
                    bestCost = c
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
            if n.done {
                spent -= p.cost[order[i]]
                order.remove(at: i)
            } else {
                i += 1
            }
        }
        return (order, spent)
    }
}

/// A queue entry: effort (a, b), then missing hours c, then teacher index t — smallest first.
struct HeapItem {
    var a: Int, b: Int, c: Int, t: Int
    static func < (x: HeapItem, y: HeapItem) -> Bool { (x.a, x.b, x.c, x.t) < (y.a, y.b, y.c, y.t) }
}

/// A binary min-heap of ``HeapItem``.
struct Heap {
    private var items: [HeapItem] = []
    var isEmpty: Bool { items.isEmpty }
    func peek() -> HeapItem? { items.first }

    mutating func push(_ x: HeapItem) {
        items.append(x)
        var i = items.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            if items[i] < items[parent] {
                items.swapAt(i, parent)
                i = parent
            } else {
                break
            }
        }
    }

    mutating func pop() -> HeapItem? {
        guard !items.isEmpty else { return nil }
        let top = items[0]
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var i = 0
            while true {
                let l = 2 * i + 1
                let r = l + 1
                var m = i
                if l < items.count && items[l] < items[m] { m = l }
                if r < items.count && items[r] < items[m] { m = r }
                if m == i { break }
                items.swapAt(i, m)
                i = m
            }
        }
        return top
    }
}
