/// An upper bound on how many teachers any seat allocation can bring to every quota, with its argument.
///
/// Teachers already meeting every quota count. For each other teacher, relax the problem to necessary
/// conditions that hold in every feasible allocation:
/// 1. **Reach.** With at most one seat per date, the teacher can gain in category c at most the sum over dates
///    of the longest open category-c session that date (likewise for all hours, and one professional session per
///    date). If that is short of the need, no allocation brings this teacher to quota.
/// 2. **Seats.** Closing category c's gap takes at least k_c seats of category c (longest sessions first,
///    one per date); professional also needs at least the missing session count. Every seat uses capacity.
/// 3. **Money.** Closing the gaps costs at least the fractional (LP) cover cost per category, and at least the
///    cheapest missing-session count of professional seats.
///
/// If U is the set of m teachers newly at quota in some feasible allocation, U uses at least the sum of the m
/// smallest k_c of category-c seats and the m smallest category gaps in hours (likewise for all seats and all
/// hours). Those seats must exist (capacity), and they cost at least the m smallest own-plan cost bounds, at least
/// the cheapest that many seats of each category (filling capacities cheapest first), and at least the cheapest
/// that many hours (fractionally, per hour). The bound is the baseline plus the largest m for which all of this
/// fits the capacities and the budget. It holds for every allocation, hence is ≥ the optimum.
enum SeatBound {
    struct Result: Sendable {
        var bound: Int
        /// Per teacher: nil when reachable, else why no allocation can bring them to quota.
        var unreachable: [String?]
    }

    static func compute(_ p: SeatProblem) -> Result {
        var base = 0
        var seatNeeds: [Int] = [], slotNeeds: [[Int]] = [[], [], []], costNeeds: [Int] = []
        var hourNeeds: [Int] = [], slotHourNeeds: [[Int]] = [[], [], []]
        var unreachable = [String?](repeating: nil, count: p.teacherCount)
        for t in 0..<p.teacherCount {
            let need = p.needs[t]
            if need.done { base += 1; continue }
            let open = p.eligible[t].filter { p.capacity[$0] > 0 }
            // Longest per date, per slot and overall; professional dates.
            var bySlotDate: [[Int: Int]] = [[:], [:], [:]]
            var anyDate: [Int: Int] = [:]
            for s in open {
                bySlotDate[p.slot[s]][p.date[s]] = max(bySlotDate[p.slot[s]][p.date[s]] ?? 0, p.tenths[s])
                anyDate[p.date[s]] = max(anyDate[p.date[s]] ?? 0, p.tenths[s])
            }
            let names = ["public", "professional", "elective"]
            var reason: String? = nil
            var k = [0, 0, 0]
            for c in 0..<3 {
                let gap = need.category(c)
                let (count, reached) = prefixCount(bySlotDate[c].values.sorted(by: >), toReach: gap)
                if !reached && reason == nil {
                    reason = "the open \(names[c]) sessions offer at most \(Hours(tenths: bySlotDate[c].values.reduce(0, +))) h on distinct dates; \(Hours(tenths: gap)) h missing"
                }
                k[c] = count
            }
            if reason == nil, need.sessions > bySlotDate[1].count {
                reason = "only \(bySlotDate[1].count) open professional session date\(bySlotDate[1].count == 1 ? "" : "s"); \(need.sessions) sessions missing"
            }
            let (kh, reachedH) = prefixCount(anyDate.values.sorted(by: >), toReach: need.hours)
            if reason == nil, !reachedH {
                reason = "the open sessions offer at most \(Hours(tenths: anyDate.values.reduce(0, +))) h on distinct dates; \(Hours(tenths: need.hours)) h missing"
            }
            if let reason { unreachable[t] = reason; continue }
            k[1] = max(k[1], need.sessions)
            seatNeeds.append(max(kh, k[0] + k[1] + k[2]))
            for c in 0..<3 { slotNeeds[c].append(k[c]); slotHourNeeds[c].append(need.category(c)) }
            hourNeeds.append(need.hours)
            // Money: fractional cover per category; professional also needs its missing sessions' seats.
            var money = 0.0
            for c in 0..<3 {
                var lb = fractionalCost(open.filter { p.slot[$0] == c }, p, toReach: need.category(c))
                if c == 1, need.sessions > 0 {
                    let cheapest = open.filter { p.slot[$0] == 1 }.map { p.cost[$0] }.sorted().prefix(need.sessions)
                    lb = max(lb, Double(cheapest.reduce(0, +)))
                }
                money += lb
            }
            money = max(money, fractionalCost(open, p, toReach: need.hours))
            costNeeds.append(Int((money - 1e-6).rounded(.down)))
        }
        let m = maxTeachers(p, seatNeeds: seatNeeds, slotNeeds: slotNeeds, hourNeeds: hourNeeds, slotHourNeeds: slotHourNeeds,
                            costNeeds: costNeeds)
        return Result(bound: base + m, unreachable: unreachable)
    }

