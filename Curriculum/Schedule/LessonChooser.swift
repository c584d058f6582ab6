/// Picks a class's lessons for its dates, in rounds of seven consecutive sessions: each round uses seven
/// different themes, so every theme is covered before any repeats. Inside a round, dates whose month some unused
/// lesson prefers get that lesson first; the other dates then take, in order, an unused lesson with no preferred
/// month, else one preferring another month, else (when the band's lessons are used up) a repeat.
///
/// Sources (issue #19): `tiers` ranks each lesson id by the rules' lesson preference (0 the most preferred; absent
/// 0). A theme's slot in a round takes an unused lesson of the best tier that has one, whatever the months of the
/// others: a school's own plan is given before a bundled one, and the months order lessons inside a tier. With one
/// tier (the bundled library only) the choice is the one described above.
///
/// The lessons are read once into flat arrays (theme number, preferred months as bits, tier), so a choice scans
/// integers rather than copying plans and hashing ids: a school with plans of its own chooses among its own, the
/// district's and the bundled ones for every distinct run of months.
struct LessonChooser {
    let lessons: [LessonPlan]
    private let theme: [Int]
    private let monthBits: [UInt64]
    private let tier: [Int]
    private let tiered: Bool
    private var used: [Bool]
    private var usedCount = 0

    init(lessons: [LessonPlan], tiers: [String: Int] = [:]) {
        self.lessons = lessons
        let themeNumber = Dictionary(uniqueKeysWithValues: Theme.allCases.enumerated().map { ($1, $0) })
        theme = lessons.map { themeNumber[$0.theme] ?? 0 }
        monthBits = lessons.map { l in l.preferredMonths.reduce(UInt64(0)) { $0 | LessonChooser.bit($1) } }
        tier = tiers.isEmpty ? [Int](repeating: 0, count: lessons.count) : lessons.map { tiers[$0.id] ?? 0 }
        tiered = !tiers.isEmpty
        used = [Bool](repeating: false, count: lessons.count)
    }

    private static func bit(_ month: Int) -> UInt64 { month >= 0 && month < 64 ? UInt64(1) << UInt64(month) : 0 }

    mutating func assign(months: [Int]) -> [LessonPlan] {
        let round = Theme.allCases.count
        var out = [Int?](repeating: nil, count: months.count)
        var start = 0
        while start < months.count {
            let range = start..<min(start + round, months.count)
            var themes = UInt64(0)
            var bestTier = [Int](repeating: .max, count: round)
            if tiered {
                for i in lessons.indices where !used[i] { bestTier[theme[i]] = min(bestTier[theme[i]], tier[i]) }
            }
            for j in range {
                let m = LessonChooser.bit(months[j])
                if let i = lessons.indices.first(where: {
                    !used[$0] && themes & (UInt64(1) << UInt64(theme[$0])) == 0 && monthBits[$0] & m != 0
                        && (!tiered || tier[$0] == bestTier[theme[$0]])
                }) {
                    out[j] = i
                    themes |= UInt64(1) << UInt64(theme[i])
                    take(i)
                }
            }
            for j in range where out[j] == nil {
                let m = LessonChooser.bit(months[j])
                var best: Int?
                var bestScore = Int.max
                for i in lessons.indices where themes & (UInt64(1) << UInt64(theme[i])) == 0 {
                    var score = monthBits[i] == 0 ? 1 : (monthBits[i] & m != 0 ? 0 : 3)
                    score += tier[i] * 10
                    if used[i] { score += 1_000 }
                    if score < bestScore {
                        best = i
                        bestScore = score
                    }
                }
                let i = best ?? 0
                out[j] = i
                themes |= UInt64(1) << UInt64(theme[i])
                take(i)
            }
            start += round
        }
        return out.map { lessons[$0!] }
    }

    private mutating func take(_ i: Int) {
        if !used[i] {
            used[i] = true
            usedCount += 1
        }
        if usedCount >= lessons.count {
            used = [Bool](repeating: false, count: lessons.count)
            usedCount = 0
        }
    }
}
