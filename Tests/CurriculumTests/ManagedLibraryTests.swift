import Foundation
import Testing

@testable import Curriculum
@testable import XinyuCore

/// Issue #19: the managed lesson library: file validation with line numbers, versions and history, review, search in
/// Chinese, the printable 教案 and the scheduler preferring a school's own plans.
@Suite struct ManagedLibraryTests {
    static let plan = """
        id: S1-emo-01
        band: middle
        theme: emotions
        title: 我的情绪小怪兽
        titleEn: My Feelings Monster
        objectives: [说出四种基本情绪, 学会一个平静下来的方法]
        minutes: 40
        warmUp: 表情猜猜看。
        main: {form: story, description: 读绘本《情绪小怪兽》，把情绪放进不同颜色的瓶子。}
        closing: 每人画出今天的情绪瓶。
        materials: [绘本, 彩色瓶子图卡]
        months: [5]
        grades: [3, 4]

        """

    let actor = ManagedLibrary.Actor(name: "cli:test", now: Date(timeIntervalSince1970: 1_780_000_000))

    func store() throws -> AppDatabase {
        let (s, g, t, _) = Fixture.primary()
        let other = School(id: "S2", name: "第二小学", stage: .primary, counselingRoom: false, district: "440305")
        return try Fixture.database(schools: [s, other], grades: g, teachers: t)
    }

    func problem(_ text: String, kind: LibraryKind = .lesson) -> InputError? {
        do {
            _ = try LibraryFile.parse(text: text, file: "plan.yaml", kind: kind)
            return nil
        } catch let e as InputError {
            return e
        } catch {
            return nil
        }
    }

    @Test func aBadFileIsOneLineWithFileLineKeyAndProblem() throws {
        let good = Self.plan
        #expect(problem(good) == nil)
        let unknown = try #require(problem(good.replacingOccurrences(of: "months: [5]", with: "month: [5]")))
        #expect(unknown.description.hasPrefix("plan.yaml:12: month: unknown key"))
        #expect(unknown.exitStatus == 2 && !unknown.description.contains("\n"))
        let long = try #require(problem(good.replacingOccurrences(of: "minutes: 40", with: "minutes: 55")))
        #expect(long.description == "plan.yaml:7: minutes: 55 is not 30–50")
        let short = try #require(problem(good.replacingOccurrences(of: "minutes: 40", with: "minutes: 20")))
        #expect(short.line == 7 && short.record == "minutes")
        let period = try #require(problem(good.replacingOccurrences(of: "minutes: 40", with: "minutes: 45")))
        #expect(period.description.contains("does not fit a 40-minute period of band middle"))
        let grade = try #require(problem(good.replacingOccurrences(of: "grades: [3, 4]", with: "grades: [3, 7]")))
        #expect(grade.line == 13 && grade.record == "grades" && grade.problem.contains("grade 7 is not in band middle"))
        let missing = try #require(problem(good.replacingOccurrences(of: "closing: 每人画出今天的情绪瓶。\n", with: "")))
        #expect(missing.record == "closing" && missing.problem.contains("missing"))
        let band = try #require(problem(good.replacingOccurrences(of: "band: middle", with: "band: kindergarten")))
        #expect(band.line == 2 && band.problem.contains("unknown value kindergarten"))
        let mainKey = try #require(problem(good.replacingOccurrences(of: "{form: story,", with: "{form: story, time: 5,")))
        #expect(mainKey.line == 9 && mainKey.record == "main.time")
        let yaml = try #require(problem("id: x\ntitle: [unclosed\n"))
        #expect(yaml.line != nil && yaml.problem.hasPrefix("invalid YAML"))
        // JSON bodies (the API) are read by the same parser.
        let json = try #require(problem("{\"id\": \"x\", \"band\": \"low\", \"colour\": 1}"))
        #expect(json.record == "colour" && json.line == 1)
        // Activities: the catalog's fields, unknown keys refused too.
        let activity = """
            id: S1-salon
            name: 心语小屋
            nameEn: Heart corner
            minSize: 8
            maxSize: 12
            sessions: 4
            minutes: 40
            facilitatorLevel: B
            bands: [middle, high]
            room: counseling-room
            description: 围坐分享。
            """
        #expect(problem(activity, kind: .activity) == nil)
        let size = try #require(problem(activity.replacingOccurrences(of: "maxSize: 12", with: "maxSize: 4"), kind: .activity))
        #expect(size.line == 5 && size.record == "maxSize")
        #expect(problem(activity + "\nstudents: [张三]", kind: .activity)?.record == "students")
    }

