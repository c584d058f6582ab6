/// Picks a class's lessons for its dates, in rounds of seven consecutive sessions: each round uses seven
/// different themes, so every theme is covered before any repeats. Inside a round, dates whose month some unused
/// lesson prefers get that lesson first; the other dates then take, in order, an unused lesson with no preferred
/// month, else one preferring another month, else (when the band's lessons are used up) a repeat.
struct LessonChooser {
    let lessons: [LessonPlan]
    var used = Set<String>()

    init(lessons: [LessonPlan]) { self.lessons = lessons }

    mutating func assign(months: [Int]) -> [LessonPlan] {
        let round = Theme.allCases.count
        var out = [LessonPlan?](repeating: nil, count: months.count)
        var start = 0
        while start < months.count {
            let range = start..<min(start + round, months.count)
            var themes = Set<Theme>()
            for j in range {
                if let l = lessons.first(where: {
                    !used.contains($0.id) && !themes.contains($0.theme) && $0.preferredMonths.contains(months[j])
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
                    if used.contains(l.id) { score += 10 }
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
