import XinyuCore

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

    /// What one eligible list offers, precomputed once per distinct list.
    struct ListInfo {
        /// Per slot, the longest open session per date, sorted longest first.
        var slotDateMax: [[Int]]
        /// The longest open session per date, any slot, sorted longest first.
        var anyDateMax: [Int]
        /// Open sessions per slot and in all, cheapest per hour first.
        var slotByRatio: [[Int]]
        var allByRatio: [Int]
        /// Costs of open professional sessions, cheapest first.
        var proCosts: [Int]

        init(_ list: [Int], _ p: SeatProblem) {
            let open = list.filter { p.capacity[$0] > 0 }
            var bySlotDate: [[Int: Int]] = [[:], [:], [:]]
            var anyDate: [Int: Int] = [:]
            for s in open {
                bySlotDate[p.slot[s]][p.date[s]] = max(bySlotDate[p.slot[s]][p.date[s]] ?? 0, p.tenths[s])
                anyDate[p.date[s]] = max(anyDate[p.date[s]] ?? 0, p.tenths[s])
            }
            slotDateMax = bySlotDate.map { $0.values.sorted(by: >) }
            anyDateMax = anyDate.values.sorted(by: >)
            let ratio = open.sorted { p.cost[$0] * p.tenths[$1] < p.cost[$1] * p.tenths[$0] }
            allByRatio = ratio
            slotByRatio = (0..<3).map { c in ratio.filter { p.slot[$0] == c } }
            proCosts = open.filter { p.slot[$0] == 1 }.map { p.cost[$0] }.sorted()
        }
    }

    /// One teacher's relaxed requirements (shared by teachers with the same need and list).
    struct Requirement {
        var reason: String?
        var seats = 0, slotSeats = [0, 0, 0], cost = 0
    }

    static func requirement(_ need: QuotaNeed, _ info: ListInfo, _ p: SeatProblem) -> Requirement {
        var r = Requirement()
        let names = ["public", "professional", "elective"]
        for c in 0..<3 {
            let gap = need.category(c)
            let (count, reached) = prefixCount(info.slotDateMax[c], toReach: gap)
            if !reached {
                r.reason =
                    "the open \(names[c]) sessions offer at most \(Hours(tenths: info.slotDateMax[c].reduce(0, +))) h"
                    + " on distinct dates; \(Hours(tenths: gap)) h missing"
                return r
            }
            r.slotSeats[c] = count
        }
        let proDates = info.slotDateMax[1].count
        if need.sessions > proDates {
            r.reason =
                "only \(proDates) open professional session date\(proDates == 1 ? "" : "s"); \(need.sessions) sessions missing"
            return r
        }
        let (kh, reachedH) = prefixCount(info.anyDateMax, toReach: need.hours)
        if !reachedH {
            r.reason =
                "the open sessions offer at most \(Hours(tenths: info.anyDateMax.reduce(0, +))) h on distinct dates;"
                + " \(Hours(tenths: need.hours)) h missing"
            return r
        }
        r.slotSeats[1] = max(r.slotSeats[1], need.sessions)
        r.seats = max(kh, r.slotSeats[0] + r.slotSeats[1] + r.slotSeats[2])
        var money = 0.0
        for c in 0..<3 {
            var lb = fractionalCost(info.slotByRatio[c], p, toReach: need.category(c))
            if c == 1, need.sessions > 0 { lb = max(lb, Double(info.proCosts.prefix(need.sessions).reduce(0, +))) }
            money += lb
        }
        money = max(money, fractionalCost(info.allByRatio, p, toReach: need.hours))
        r.cost = Int((money - 1e-6).rounded(.down))
        return r
    }

    static func compute(_ p: SeatProblem) -> Result {
        var base = 0
        var seatNeeds: [Int] = []
        var slotNeeds: [[Int]] = [[], [], []]
        var costNeeds: [Int] = []
        var hourNeeds: [Int] = []
        var slotHourNeeds: [[Int]] = [[], [], []]
        var unreachable = [String?](repeating: nil, count: p.teacherCount)
        var lists: [[Int]: Int] = [:]
        var infos: [ListInfo] = []
        var cache: [SeatSolver.GroupKey: Requirement] = [:]
        for t in 0..<p.teacherCount {
            let need = p.needs[t]
            if need.done {
                base += 1
                continue
            }
            let listId: Int
            if let id = lists[p.eligible[t]] {
                listId = id
            } else {
                listId = infos.count
                lists[p.eligible[t]] = listId
                infos.append(ListInfo(p.eligible[t], p))
            }
            let key = SeatSolver.GroupKey(need: need, list: listId)
            let r =
                cache[key]
                ?? {
                    let r = requirement(need, infos[listId], p)
                    cache[key] = r
                    return r
                }()
            if let reason = r.reason {
                unreachable[t] = reason
                continue
            }
            seatNeeds.append(r.seats)
            costNeeds.append(r.cost)
            for c in 0..<3 {
                slotNeeds[c].append(r.slotSeats[c])
                slotHourNeeds[c].append(need.category(c))
            }
            hourNeeds.append(need.hours)
        }
        let m = maxTeachers(
            p, seatNeeds: seatNeeds, slotNeeds: slotNeeds, hourNeeds: hourNeeds, slotHourNeeds: slotHourNeeds,
            costNeeds: costNeeds)
        return Result(bound: base + m, unreachable: unreachable)
    }

    /// The largest m such that the m smallest requirements of every resource fit: seats per category and in
    /// all (the cheapest such seats, filling capacities), hours per category and in all (the cheapest hours,
    /// fractionally), and, with a budget, their least cost.
    static func maxTeachers(
        _ p: SeatProblem, seatNeeds: [Int], slotNeeds: [[Int]], hourNeeds: [Int],
        slotHourNeeds: [[Int]], costNeeds: [Int]
    ) -> Int {
        let all = Array(0..<p.sessionCount)
        let bySlot = (0..<3).map { c in all.filter { p.slot[$0] == c } }
        func prefix(_ v: [Int]) -> [Int] {
            var out = [0]
            out.reserveCapacity(v.count + 1)
            for x in v.sorted() { out.append(out.last! + x) }
            return out
        }
        let seatP = prefix(seatNeeds)
        let hourP = prefix(hourNeeds)
        let costP = prefix(costNeeds)
        let slotSeatP = slotNeeds.map(prefix)
        let slotHourP = slotHourNeeds.map(prefix)
        /// Least cost of `n` seats from `sessions` (cheapest first, filling capacities); nil if there are not enough.
        func seatCost(_ n: Int, _ sessions: [Int]) -> Double? {
            var left = n
            var cost = 0.0
            for s in sessions.sorted(by: { p.cost[$0] < p.cost[$1] }) where left > 0 {
                let take = min(left, p.capacity[s])
                cost += Double(take * p.cost[s])
                left -= take
            }
            return left > 0 ? nil : cost
        }
        /// Least cost of `h` tenths from `sessions` (cheapest per hour first, fractionally); nil if not enough.
        func hourCost(_ h: Int, _ sessions: [Int]) -> Double? {
            var left = Double(h)
            var cost = 0.0
            for s in sessions.sorted(by: { Double(p.cost[$0]) / Double(p.tenths[$0]) < Double(p.cost[$1]) / Double(p.tenths[$1]) }
            )
            where left > 0 {
                let take = min(left, Double(p.capacity[s] * p.tenths[s]))
                cost += take * Double(p.cost[s]) / Double(p.tenths[s])
                left -= take
            }
            return left > 1e-9 ? nil : cost
        }
        func fits(_ m: Int) -> Bool {
            if m == 0 { return true }
            var money = 0.0
            for c in 0..<3 {
                guard let a = seatCost(slotSeatP[c][m], bySlot[c]), let b = hourCost(slotHourP[c][m], bySlot[c]) else {
                    return false
                }
                money += max(a, b)
            }
            guard let a = seatCost(seatP[m], all), let b = hourCost(hourP[m], all) else { return false }
            money = max(money, a, b, Double(costP[m]))
            if let budget = p.budget, money > Double(budget) + 1e-6 { return false }
            return true
        }
        var lo = 0
        var hi = seatNeeds.count
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

    /// The LP (fractional) minimum cost to gain `gap` tenths from sessions (sorted cheapest per hour first), each usable once.
    static func fractionalCost(_ sorted: [Int], _ p: SeatProblem, toReach gap: Int) -> Double {
        if gap <= 0 { return 0 }
        var left = Double(gap)
        var cost = 0.0
        for s in sorted {
            let take = min(left, Double(p.tenths[s]))
            cost += take * Double(p.cost[s]) / Double(p.tenths[s])
            left -= take
            if left <= 0 { break }
        }
        return cost
    }
}
