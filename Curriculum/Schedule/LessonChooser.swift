/// Picks a class's lessons for its dates, in rounds of seven consecutive sessions: each round uses seven
/// different themes, so every theme is covered before any repeats. Inside a round, dates whose month some unused
/// lesson prefers get that lesson first; the other dates then take, in order, an unused lesson with no preferred
/// month, else one preferring another month, else (when the band's lessons are used up) a repeat.
///
/// Sources (issue #19): `tiers` ranks each lesson id by the rules' lesson preference (0 the most preferred; absent
/// 0). A theme's slot in a round takes an unused lesson of the best tier that has one, whatever the months of the
/// others: a school's own plan is given before a bundled one, and the months order lessons inside a tier. With one
/// tier (the bundled library only) the choice is the one described above.
struct LessonChooser {
    let lessons: [LessonPlan]
    let tiers: [String: Int]
    var used = Set<String>()

    init(lessons: [LessonPlan], tiers: [String: Int] = [:]) {
        self.lessons = lessons
        self.tiers = tiers
    }

    private func tier(_ l: LessonPlan) -> Int { tiers[l.id] ?? 0 }

    mutating func assign(months: [Int]) -> [LessonPlan] {
        let round = Theme.allCases.count
        var out = [LessonPlan?](repeating: nil, count: months.count)
        var start = 0
        while start < months.count {
            let range = start..<min(start + round, months.count)
            var themes = Set<Theme>()
            var bestTier: [Theme: Int] = [:]
            if !tiers.isEmpty {
                for l in lessons where !used.contains(l.id) { bestTier[l.theme] = min(bestTier[l.theme] ?? .max, tier(l)) }
            }
            for j in range {
                if let l = lessons.first(where: {
                    !used.contains($0.id) && !themes.contains($0.theme) && $0.preferredMonths.contains(months[j])
                        && (tiers.isEmpty || tier($0) == bestTier[$0.theme])
                }) {
                    out[j] = l
                    themes.insert(l.theme)
                    take(l)
                }
            }
            for j in range where out[j] == nil {
                var best: LessonPlan?
                var bestScore = Int.max
                for l in lessons where !themes.contains(l.theme) {
                    var score = l.preferredMonths.isEmpty ? 1 : (l.preferredMonths.contains(months[j]) ? 0 : 3)
                    score += tier(l) * 10
                    if used.contains(l.id) { score += 1_000 }
                    if score < bestScore {
                        best = l
                        bestScore = score
                    }
                }
                let l = best ?? lessons[0]
                out[j] = l
                themes.insert(l.theme)
                take(l)
            }
            start += round
        }
        return out.map { $0! }
    }

    private mutating func take(_ l: LessonPlan) {
        used.insert(l.id)
        if used.count >= lessons.count { used.removeAll() }
    }
}