    /// The largest m such that the m smallest requirements of every resource fit: seats per category and in
    /// all (the cheapest such seats, filling capacities), hours per category and in all (the cheapest hours,
    /// fractionally), and, with a budget, their least cost.
    static func maxTeachers(_ p: SeatProblem, seatNeeds: [Int], slotNeeds: [[Int]], hourNeeds: [Int],
                            slotHourNeeds: [[Int]], costNeeds: [Int]) -> Int {
        let all = Array(0..<p.sessionCount)
        let bySlot = (0..<3).map { c in all.filter { p.slot[$0] == c } }
        func prefix(_ v: [Int]) -> [Int] {
            var out = [0]; out.reserveCapacity(v.count + 1)
            for x in v.sorted() { out.append(out.last! + x) }
            return out
        }
        let seatP = prefix(seatNeeds), hourP = prefix(hourNeeds), costP = prefix(costNeeds)
        let slotSeatP = slotNeeds.map(prefix), slotHourP = slotHourNeeds.map(prefix)
        /// Least cost of `n` seats from `sessions` (cheapest first, filling capacities); nil if there are not enough.
        func seatCost(_ n: Int, _ sessions: [Int]) -> Double? {
            var left = n, cost = 0.0
            for s in sessions.sorted(by: { p.cost[$0] < p.cost[$1] }) where left > 0 {
                let take = min(left, p.capacity[s]); cost += Double(take * p.cost[s]); left -= take
            }
            return left > 0 ? nil : cost
        }
        /// Least cost of `h` tenths from `sessions` (cheapest per hour first, fractionally); nil if not enough.
        func hourCost(_ h: Int, _ sessions: [Int]) -> Double? {
            var left = Double(h), cost = 0.0
            for s in sessions.sorted(by: { Double(p.cost[$0]) / Double(p.tenths[$0]) < Double(p.cost[$1]) / Double(p.tenths[$1]) })
            where left > 0 {
                let take = min(left, Double(p.capacity[s] * p.tenths[s]))
                cost += take * Double(p.cost[s]) / Double(p.tenths[s]); left -= take
            }
            return left > 1e-9 ? nil : cost
        }
        func fits(_ m: Int) -> Bool {
            if m == 0 { return true }
            var money = 0.0
            for c in 0..<3 {
                guard let a = seatCost(slotSeatP[c][m], bySlot[c]), let b = hourCost(slotHourP[c][m], bySlot[c]) else { return false }
                money += max(a, b)
            }
            guard let a = seatCost(seatP[m], all), let b = hourCost(hourP[m], all) else { return false }
            money = max(money, a, b, Double(costP[m]))
            if let budget = p.budget, money > Double(budget) + 1e-6 { return false }
            return true
        }
        var lo = 0, hi = seatNeeds.count
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if fits(mid) { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// How many of the largest values reach `gap` (and whether they do).
    static func prefixCount(_ desc: [Int], toReach gap: Int) -> (Int, Bool) {
        if gap <= 0 { return (0, true) }
        var sum = 0
        for (i, v) in desc.enumerated() {
            sum += v
            if sum >= gap { return (i + 1, true) }
        }
        return (desc.count, false)
    }

    /// The LP (fractional) minimum cost to gain `gap` tenths from `sessions`, each usable once.
    static func fractionalCost(_ sessions: [Int], _ p: SeatProblem, toReach gap: Int) -> Double {
        if gap <= 0 { return 0 }
        var left = Double(gap), cost = 0.0
        let sorted = sessions.sorted { Double(p.cost[$0]) / Double(p.tenths[$0]) < Double(p.cost[$1]) / Double(p.tenths[$1]) }
        for s in sorted {
            let take = min(left, Double(p.tenths[s]))
            cost += take * Double(p.cost[s]) / Double(p.tenths[s])
            left -= take
            if left <= 0 { break }
        }
        return cost
    }
}

import XinyuCore
