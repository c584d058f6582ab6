import Foundation
import Testing

@testable import Curriculum
@testable import XinyuCore

/// Issue #19: delivery records through `Curriculum`, the delivery rates, the group-run checks (participants fit the
/// activity, notes name no student) and what `StudentDataCheck` refuses.
@Suite struct DeliveryTests {
    /// A built schedule of one school with one psych teacher (S5, T5).
    func built() throws -> AppDatabase {
        let s = School(id: "S5", name: "五小", stage: .primary, counselingRoom: true, district: "440305")
        let g = [Grade(schoolId: "S5", level: 3, classes: 2)]
        let t = [
            Teacher(id: "T5", schoolId: "S5", name: "钱老师", role: .psychFulltime, hired: nil, status: .active),
            Teacher(id: "T6", schoolId: "S5", name: "孙老师", role: .psychParttime, hired: nil, status: .active),
        ]
        let db = try Fixture.database(schools: [s], grades: g, teachers: t)
        _ = try Curriculum.buildSchedule(
            in: db, term: Fixture.term, rules: ScheduleRules.bundled(), levels: ["T5": .A, "T6": .B])
        return db
    }

    @Test func ratesCountGivenOverDueByClassAndTeacher() throws {
        let db = try built()
        let asOf = Day("2026-10-31")!
        let due = try Curriculum.deliverySessions(in: db, school: "S5", asOf: asOf)
        #expect(due.count >= 4 && due.allSatisfy { $0.outcome == "unrecorded" && $0.session.date <= asOf })
        let first = try Curriculum.deliveryRates(in: db, school: "S5", asOf: asOf)
        #expect(first?.total.due == due.count && first?.total.given == 0 && first?.total.rate == 0)
        _ = try Curriculum.recordDelivery(
            in: db, session: due[0].session, given: true, reason: nil, reflection: "  情绪卡片效果好  ", by: "t")
        _ = try Curriculum.recordDelivery(in: db, session: due[1].session, given: false, reason: .exam, reflection: nil, by: "t")
        let rates = try #require(try Curriculum.deliveryRates(in: db, school: "S5", asOf: asOf))
        #expect(rates.total.given == 1 && rates.total.notGiven == 1 && rates.total.unrecorded == due.count - 2)
        #expect(rates.byClass.map(\.id) == ["S5-3-1", "S5-3-2"])
        #expect(rates.byClass.reduce(0) { $0 + $1.due } == due.count)
        #expect(rates.byTeacher.allSatisfy { $0.name == "钱老师" || $0.name == "孙老师" })
        #expect(rates.total.rate == 1.0 / Double(due.count))
        let after = try Curriculum.deliverySessions(in: db, school: "S5", asOf: asOf)
        #expect(after[0].outcome == "given" && after[0].reflection == "情绪卡片效果好")
        #expect(after[1].outcome == "not given" && after[1].reason == "exam")
    }

