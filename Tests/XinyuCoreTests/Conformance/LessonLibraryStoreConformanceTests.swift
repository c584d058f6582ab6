import Foundation
import Testing
import XinyuCore

/// ``LessonLibraryStore``: the managed lesson library on every engine: versions, states, search in Chinese and
/// English (short and long queries), visibility and the audit lines that commit with writes.
@Suite struct LessonLibraryStoreConformanceTests {
    let district = ConformanceDistrict()
    static let at = Date(timeIntervalSince1970: 1_780_000_000)

    func seeded(_ engine: StoreEngine) throws -> any XinyuStore {
        let store = try engine.make()
        try district.write(to: store)
        return store
    }

    func content(_ id: String, title: String = "认识情绪小怪兽", band: String = "low", version: Int = 1) -> LibraryContent {
        LibraryContent(
            id: id, kind: .lesson, band: band, theme: "emotions", title: title, titleEn: "The Feelings Monster",
            objectives: "说出四种基本情绪\nName four feelings", steps: "热身：表情猜猜看\n主体：绘本\n结束：情绪瓶",
            body: "{\"id\":\"\(id)\",\"v\":\(version)}")
    }

    func audit(_ action: String, _ id: String) -> AuditEntry {
        AuditEntry(at: Self.at, actor: "cli:test", address: nil, action: action, target: "lesson \(id)")
    }

    @Test(arguments: StoreEngine.all)
    func everySaveAppendsAVersionAndTheAuditLineCommitsWithIt(_ engine: StoreEngine) throws {
        let store = try seeded(engine)
        var v = try store.dataVersion()
        let added = try store.createLibraryItems(
            [content("S1-emo")], school: "S1", copiedFrom: "low-05", actor: "cli:test", at: Self.at,
            audit: audit("lesson.add", "S1-emo"))
        #expect(added.map(\.id) == ["S1-emo"] && added[0].version == 1 && added[0].state == .active)
        #expect(try store.dataVersion() != v)
        v = try store.dataVersion()
        let later = Self.at.addingTimeInterval(60)
        let saved = try store.saveLibraryVersion(
            content("S1-emo", title: "情绪小怪兽（修订）", version: 2), actor: "planner1", at: later,
            audit: audit("lesson.edit", "S1-emo"))
        #expect(saved.version == 2 && saved.title == "情绪小怪兽（修订）" && saved.body.contains("\"v\":2"))
        #expect(saved.copiedFrom == "low-05" && saved.school == "S1" && saved.created == Self.at && saved.updated == later)
        #expect(try store.dataVersion() != v)
        let versions = try store.libraryVersions(id: "S1-emo")
        #expect(versions.map(\.version) == [1, 2])
        #expect(versions.map(\.actor) == ["cli:test", "planner1"])
        #expect(versions[0].body.contains("\"v\":1") && versions[1].saved == later)
        #expect(try store.libraryItem(id: "S1-emo")?.version == 2)
        #expect(try store.libraryItem(id: "nope") == nil)
        #expect(try store.libraryVersions(id: "nope").isEmpty)
        let lines = try store.auditEntries(since: nil, actor: nil, actions: ["lesson.add", "lesson.edit"], target: nil)
        #expect(lines.map(\.action).sorted() == ["lesson.add", "lesson.edit"])
    }

