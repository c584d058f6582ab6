import XinyuCore

/// The school's staffing in numbers, as a degraded or unplaced class's reason quotes it: the classes, the
/// psychology teachers and their periods a week, the classes with their own class teacher.
struct StaffNumbers {
    let text: String

    init(
        planner: SchoolPlanner, staff: [SchoolPlanner.Staff], needs: [SchoolPlanner.ClassNeed],
        placed: [Int: SchoolPlanner.Placement]
    ) {
        let psych = staff.filter(\.isPsych)
        let need = needs.reduce(0.0) { $0 + 1.0 / Double($1.rulesEvery) }
        let capacity = psych.reduce(0) { $0 + min($1.weeklyMax, planner.freeSlots($1)) }
        let free = psych.reduce(0) { $0 + planner.freeSlots($1) }
        let maxes = Set(psych.map(\.weeklyMax))
        var t =
            "\(needs.count) class\(needs.count == 1 ? "" : "es") need \(Int(need.rounded(.up))) periods a week at the "
            + "rules' frequencies; "
        if psych.isEmpty {
            t += "the school has no psychology teacher with level B or A"
        } else {
            let maxText =
                maxes.count == 1
                ? "weekly maximum \(maxes.first!)"
                : "weekly maxima \(maxes.sorted().map(String.init).joined(separator: "/"))"
            let who = psych.count == 1 ? "teacher with level B or A gives" : "teachers with level B or A give"
            t +=
                "\(psych.count) psychology \(who) at most \(capacity) "
                + "(\(maxText); \(free) free periods of the \(planner.allowedSlots.count * psych.count) psychology may use)"
        }
        if planner.ctx.rules.allowClassTeachersWithC {
            let own = needs.filter(\.hasClassTeacher).count
            t += "; \(own) class\(own == 1 ? " has its" : "es have their") own class teacher with level C or above"
        } else {
            t += "; class teachers may not teach (allowClassTeachersWithC is false)"
        }
        text = t
    }
}

extension SchoolPlanner {
    /// Why no teacher may teach the class, naming its class teacher when the store knows one.
    func noTeacherReason(classId: String) -> String {
        var t =
            "no qualified teacher: no active psych-fulltime or psych-parttime teacher with level B or A on "
            + "\(ctx.rules.span(of: ctx.term).lowerBound)"
        guard ctx.rules.allowClassTeachersWithC else {
            return t + ", and class teachers may not teach (allowClassTeachersWithC is false)"
        }
        let leads = teachers.filter { ctx.homerooms[$0.id] == classId }
        guard let c = leads.first else { return t + ", and no class teacher has this class as homeroom" }
        t += ", and its class teacher \(c.id) "
        if c.status != .active { return t + "is inactive" }
        if c.role != .classTeacher { return t + "has role \(c.role.rawValue), not class-teacher" }
        return t + "has no level C or above"
    }

    /// The cause and reason of a class that stayed unplaced.
    func unplacedReason(_ n: ClassNeed, staff: [Staff], numbers: StaffNumbers) -> (PlanCause, String) {
        let allowed = allowedSlots.count
        if n.free.isEmpty {
            let periods = ctx.rules.allowedPeriods.sorted().map(String.init).joined(separator: ", ")
            return (
                .classTimetableFull,
                "the school's timetable occupies all \(allowed) periods psychology may use in the "
                    + "class's week (Monday–Friday, periods \(periods))"
            )
        }
        let teaching = n.candidates.filter { staff[$0].weeklyMax > 0 }
        let shared = teaching.contains { t in n.free.contains { !staff[t].busy.contains($0) } }
        if !teaching.isEmpty && !shared {
            return (
                .noCommonPeriod,
                "none of the class's \(n.free.count) free periods (of \(allowed) psychology may use) "
                    + "is free for its \(teaching.count) qualified teacher\(teaching.count == 1 ? "" : "s") too"
            )
        }
        let last = n.ladder.last!
        return (
            .teacherPeriods,
            "no room even \(ClassPlan.frequency(every: last)), the least the rules allow (at least "
                + "\(ctx.rules.minimumPeriods) periods a term): " + numbers.text
        )
    }
}
