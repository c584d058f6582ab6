import Foundation
import Testing
import XinyuCore

@testable import Curriculum

/// `xinyu timetable import`: FET's CSV export and the simple format, read as Chinese schools write them, stored,
/// and kept free by the term scheduler.
@Suite struct TimetableImportTests {
    /// S1: grades 3 and 4 with 2 classes each; a part-time psychology teacher who also teaches Chinese, a class
    /// teacher, and two teachers sharing a name.
    func database() throws -> AppDatabase {
        let s = School(id: "S1", name: "阳光小学", stage: .primary, counselingRoom: true, district: "440305")
        let g = [Grade(schoolId: "S1", level: 3, classes: 2), Grade(schoolId: "S1", level: 4, classes: 2)]
        let t = [
            Teacher(id: "T1", schoolId: "S1", name: "王芳", role: .psychParttime, hired: nil, status: .active),
            Teacher(id: "T2", schoolId: "S1", name: "李强", role: .classTeacher, hired: nil, status: .active),
            Teacher(id: "T3", schoolId: "S1", name: "张伟", role: .subjectTeacher, hired: nil, status: .active),
            Teacher(id: "T4", schoolId: "S1", name: "张伟", role: .subjectTeacher, hired: nil, status: .active),
        ]
        return try Fixture.database(schools: [s], grades: g, teachers: t)
    }

    func write(_ text: String, encoding: String.Encoding = .utf8, name: String = "timetable.csv") throws -> String {
        let path = Fixture.tempDir() + "/" + name
        try #require(text.data(using: encoding)).write(to: URL(fileURLWithPath: path))
        return path
    }

    static let fet = """
        "Activity Id","Day","Hour","Students Sets","Subject","Teachers","Activity Tags","Room","Comments"
        "1","星期一","第2节","三(1)班","语文","王芳","","101",""
        "2","周二","3","3-2","语文","T1","","",""
        "3","Wednesday","10:00","S1-4-1+4-2","数学","李强","","",""
        "4","星期四","10:55-11:40","三年级","升旗","","","",""
        "5","星期五","第六节","四(2)班","心理健康","王芳","","",""
        "6","星期一","第3节","三(1)班","英语","赵敏","","",""
        "7","星期一","第4节","五(1)班","美术","李强","","",""
        "8","星期八","第4节","三(1)班","美术","李强","","",""
        "9","星期二","第2节","三(2)班","体育","张伟","","",""
        "10","星期二","第2节","","自习","","","",""
        """