    @Test(arguments: StoreEngine.all)
    func refusedWritesChangeNothing(_ engine: StoreEngine) throws {
        let store = try seeded(engine)
        _ = try store.createLibraryItems([content("A")], school: nil, copiedFrom: nil, actor: "t", at: Self.at, audit: nil)
        let v = try store.dataVersion()
        #expect(throws: LessonLibraryStoreError.duplicateId("A")) {
            try store.createLibraryItems(
                [content("B"), content("A")], school: nil, copiedFrom: nil, actor: "t", at: Self.at,
                audit: audit("lesson.add", "B"))
        }
        #expect(throws: LessonLibraryStoreError.unknownSchool("S9")) {
            try store.createLibraryItems([content("C")], school: "S9", copiedFrom: nil, actor: "t", at: Self.at, audit: nil)
        }
        #expect(throws: LessonLibraryStoreError.unknownItem("Z")) {
            try store.saveLibraryVersion(content("Z"), actor: "t", at: Self.at, audit: nil)
        }
        #expect(throws: LessonLibraryStoreError.wrongState(id: "A", state: .active, expected: [.proposed])) {
            try store.setLibraryState(id: "A", to: .approved, from: [.proposed], reason: nil, at: Self.at, audit: nil)
        }
        #expect(try store.libraryItem(id: "B") == nil)
        #expect(try store.dataVersion() == v)
        #expect(try store.auditEntries(since: nil, actor: nil, actions: ["lesson.add"], target: nil).isEmpty)
        // A retired item keeps its history and takes no new version.
        _ = try store.setLibraryState(
            id: "A", to: .retired, from: [.active], reason: nil, at: Self.at, audit: audit("lesson.retire", "A"))
        #expect(throws: LessonLibraryStoreError.self) {
            try store.saveLibraryVersion(content("A"), actor: "t", at: Self.at, audit: nil)
        }
        #expect(try store.libraryVersions(id: "A").count == 1)
        #expect(try store.libraryItems(LibraryQuery()).isEmpty)
        #expect(try store.libraryItems(LibraryQuery(includeRetired: true)).map(\.state) == [.retired])
    }

    @Test(arguments: StoreEngine.all)
    func proposalsAreApprovedOrReturnedWithAReasonAndAnEditReopensAReturnedPlan(_ engine: StoreEngine) throws {
        let store = try seeded(engine)
        _ = try store.createLibraryItems([content("S1-a")], school: "S1", copiedFrom: nil, actor: "t", at: Self.at, audit: nil)
        _ = try store.createLibraryItems([content("S2-b")], school: "S2", copiedFrom: nil, actor: "t", at: Self.at, audit: nil)
        _ = try store.setLibraryState(
            id: "S1-a", to: .proposed, from: [.active, .returned], reason: nil, at: Self.at, audit: nil)
        let returned = try store.setLibraryState(
            id: "S1-a", to: .returned, from: [.proposed], reason: "目标写得更具体些", at: Self.at,
            audit: audit("lesson.return", "S1-a"))
        #expect(returned.state == .returned && returned.reason == "目标写得更具体些")
        let reopened = try store.saveLibraryVersion(content("S1-a", version: 2), actor: "t", at: Self.at, audit: nil)
        #expect(reopened.state == .active && reopened.reason == nil && reopened.version == 2)
        _ = try store.setLibraryState(
            id: "S1-a", to: .proposed, from: [.active, .returned], reason: nil, at: Self.at, audit: nil)
        // S2 sees only its own until the district approves S1's plan.
        #expect(try store.libraryItems(LibraryQuery(visibleTo: "S2")).map(\.id) == ["S2-b"])
        #expect(try store.libraryItems(LibraryQuery(states: [.proposed])).map(\.id) == ["S1-a"])
        let approved = try store.setLibraryState(
            id: "S1-a", to: .approved, from: [.proposed], reason: nil, at: Self.at, audit: audit("lesson.approve", "S1-a"))
        #expect(approved.state == .approved && approved.school == "S1" && approved.isInDistrictLibrary)
        #expect(try store.libraryItems(LibraryQuery(visibleTo: "S2")).map(\.id) == ["S1-a", "S2-b"])
        #expect(try store.libraryItems(LibraryQuery(source: .district)).map(\.id) == ["S1-a"])
        #expect(try store.libraryItems(LibraryQuery(source: .school)).map(\.id) == ["S1-a", "S2-b"])
        #expect(try store.libraryItems(LibraryQuery(school: "S2")).map(\.id) == ["S2-b"])
        // A list without bodies: the same rows and summary, the body left empty.
        let full = try store.libraryItems(LibraryQuery(source: .school))
        let summary = try store.libraryItems(LibraryQuery(source: .school, withBody: false))
        #expect(summary.map(\.body) == ["", ""] && full.allSatisfy { !$0.body.isEmpty })
        #expect(
            summary.map { [$0.id, $0.title, $0.state.rawValue, "\($0.version)"] }
                == full.map {
                    [$0.id, $0.title, $0.state.rawValue, "\($0.version)"]
                })
        #expect(try store.libraryItems(LibraryQuery(source: .bundled)).isEmpty)
        #expect(
            try store.auditEntries(since: nil, actor: nil, actions: ["lesson.return", "lesson.approve"], target: nil).count == 2)
    }

    @Test(arguments: StoreEngine.all)
    func searchFindsChineseAndEnglishSubstringsOfAnyLength(_ engine: StoreEngine) throws {
        let store = try seeded(engine)
        let items = [
            content("L1", title: "认识情绪小怪兽"),
            LibraryContent(
                id: "L2", kind: .lesson, band: "junior", theme: "learning", title: "考试不紧张", titleEn: "Calm Before Exams",
                objectives: "学会深呼吸放松", steps: "热身：吹气球\n主体：讨论考试焦虑", body: "{}"),
            LibraryContent(
                id: "G1", kind: .activity, band: nil, theme: nil, title: "心语沙龙", titleEn: "Heart-to-heart salon",
                objectives: "", steps: "围坐分享一周的心情故事", body: "{}"),
        ]
        _ = try store.createLibraryItems(items, school: "S1", copiedFrom: nil, actor: "t", at: Self.at, audit: nil)
        func ids(_ q: String, kind: LibraryKind? = nil, band: String? = nil) throws -> [String] {
            try store.libraryItems(LibraryQuery(kind: kind, text: q, band: band)).map(\.id)
        }
        #expect(try ids("情绪") == ["L1"])  // two characters: shorter than a trigram
        #expect(try ids("情") == ["G1", "L1"])
        #expect(try ids("情绪小怪兽") == ["L1"])
        #expect(try ids("深呼吸") == ["L2"])  // objectives
        #expect(try ids("考试焦虑") == ["L2"])  // steps
        #expect(try ids("心情故事") == ["G1"])
        #expect(try ids("EXAM") == ["L2"])  // any case
        #expect(try ids("feelings") == ["L1"])
        #expect(try ids("热身") == ["L1", "L2"])
        #expect(try ids("热身", band: "junior") == ["L2"])
        #expect(try ids("心", kind: .activity) == ["G1"])
        #expect(try ids("不存在的词").isEmpty)
        #expect(try ids("\"quote").isEmpty)
        // The index follows each new version.
        _ = try store.saveLibraryVersion(content("L1", title: "生气了怎么办"), actor: "t", at: Self.at, audit: nil)
        #expect(try ids("小怪兽").isEmpty)
        #expect(try ids("生气了") == ["L1"])
        #expect(try ids("生气") == ["L1"])  // the two-character index follows too
        #expect(try ids("怪兽").isEmpty)
    }
}