    @Test func reflectionsRefuseIDLikeNumbersAndNothingIsStored() throws {
        let db = try built()
        let s = try Curriculum.deliverySessions(in: db, school: "S5", asOf: Day("2026-10-31")!)[0].session
        #expect(throws: DeliveryInputError.studentData(field: "reflection", finding: .idCardNumber)) {
            try Curriculum.recordDelivery(
                in: db, session: s, given: true, reason: nil, reflection: "王同学 11010519491231002X 表现好", by: "t")
        }
        #expect(try db.deliveryRecords(school: "S5", term: nil, teacher: nil).isEmpty)
    }

    @Test func participantsMustFitTheActivityAndNotesNameNoStudent() throws {
        let db = try built()
        let catalog = try Curriculum.activitySource(store: db)
        let salon = try #require(try catalog.activity(id: "xinyu-salon"))
        #expect((salon.minSize, salon.maxSize) == (8, 12))
        func run(_ n: Int, _ notes: String? = nil, activity: String = "xinyu-salon") -> GroupRun {
            GroupRun(
                schoolId: "S5", date: Day("2026-10-15")!, facilitatorId: "T6", activityId: activity, participants: n,
                notes: notes, recordedBy: "t", recordedAt: Date())
        }
        #expect(throws: DeliveryInputError.participants(activity: "xinyu-salon", count: 7, min: 8, max: 12)) {
            try Curriculum.recordGroupRun(in: db, run(7), activities: catalog)
        }
        #expect(throws: DeliveryInputError.participants(activity: "xinyu-salon", count: 13, min: 8, max: 12)) {
            try Curriculum.recordGroupRun(in: db, run(13), activities: catalog)
        }
        #expect(throws: DeliveryInputError.unknownActivity(id: "nope")) {
            try Curriculum.recordGroupRun(in: db, run(10, activity: "nope"), activities: catalog)
        }
        #expect(throws: DeliveryInputError.studentData(field: "notes", finding: .studentNumber)) {
            try Curriculum.recordGroupRun(in: db, run(10, "学号 20230815 的同学缺席"), activities: catalog)
        }
        #expect(throws: DeliveryInputError.studentData(field: "notes", finding: .idCardNumber)) {
            try Curriculum.recordGroupRun(in: db, run(10, "身份证 110105194912310"), activities: catalog)
        }
        #expect(try db.groupRuns(school: "S5", from: nil, to: nil).isEmpty)
        let low = try Curriculum.recordGroupRun(in: db, run(8, "第 3 次活动，12 人报名，8 人到场；2026-10-15"), activities: catalog)
        let high = try Curriculum.recordGroupRun(in: db, run(12), activities: catalog)
        #expect(low.id != nil && high.id != nil && high.notes == nil)
        #expect(try db.groupRuns(school: "S5", from: nil, to: nil).map(\.participants) == [8, 12])
    }

    /// A school's own activity (issue #19's managed library) is one its group runs may name, with its own group
    /// size; another school's own, and a retired one, are unknown.
    @Test func aSchoolsOwnActivityJoinsTheBundledCatalog() throws {
        let schools = ["S5", "S9"].map {
            School(id: $0, name: "\($0) 小学", stage: .primary, counselingRoom: true, district: "440305")
        }
        let db = try Fixture.database(
            schools: schools, grades: [],
            teachers: [Teacher(id: "T6", schoolId: "S5", name: "孙老师", role: .psychParttime, hired: nil, status: .active)])
        let actor = ManagedLibrary.Actor(name: "cli:test")
        let corner = """
            id: S5-corner
            name: 心语小屋
            nameEn: Heart corner
            minSize: 4
            maxSize: 6
            sessions: 4
            minutes: 40
            facilitatorLevel: B
            bands: [middle, high]
            room: counseling-room
            description: 围坐分享。
            """
        _ = try ManagedLibrary.add(text: corner, file: "corner.yaml", kind: .activity, school: "S5", in: db, by: actor)
        let other = corner.replacingOccurrences(of: "S5-corner", with: "S9-corner")
        _ = try ManagedLibrary.add(text: other, file: "other.yaml", kind: .activity, school: "S9", in: db, by: actor)
        let source = try Curriculum.activitySource(store: db, school: "S5")
        #expect(try source.activity(id: "xinyu-salon") != nil)
        #expect(try source.activity(id: "S5-corner")?.maxSize == 6)
        #expect(try source.activity(id: "S9-corner") == nil)
        // The school page's list (one read) offers exactly what the source accepts.
        let runnable = try Curriculum.runnableActivities(store: db, school: "S5").map(\.id)
        #expect(runnable.contains("xinyu-salon") && runnable.contains("S5-corner") && !runnable.contains("S9-corner"))
        #expect(try runnable.allSatisfy { try source.activity(id: $0) != nil })
        func run(_ activity: String, _ n: Int) -> GroupRun {
            GroupRun(
                schoolId: "S5", date: Day("2026-10-16")!, facilitatorId: "T6", activityId: activity, participants: n,
                notes: nil, recordedBy: "t", recordedAt: Date())
        }
        #expect(throws: DeliveryInputError.participants(activity: "S5-corner", count: 8, min: 4, max: 6)) {
            try Curriculum.recordGroupRun(in: db, run("S5-corner", 8), activities: source)
        }
        #expect(try Curriculum.recordGroupRun(in: db, run("S5-corner", 5), activities: source).id != nil)
        #expect(throws: DeliveryInputError.unknownActivity(id: "S9-corner")) {
            try Curriculum.recordGroupRun(in: db, run("S9-corner", 5), activities: source)
        }
        _ = try ManagedLibrary.retire(id: "S5-corner", in: db, by: actor)
        #expect(try Curriculum.activitySource(store: db, school: "S5").activity(id: "S5-corner") == nil)
        #expect(try !Curriculum.runnableActivities(store: db, school: "S5").contains { $0.id == "S5-corner" })
    }

    @Test func studentDataCheckFindsIDCardsAndStudentNumbers() {
        let check = StudentDataCheck.finding(in:)
        #expect(check("110105194912310021") == .idCardNumber)
        #expect(check("证件 11010519491231002x") == .idCardNumber)
        #expect(check("１１０１０５１９４９１２３１００２Ｘ") == .idCardNumber)  // full-width
        #expect(check("110105491231002") == .idCardNumber)  // 15 digits
        #expect(check("1101 0519 4912 3100 21") == .idCardNumber)  // spaced
        #expect(check("学号20230815") == .studentNumber)
        #expect(check("G4401062015010112345") == .studentNumber)  // 学籍号: 19 digits after a letter
        #expect(check("1234567") == nil)
        #expect(check("2026-09-07 第3节，12人，电话分机 8123") == nil)
        #expect(check("心语沙龙：同学们分享了考试焦虑") == nil)
        #expect(check("") == nil)
    }
}