    @Test func fetExportIsReadAndBadRowsAreRejectedWithTheirLines() throws {
        let db = try database()
        let rules = try ScheduleRules.bundled()
        let report = try TimetableImport.run(path: try write(Self.fet), school: "S1", rules: rules, store: db)
        #expect(report.format == "fet" && report.encoding == "UTF-8")
        #expect(report.status == .partial && report.exitStatus == 3)
        #expect((report.rows, report.applied, report.psychologyRows) == (10, 5, 1))
        #expect(report.rejected.map(\.line) == [7, 8, 9, 10, 11])
        #expect(report.rejected[0].problem.contains("teacher 赵敏 is not a teacher of school S1"))
        #expect(report.rejected[1].problem.contains("grade 5"))
        #expect(report.rejected[2].problem.contains("day \"星期八\""))
        #expect(report.rejected[3].problem.contains("shared by T3, T4"))
        #expect(report.rejected[4].problem == "names no teacher and no class")
        let stored = try #require(try db.timetable(school: "S1"))
        let slots = stored.slots.map { "\($0.weekday)/\($0.period) \($0.teacherId ?? "-") \($0.classId ?? "-") \($0.subject)" }
        #expect(
            slots == [
                "1/2 T1 S1-3-1 语文", "2/3 T1 S1-3-2 语文", "3/3 T2 S1-4-1 数学", "3/3 T2 S1-4-2 数学",
                "4/4 - S1-3-1 升旗", "4/4 - S1-3-2 升旗", "5/6 T1 S1-4-2 心理健康",
            ])
        #expect(stored.slots.filter(\.psychology).map(\.row) == [6])
    }

    /// The issue's test: after importing the school's FET timetable, the built plan never uses a busy period of a
    /// teacher or an occupied period of a class, and a psychology period of the timetable is the class's slot.
    @Test func anImportedFETTimetablesBusyPeriodsStayFree() throws {
        let db = try database()
        let rules = try ScheduleRules.bundled()
        var lines = [#""Activity Id","Day","Hour","Students Sets","Subject","Teachers","Activity Tags","Room","Comments""#]
        // 王芳 teaches Chinese in 3-1 in most periods of the week; 3-2 has PE at the same times.
        for (d, day) in ["星期一", "星期二", "星期三", "星期四", "星期五"].enumerated() {
            for p in [2, 3, 4, 5, 6] where !(d == 4 && p == 6) {
                lines.append("\"\(lines.count)\",\"\(day)\",\"第\(p)节\",\"三(1)班\",\"语文\",\"王芳\",\"\",\"\",\"\"")
                lines.append("\"\(lines.count)\",\"\(day)\",\"第\(p)节\",\"3-2\",\"体育\",\"\",\"\",\"\",\"\"")
            }
        }
        lines.append(#""99","星期三","第7节","四(1)班","心理","王芳","","","""#)
        let path = try write(lines.joined(separator: "\r\n"))
        let report = try TimetableImport.run(path: path, school: "S1", rules: rules, store: db)
        #expect(report.status == .applied, "\(report.rejected)")
        let levels: [String: Level] = ["T1": .B, "T2": .C]
        let built = try Curriculum.buildSchedule(in: db, term: Fixture.term, rules: rules, levels: levels)
        #expect(built.violations.isEmpty)
        let stored = try #require(try db.timetable(school: "S1"))
        let busy = stored.slots.filter { !$0.psychology }
        let teacherBusy = Set(busy.compactMap { s in s.teacherId.map { "\($0) \(s.weekday)/\(s.period)" } })
        let classBusy = Set(busy.compactMap { s in s.classId.map { "\($0) \(s.weekday)/\(s.period)" } })
        let view = try Curriculum.schedule(in: db, school: "S1", rules: rules)
        let lessons = view.sessions.filter { $0.kind == .lesson }
        #expect(!lessons.isEmpty)
        for l in lessons {
            let day = try #require(Day(l.date)).weekday
            #expect(!teacherBusy.contains("\(l.teacher) \(day)/\(l.period)"), "\(l.class) \(l.date) p\(l.period)")
            #expect(!classBusy.contains("\(l.class) \(day)/\(l.period)"), "\(l.class) \(l.date) p\(l.period)")
        }
        // 4-1's psychology period of the school's timetable is where its lessons go.
        #expect(lessons.filter { $0.class == "S1-4-1" }.allSatisfy { Day($0.date)?.weekday == 3 && $0.period == 7 })
        // 3-1 is free only on Friday, period 6 or 7, besides its allowed periods the timetable leaves.
        #expect(lessons.filter { $0.class == "S1-3-1" }.allSatisfy { Day($0.date)?.weekday == 5 || $0.period == 7 })
    }

    @Test func simpleCSVInGB18030WithoutAHeader() throws {
        let db = try database()
        let text = "王芳,周一,第2节\r\nT1,星期三,4\r\n李强,Fri,14:55\r\n"
        let report = try TimetableImport.run(
            path: try write(text, encoding: TextFile.gb18030), school: "S1",
            rules: try ScheduleRules.bundled(), store: db)
        #expect(report.format == "simple" && report.encoding == "GB18030")
        #expect(report.status == .applied && report.applied == 3)
        let slots = try #require(try db.timetable(school: "S1")).slots.map { "\($0.teacherId!) \($0.weekday)/\($0.period)" }
        #expect(slots == ["T1 1/2", "T1 3/4", "T2 5/6"])
        // A file of bad rows only changes nothing; a good file replaces the whole timetable.
        let bad = try TimetableImport.run(
            path: try write("teacher,weekday,period\n赵敏,周一,2\n"), school: "S1",
            rules: try ScheduleRules.bundled(), store: db)
        #expect(bad.status == .rejected && bad.exitStatus == 2)
        #expect(try db.timetable(school: "S1")?.slots.count == 3)
        let again = try TimetableImport.run(
            path: try write("教师,星期,节次,班级,科目\n李强,周二,3,4-1,数学\n"), school: "S1",
            rules: try ScheduleRules.bundled(), store: db)
        #expect(again.status == .applied)
        #expect(try db.timetable(school: "S1")?.slots.map(\.classId) == ["S1-4-1"])
    }

    @Test func valuesAsChineseSchoolsWriteThem() {
        let starts = [480, 535, 600, 655, 840, 895, 950]
        let days = ["星期一", "周二", "礼拜三", "Thursday", "fri", "星期日", "周天", "6"]
        #expect(days.map(TimetableValues.weekday) == [1, 2, 3, 4, 5, 7, 7, 6])
        #expect(TimetableValues.weekday("星期八") == nil)
        let hours = ["第2节", "第十节", "3", "08:55", "8:55", "10:55-11:40", "10:10", "第三节课"]
        #expect(hours.map { TimetableValues.period($0, starts: starts) } == [2, 10, 3, 2, 2, 4, 3, 3])
        #expect(TimetableValues.period("07:00", starts: starts) == nil)
        func set(_ s: String) -> String {
            guard let c = TimetableValues.studentSet(s, school: "S0001") else { return "nil" }
            return "\(c.grade)-\(c.classNumber.map(String.init) ?? "*")"
        }
        #expect(
            [
                "3-2", "S0001-3-2", "三(2)班", "三（2）班", "三年级2班", "3年级(2)班", "初一(3)班", "高二5班", "七年级(1)班",
                "十二年级", "初三", "三年级", "三(二)班",
            ].map(set)
                == ["3-2", "3-2", "3-2", "3-2", "3-2", "3-2", "7-3", "11-5", "7-1", "12-*", "9-*", "3-*", "3-2"])
        #expect(set("音乐社团") == "nil")
    }
}