    @Test func everySaveIsAVersionAndHistoryShowsThem() throws {
        let db = try store()
        let added = try ManagedLibrary.add(text: Self.plan, file: "plan.yaml", kind: .lesson, school: "S1", in: db, by: actor)
        #expect(added.id == "S1-emo-01" && added.version == 1 && added.school == "S1")
        let edited = try ManagedLibrary.edit(
            id: "S1-emo-01", text: Self.plan.replacingOccurrences(of: "我的情绪小怪兽", with: "情绪小怪兽（二稿）"), file: "v2.yaml",
            in: db, by: actor)
        #expect(edited.version == 2)
        #expect(try ManagedLibrary.history(id: "S1-emo-01", in: db).map(\.version) == [1, 2])
        #expect(try ManagedLibrary.show(id: "S1-emo-01", version: 1, in: db).lesson?.title == "我的情绪小怪兽")
        #expect(try ManagedLibrary.show(id: "S1-emo-01", in: db).lesson?.title == "情绪小怪兽（二稿）")
        #expect(try ManagedLibrary.show(id: "S1-emo-01", in: db).lesson?.grades == [3, 4])
        #expect(throws: LibraryError.self) { try ManagedLibrary.show(id: "S1-emo-01", version: 3, in: db) }
        // An edit whose file names another id is refused with its line.
        #expect(throws: InputError.self) {
            try ManagedLibrary.edit(
                id: "S1-emo-01", text: Self.plan.replacingOccurrences(of: "S1-emo-01", with: "X"),
                file: "x.yaml", in: db, by: actor)
        }
        // Copy a bundled plan: a new item at version 1 under SCHOOL-ID; bundled ids are read-only.
        let copy = try ManagedLibrary.copy(id: "low-01", to: "S1", in: db, by: actor)
        #expect(copy.id == "S1-low-01" && copy.copiedFrom == "low-01" && copy.version == 1)
        #expect(try ManagedLibrary.copy(id: "low-01", to: "S1", in: db, by: actor).id == "S1-low-01-2")
        #expect(throws: LibraryError.bundled("low-01")) { try ManagedLibrary.retire(id: "low-01", in: db, by: actor) }
        #expect(throws: InputError.self) {
            try ManagedLibrary.add(
                text: Self.plan.replacingOccurrences(of: "S1-emo-01", with: "low-01"), file: "p.yaml", kind: .lesson,
                school: "S1", in: db, by: actor)
        }
        // Retired: kept with its history, not listed, not editable.
        _ = try ManagedLibrary.retire(id: "S1-low-01-2", in: db, by: actor)
        #expect(try ManagedLibrary.history(id: "S1-low-01-2", in: db).count == 1)
        #expect(try !ManagedLibrary.list(LibraryQuery(school: "S1"), in: db).map(\.id).contains("S1-low-01-2"))
        let actions = try db.auditEntries(since: nil, actor: "cli:test", actions: nil, target: nil).map(\.action)
        #expect(actions.sorted() == ["lesson.add", "lesson.copy", "lesson.copy", "lesson.edit", "lesson.retire"])
    }

    @Test func aProposedPlanIsApprovedForEverySchoolOrReturnedWithAReason() throws {
        let db = try store()
        _ = try ManagedLibrary.add(text: Self.plan, file: "plan.yaml", kind: .lesson, school: "S1", in: db, by: actor)
        #expect(throws: LessonLibraryStoreError.self) { try ManagedLibrary.approve(id: "S1-emo-01", in: db, by: actor) }
        #expect(try ManagedLibrary.propose(id: "S1-emo-01", in: db, by: actor).state == .proposed)
        #expect(try ManagedLibrary.list(LibraryQuery(source: .district), in: db).isEmpty)
        #expect(throws: LibraryError.self) { try ManagedLibrary.returnToSchool(id: "S1-emo-01", reason: " ", in: db, by: actor) }
        let returned = try ManagedLibrary.returnToSchool(id: "S1-emo-01", reason: "请补充教具", in: db, by: actor)
        #expect(returned.state == .returned && returned.reason == "请补充教具")
        _ = try ManagedLibrary.propose(id: "S1-emo-01", in: db, by: actor)
        let approved = try ManagedLibrary.approve(id: "S1-emo-01", in: db, by: actor)
        #expect(approved.state == .approved && approved.school == "S1")
        let district = try ManagedLibrary.list(LibraryQuery(source: .district), in: db)
        #expect(district.map(\.id) == ["S1-emo-01"] && district[0].shared && district[0].school == "S1")
        // S2 now schedules it too (the district library), crediting S1.
        let s2 = try ManagedLibrary.storedLessons(in: db, school: "S2")
        #expect(s2.district.map(\.id) == ["S1-emo-01"] && s2.bySchool["S2"] == nil)
        let trail = try db.auditEntries(since: nil, actor: nil, actions: nil, target: "lesson S1-emo-01")
        #expect(trail.map(\.action) == ["lesson.add", "lesson.propose", "lesson.return", "lesson.propose", "lesson.approve"])
        #expect(trail[2].after?.contains("请补充教具") == true)
        // A district plan is not proposed.
        _ = try ManagedLibrary.copy(id: "low-02", to: nil, in: db, by: actor)
        #expect(throws: LibraryError.self) { try ManagedLibrary.propose(id: "district-low-02", in: db, by: actor) }
    }

    @Test func listSearchesBundledAndStoredPlansInChinese() throws {
        let db = try store()
        _ = try ManagedLibrary.add(text: Self.plan, file: "plan.yaml", kind: .lesson, school: "S1", in: db, by: actor)
        let hits = try ManagedLibrary.list(LibraryQuery(text: "情绪"), in: db)
        #expect(hits.contains { $0.id == "S1-emo-01" && $0.source == .school })
        #expect(hits.contains { $0.source == .bundled })
        #expect(
            hits.allSatisfy { e in
                guard let d = try? ManagedLibrary.show(id: e.id, in: db) else { return false }
                let text = [
                    d.lesson.map { [$0.title, $0.titleEn, $0.warmUp, $0.main.description, $0.closing] + $0.objectives },
                    d.activity.map { [$0.name, $0.nameEn, $0.description] },
                ].compactMap { $0 }.flatMap { $0 }.joined()
                return text.contains("情绪")
            })
        let mine = try ManagedLibrary.list(LibraryQuery(text: "情绪小怪兽"), in: db)
        #expect(mine.filter { $0.source != .bundled }.map(\.id) == ["S1-emo-01"])
        #expect(try ManagedLibrary.list(LibraryQuery(text: "feelings monster", source: .school), in: db).count == 1)
        #expect(try ManagedLibrary.list(LibraryQuery(source: .bundled), in: db).count == 67 + 8)
        #expect(try ManagedLibrary.list(LibraryQuery(kind: .activity, source: .bundled), in: nil).count == 8)
        #expect(try ManagedLibrary.list(LibraryQuery(band: "middle", theme: "emotions", school: "S1"), in: db).count == 1)
    }

    @Test func thePrintedSheetHasEveryPartAndEscapesText() throws {
        let db = try store()
        let text = Self.plan.replacingOccurrences(of: "表情猜猜看。", with: "<script>alert('x')</script> & 猜猜看")
        _ = try ManagedLibrary.add(text: text, file: "plan.yaml", kind: .lesson, school: "S1", in: db, by: actor)
        let html = LessonSheet.html(try ManagedLibrary.show(id: "S1-emo-01", in: db))
        #expect(html.contains("@page { size: A4"))
        #expect(html.contains("教学目标") && html.contains("说出四种基本情绪") && html.contains("教具") && html.contains("绘本"))
        #expect(html.contains("课后反思") && html.contains("class=\"reflection\""))
        #expect(html.contains("7 分钟") && html.contains("26 分钟"))  // 40 minutes: 7 + 26 + 7
        #expect(!html.contains("<script>") && html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; 猜猜看"))
        let bundled = LessonSheet.html(try ManagedLibrary.show(id: "low-01", in: nil))
        #expect(bundled.contains("我是小学生啦") && bundled.contains("课后反思"))
    }

    @Test func theSchedulerPrefersTheSchoolsOwnPlansThenTheDistrictsThenBundled() throws {
        let db = try store()
        // S1's own middle-band emotions plan, and a district plan of the same band and theme.
        _ = try ManagedLibrary.add(text: Self.plan, file: "plan.yaml", kind: .lesson, school: "S1", in: db, by: actor)
        _ = try ManagedLibrary.add(
            text: Self.plan.replacingOccurrences(of: "S1-emo-01", with: "D-emo-01"), file: "d.yaml", kind: .lesson,
            school: nil, in: db, by: actor)
        let (_, _, _, levels) = Fixture.primary()
        _ = try Curriculum.buildSchedule(in: db, term: Fixture.term, rules: Fixture.rules(), levels: levels)
        let view = try Curriculum.schedule(in: db, school: "S1", class: "S1-3-1")
        func emotions(_ ids: [String]) -> [String] {
            ids.filter { id in id.hasSuffix("emo-01") || (try? LessonLibrary.bundled().lesson(id)?.theme) == .emotions }
        }
        let lessons = view.sessions.map(\.lesson)
        // The emotions slot of the first round takes the school's own plan (even though it prefers May), the second
        // the district's, only then bundled ones.
        #expect(Array(emotions(lessons).prefix(2)) == ["S1-emo-01", "D-emo-01"])
        // Grade 1 (band low) has no plan of its own: bundled lessons only.
        let low = try Curriculum.schedule(in: db, school: "S1", class: "S1-1-1").sessions.map(\.lesson)
        #expect(!low.isEmpty && low.allSatisfy { $0.hasPrefix("low-") })
        // Rules that put the district first choose its plan instead.
        let districtFirst = try Fixture.rules { $0.lessonPreference = [.district, .school, .bundled] }
        _ = try Curriculum.buildSchedule(in: db, term: Fixture.term, rules: districtFirst, levels: levels)
        let again = try Curriculum.schedule(in: db, school: "S1", class: "S1-3-1").sessions.map(\.lesson)
        #expect(Array(emotions(again).prefix(2)) == ["D-emo-01", "S1-emo-01"])
        // A retired plan is no longer scheduled.
        _ = try ManagedLibrary.retire(id: "S1-emo-01", in: db, by: actor)
        _ = try ManagedLibrary.retire(id: "D-emo-01", in: db, by: actor)
        _ = try Curriculum.buildSchedule(in: db, term: Fixture.term, rules: Fixture.rules(), levels: levels)
        let bundledOnly = try Curriculum.schedule(in: db, school: "S1", class: "S1-3-1").sessions.map(\.lesson)
        #expect(bundledOnly.allSatisfy { $0.hasPrefix("mid-") }, "\(bundledOnly)")
    }

    @Test func rulesNameTheLessonPreference() throws {
        #expect(try ScheduleRules.bundled().lessonPreference == [.school, .district, .bundled])
        let bad = #expect(throws: InputError.self) {
            try ScheduleRules.parse(file: "r.yaml", text: "lessonPreference: [school, teacher]")
        }
        #expect(bad?.description.contains("unknown source teacher") == true)
        #expect(try ScheduleRules.parse(file: "r.yaml", text: "lessonPreference: [bundled]").lessonPreference == [.bundled])
    }
}
