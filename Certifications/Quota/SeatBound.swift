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
/// If U is the set of teachers newly at quota in some feasible allocation, then the seats of each resource R
/// (all seats, public, professional, elective seats, the budget) used by U fit in R's capacity, so |U| is at most
/// the largest number of the smallest per-teacher requirements for R that fit. The bound is the baseline plus the
/// least of those counts and the number of reachable teachers. It is valid for every allocation, hence ≥ the optimum.
enum SeatBound {
    struct Result: Sendable {
        var bound: Int
        /// Per teacher: nil when reachable, else why no allocation can bring them to quota.
        var unreachable: [String?]
    }

    static func compute(_ p: SeatProblem) -> Result {
        var base = 0
        var seatNeeds: [Int] = [], slotNeeds: [[Int]] = [[], [], []], costNeeds: [Int] = []
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
            for c in 0..<3 { slotNeeds[c].append(k[c]) }
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
        var limit = seatNeeds.count
        limit = min(limit, fit(seatNeeds, into: p.capacity.reduce(0, +)))
        for c in 0..<3 {
            let cap = (0..<p.sessionCount).filter { p.slot[$0] == c }.reduce(0) { $0 + p.capacity[$1] }
            limit = min(limit, fit(slotNeeds[c], into: cap))
        }
        if let b = p.budget { limit = min(limit, fit(costNeeds, into: b)) }
        return Result(bound: base + limit, unreachable: unreachable)
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

    /// The most items (smallest first) whose sum fits in `capacity`.
    static func fit(_ needs: [Int], into capacity: Int) -> Int {
        var sum = 0, n = 0
        for v in needs.sorted() {
            sum += v
            if sum > capacity { break }
            n += 1
        }
        return n
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
