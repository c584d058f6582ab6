import XinyuCore

/// What a teacher still needs, in tenths of an hour and sessions: the planner's working state.
///
/// Planned seats are assumed attended with status `completed` and no `fail`, so a seat adds its hours to its
/// category and, when professional, one session.
struct QuotaNeed: Hashable {
    var pub = 0, pro = 0, ele = 0, total = 0, sessions = 0

    init(_ m: QuotaMissing) {
        pub = m.public.tenths
        pro = m.professional.tenths
        ele = m.elective.tenths
        total = m.total.tenths
        sessions = m.sessions
    }

    /// Fewest further hours (tenths) that close every hour gap.
    var hours: Int { max(total, pub + pro + ele) }
    var done: Bool { hours == 0 && sessions == 0 }

    /// Category shortfall by slot (public 0, professional 1, elective 2).
    func category(_ slot: Int) -> Int { slot == 0 ? pub : slot == 1 ? pro : ele }

    /// The need after one more seat of `tenths` hours in category `slot`.
    func after(slot: Int, tenths: Int) -> QuotaNeed {
        var n = self
        switch slot {
        case 0: n.pub = max(0, pub - tenths)
        case 1:
            n.pro = max(0, pro - tenths)
            n.sessions = max(0, sessions - 1)
        default: n.ele = max(0, ele - tenths)
        }
        n.total = max(0, total - tenths)
        return n
    }

    /// Back to the public type.
    var missing: QuotaMissing {
        QuotaMissing(
            public: Hours(tenths: pub), professional: Hours(tenths: pro), elective: Hours(tenths: ele),
            total: Hours(tenths: total), sessions: sessions)
    }
}
