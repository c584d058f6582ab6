import Foundation
import XinyuCore

extension ManagedLibrary {
    /// Adds `count` generated lesson plans for benchmarks (`bench/lessons.sh`): variations of the bundled plans
    /// spread evenly over the stored schools, one in forty owned by the district and one in fifty of the schools'
    /// approved into the district library. One transaction and one audit line (`lesson.generate`) per owner.
    public static func generateSample(count: Int, in store: any XinyuStore, by actor: Actor) throws -> Int {
        guard count > 0 else { return 0 }
        let schools = try store.schoolSummaries().map(\.id).sorted()
        let base = try bundledLessons.lessons
        let owners: [String?] = [nil] + schools.map { Optional($0) }
        var byOwner: [String?: [LibraryContent]] = [:]
        for n in 0..<count {
            var l = base[n % base.count]
            let owner: String? = schools.isEmpty || n % 40 == 0 ? nil : owners[1 + (n / 40 + n) % schools.count]
            l.id = "gen-\(owner ?? "district")-\(n)"
            l.title = "\(l.title)（校本 \(n)）"
            l.titleEn = "\(l.titleEn) (variant \(n))"
            l.objectives = l.objectives.map { "\($0)，第\(n % 97)次练习" }
            byOwner[owner, default: []].append(try content(of: .lesson(l)))
        }
        var added = 0
        for owner in owners where byOwner[owner] != nil {
            let items = byOwner[owner] ?? []
            let audit = entry(actor, "lesson.generate", .lesson, "\(items.count) plans", after: ["owner": owner ?? "district"])
            let stored = try store.createLibraryItems(
                items, school: owner, copiedFrom: nil, actor: actor.name, at: actor.now, audit: audit)
            added += stored.count
            if owner != nil {
                for (i, item) in stored.enumerated() where i % 50 == 0 {
                    _ = try store.setLibraryState(
                        id: item.id, to: .approved, from: [.active], reason: nil, at: actor.now, audit: nil)
                }
            }
        }
        return added
    }
}
