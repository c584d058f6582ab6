import XinyuCore

/// The term's school days as the scheduler counts them: by 0-based teaching week and weekday, and for each weekday
/// the weeks (one bit each) that have a school day on it, so that "every N weeks from phase p on weekday d" is one
/// mask and its lessons are the mask's bits.
struct TermCalendar: Sendable {
    /// School days by 0-based teaching week and weekday (1 Monday … 5 Friday).
    let days: [Int: [Int: Day]]
    /// Bit w set: teaching week w has a school day on that weekday (index 1–5; 0 and 6–7 unused).
    let weekdayWeeks: [UInt64]
    /// The most teaching weeks the scheduler can tell apart in a term (a term spans at most about 31).
    static let maxWeeks = 64

    init(_ ctx: ScheduleContext) {
        var days: [Int: [Int: Day]] = [:]
        var weeks = [UInt64](repeating: 0, count: 8)
        let span = ctx.rules.span(of: ctx.term)
        var d = span.lowerBound
        while d <= span.upperBound {
            let w = ctx.week(of: d) - 1
            if ctx.rules.isSchoolDay(d, term: ctx.term), (0..<TermCalendar.maxWeeks).contains(w) {
                days[w, default: [:]][d.weekday] = d
                weeks[d.weekday] |= 1 << UInt64(w)
            }
            d = d.adding(days: 1)
        }
        self.days = days
        weekdayWeeks = weeks
    }

    /// Weeks w (bits) with w mod `every` = `phase`.
    static func phaseWeeks(every: Int, phase: Int) -> UInt64 {
        var m: UInt64 = 0
        for w in stride(from: phase, to: maxWeeks, by: every) { m |= 1 << UInt64(w) }
        return m
    }

    /// The most lessons a class meeting every `every` weeks can get in the term (its best weekday and phase).
    func bestCount(every: Int) -> Int {
        var best = 0
        for phase in 0..<every {
            let m = TermCalendar.phaseWeeks(every: every, phase: phase)
            for d in 1...5 { best = max(best, (weekdayWeeks[d] & m).nonzeroBitCount) }
        }
        return best
    }

    /// Whether meeting every `every` weeks dependably gives at least `minimum` lessons: each phase does on at least
    /// three of the five weekdays, so classes can still be spread over phases and weekdays.
    func reaches(_ minimum: Int, every: Int) -> Bool {
        (0..<every).allSatisfy { phase in
            let m = TermCalendar.phaseWeeks(every: every, phase: phase)
            return (1...5).filter { (weekdayWeeks[$0] & m).nonzeroBitCount >= minimum }.count >= 3
        }
    }

    /// The weeks (0-based, ascending) of a mask.
    static func weeks(_ m: UInt64) -> [Int] {
        var out: [Int] = []
        var rest = m
        while rest != 0 {
            out.append(rest.trailingZeroBitCount)
            rest &= rest - 1
        }
        return out
    }
}
