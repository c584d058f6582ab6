import XinyuCore

/// Soft-rule quality of a schedule, each part 0…1; `total` is their mean × 100.
public struct ScheduleScore: Sendable, Codable, Hashable {
    /// Per class: distinct themes ÷ min(7, lessons), averaged.
    public var themeCoverage: Double
    /// Per psychology teacher (B or A, who may teach every class): how evenly lessons spread over Monday–Friday
    /// (1 = even, 0 = all on one day), averaged. Class teachers give only their own class's lessons, which fall on
    /// one weekday, so they are left out.
    public var weekSpread: Double
    /// Per school with two or more qualified teachers: least ÷ most sessions among them, averaged.
    public var loadBalance: Double
    /// Share of sessions of month-preferring lessons that fall in a preferred month.
    public var preferredMonths: Double
    public var total: Double

    public static func of(_ sessions: [ScheduleEntry], context ctx: ScheduleContext) -> ScheduleScore {
        let lessons = sessions.filter { $0.kind == .lesson }
        var themes: [String: (Set<Theme>, Int)] = [:]
        var days: [String: [Int]] = [:]
        var perTeacher: [String: Int] = [:]
        var pref = 0
        var prefHit = 0
        let teachers = Dictionary(ctx.teachers.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for s in lessons {
            guard let l = ctx.library.lesson(s.lesson) else { continue }
            var e = themes[s.classId] ?? ([], 0)
            e.0.insert(l.theme)
            e.1 += 1
            themes[s.classId] = e
            if let t = teachers[s.teacher], ctx.canTeachLessons(t, school: s.school) {
                days[s.teacher, default: [Int](repeating: 0, count: 6)][min(s.date.weekday, 5)] += 1
            }
            perTeacher[s.teacher, default: 0] += 1
            if !l.preferredMonths.isEmpty {
                pref += 1
                if l.preferredMonths.contains(s.date.month) { prefHit += 1 }
            }
        }
        func mean(_ xs: [Double]) -> Double { xs.isEmpty ? 1 : xs.reduce(0, +) / Double(xs.count) }
        let coverage = mean(themes.values.map { Double($0.0.count) / Double(min(Theme.allCases.count, $0.1)) })
        let spread = mean(
            days.values.map { c in
                let n = Double(c.reduce(0, +))
                let ideal = n / 5
                let dev = (1...5).reduce(0.0) { $0 + abs(Double(c[$1]) - ideal) }
                return n == 0 ? 1 : 1 - dev / (8 * n / 5)
            })
        var balance: [Double] = []
        let bySchool = Dictionary(grouping: ctx.teachers, by: \.schoolId)
        for school in ctx.schools {
            let q = (bySchool[school.id] ?? []).filter { ctx.canTeachLessons($0, school: school.id) }
            guard q.count >= 2 else { continue }
            let loads = q.map { perTeacher[$0.id] ?? 0 }
            let hi = loads.max()!
            if hi > 0 { balance.append(Double(loads.min()!) / Double(hi)) }
        }
        let lb = mean(balance)
        return ScheduleScore(
            themeCoverage: coverage, weekSpread: spread, loadBalance: lb,
            preferredMonths: pref == 0 ? 1 : Double(prefHit) / Double(pref),
            total: 100 * (coverage + spread + lb) / 3)
    }
}
