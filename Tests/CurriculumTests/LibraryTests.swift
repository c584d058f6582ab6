import Foundation
import Testing
import XinyuCore

@testable import Curriculum

@Suite struct LibraryTests {
    @Test func bundledLibraryMeetsTheBrief() throws {
        let lib = try LessonLibrary.bundled()
        for band in Band.allCases {
            let ls = lib.lessons(band: band)
            #expect(ls.count >= (band <= .high ? 16 : 8), "band \(band)")
            #expect(Set(ls.map(\.theme)) == Set(Theme.allCases), "band \(band) covers every theme")
            #expect(ls.allSatisfy { $0.minutes <= band.periodMinutes && !$0.objectives.isEmpty && !$0.titleEn.isEmpty })
        }
        #expect(Set(lib.lessons.map(\.id)).count == lib.lessons.count)
        #expect(lib.filter(band: .junior, theme: .career).allSatisfy { $0.band == .junior && $0.theme == .career })
    }

    @Test func catalogHasTheNamedActivities() throws {
        let c = try ActivityCatalog.bundled()
        let salon = try #require(c.activity("xinyu-salon"))
        #expect(salon.minSize == 8 && salon.maxSize == 12)
        let growth = try #require(c.activity("growth-group"))
        #expect(growth.minSize == 12 && growth.maxSize == 20)
        #expect(c.activities.contains { $0.name.contains("心理剧") })
        #expect(c.activities.contains { $0.name.contains("主题班会") })
    }

    private let good = """
        band: low
        lessons:
          - id: x-1
            theme: emotions
            title: 测试
            titleEn: Test
            objectives: [a]
            minutes: 40
            warmUp: w
            main: {form: game, description: d}
            closing: c
            materials: [m]
        """

    @Test func validLessonParses() throws {
        let ls = try LessonLibrary.parse(file: "f.yaml", text: good)
        #expect(ls.count == 1 && ls[0].band == .low && ls[0].main.form == .game)
    }

    @Test(arguments: [
        ("theme: emotions", "theme: happiness", "unknown theme happiness"),
        ("minutes: 40", "minutes: 45", "does not fit a 40-minute period"),
        ("form: game", "form: lecture", "unknown activity form lecture"),
        ("band: low", "band: kindergarten", "unknown band kindergarten"),
        ("    closing: c\n", "", "missing closing"),
        ("minutes: 40", "minutes: forty", "lessons[0].minutes: wrong type (expected a whole number)"),
        ("materials: [m]", "materials: {a: b}", "lessons[0].materials: wrong type (expected a list)"),
        ("main: {form: game, description: d}", "main: game", "lessons[0].main: wrong type (expected a mapping)"),
        ("title: ", "title: [", "invalid YAML"),
    ])
    func badLessonsAreRejectedWithOneLine(from: String, to: String, expected: String) throws {
        let text = good.replacingOccurrences(of: from, with: to)
        do {
            _ = try LessonLibrary.parse(file: "f.yaml", text: text)
            Issue.record("accepted a bad lesson: \(expected)")
        } catch let e as InputError {
            #expect(e.description.hasPrefix("f.yaml"))
            #expect(e.description.contains(expected), "\(e)")
            #expect(!e.description.contains("\n"))
            #expect(e.exitStatus == 2)
        }
    }

    @Test func dataFilesReadNullsNumbersAndTextWithoutResolvingTags() throws {
        let m = try YAMLMap.document(
            """
            tilde: ~
            word: null
            empty:
            quoted: "null"
            number: 40
            text: 40
            list: [1, 0x10, 2_0]
            """, file: "t.yaml")
        #expect(try m.string("tilde") == nil)
        #expect(try m.string("word") == nil)
        #expect(try m.string("empty") == nil)
        #expect(try m.string("quoted") == "null")
        #expect(try m.int("number") == 40)
        #expect(try m.string("text") == "40")
        #expect(try m.ints("list") == [1, 16, 20])
        #expect(throws: InputError.self) { try m.int("quoted") }
        #expect(throws: InputError.self) { try YAMLMap.document("a: 1\na: 2\n", file: "t.yaml") }
    }

    @Test func duplicateIdsAcrossFilesAreRejected() throws {
        let dir = Fixture.tempDir()
        try good.write(toFile: dir + "/lessons-a.yaml", atomically: true, encoding: .utf8)
        try good.write(toFile: dir + "/lessons-b.yaml", atomically: true, encoding: .utf8)
        #expect(throws: InputError.self) { try LessonLibrary.load(directory: dir) }
        do { _ = try LessonLibrary.load(directory: dir) } catch let e as InputError {
            #expect(e.description.contains("x-1") && e.description.contains("unique"))
        }
    }

    @Test func aBandMissingAThemeIsRejected() throws {
        let dir = Fixture.tempDir()
        try good.write(toFile: dir + "/lessons-a.yaml", atomically: true, encoding: .utf8)
        do {
            _ = try LessonLibrary.load(directory: dir)
            Issue.record("accepted a library without full coverage")
        } catch let e as InputError {
            #expect(e.description.contains("every theme"))
        }
    }

    @Test func rulesParseHolidayRangesAndRejectBadValues() throws {
        let r = try ScheduleRules.bundled()
        #expect(r.holidays.contains(Day("2026-10-05")!))
        #expect(!r.isSchoolDay(Day("2026-10-05")!, term: Fixture.term))
        #expect(!r.isSchoolDay(Day("2026-09-05")!, term: Fixture.term))  // Saturday
        #expect(r.isSchoolDay(Day("2026-09-01")!, term: Fixture.term))
        #expect(r.everyWeeks[.middle] == 1 && r.everyWeeks[.low] == 2 && r.everyWeeks[.senior] == 2)
        #expect(throws: InputError.self) { try ScheduleRules.parse(file: "r.yaml", text: "frequency: {nursery: 1}") }
        #expect(throws: InputError.self) { try ScheduleRules.parse(file: "r.yaml", text: "holidays: [2026-13-01]") }
        // Dates and terms outside the supported years are refused with the reason (issue #12).
        for (text, reason) in [
            ("holidays: ['9999-12-01..9999-12-31']", "9999-12-01: outside the supported years 1900–2199"),
            ("terms: {9999-fall: {first: 9999-09-01, last: 9999-12-31}}", "outside the supported years 1900–2199"),
        ] {
            do {
                _ = try ScheduleRules.parse(file: "r.yaml", text: text)
                Issue.record("accepted \(text)")
            } catch let e as InputError {
                #expect(e.problem == reason, "\(e)")
            }
        }
        #expect(throws: InputError.self) { try ScheduleRules.parse(file: "r.yaml", text: "periods: ['08:00', '08:10']") }
        let bad = try ScheduleRules.parse(file: "r.yaml", text: "groups: [{activity: xinyu-salon, size: 30}]")
        #expect(throws: InputError.self) { try bad.validate(against: ActivityCatalog.bundled(), file: "r.yaml") }
    }
}
