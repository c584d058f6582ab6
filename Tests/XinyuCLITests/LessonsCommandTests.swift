import Foundation
import Testing

/// Issue #19 through the real binary: a school's plan added, edited, proposed, approved, searched in Chinese and
/// printed; a bad file is one line with file, line and key (exit 2); every write audited as cli:USER.
@Suite struct LessonsCommandTests {
    static let feed = """
        <?xml version="1.0" encoding="UTF-8"?>
        <feed xmlns="urn:xinyu:district-feed:1" id="F-L19" district="440608" generated="2026-09-01T08:00:00+08:00">
          <schools><school id="S1" stage="primary"><name>第一小学</name><grade level="3" classes="2"/></school></schools>
          <teachers><teacher id="T1" school="S1" role="psych-fulltime"><name>王芳</name></teacher></teachers>
        </feed>

        """
    static let plan = """
        id: S1-emo
        band: middle
        theme: emotions
        title: 情绪小怪兽
        titleEn: The Feelings Monster
        objectives: [说出四种基本情绪]
        minutes: 40
        warmUp: 表情猜猜看
        main: {form: story, description: 读绘本，把情绪放进瓶子}
        closing: 画出今天的情绪瓶
        materials: [绘本]

        """

    @Test func aSchoolsPlanFromFileToDistrictLibrary() throws {
        let dir = try CLIRunner.tempDir()
        let db = dir.appendingPathComponent("x.sqlite").path
        func xinyu(_ args: [String]) throws -> CLIRunner.Result { try CLIRunner.run(args + ["--db", db], cwd: dir) }
        func write(_ text: String, _ name: String) throws {
            try text.write(toFile: dir.appendingPathComponent(name).path, atomically: true, encoding: .utf8)
        }
        try write(Self.feed, "feed.xml")
        #expect(try xinyu(["import", "feed.xml"]).status == 0)
        try write(Self.plan.replacingOccurrences(of: "minutes: 40", with: "minutes: 60"), "bad.yaml")
        let bad = try xinyu(["lessons", "add", "bad.yaml", "--school", "S1"])
        #expect(bad.status == 2 && bad.stderr == "xinyu: bad.yaml:7: minutes: 60 is not 30–50\n")
        try write(Self.plan + "teacherName: 王芳\n", "unknown.yaml")
        let unknown = try xinyu(["lessons", "add", "unknown.yaml", "--school", "S1"])
        #expect(unknown.status == 2 && unknown.stderr.hasPrefix("xinyu: unknown.yaml:12: teacherName: unknown key"))
        #expect(try xinyu(["lessons", "add", "bad.yaml"]).status != 0)  // neither --school nor --district

        try write(Self.plan, "plan.yaml")
        let added = try xinyu(["lessons", "add", "plan.yaml", "--school", "S1"])
        #expect(added.status == 0 && added.stdout == "lesson S1-emo: active, version 1, school S1\n")
        try write(Self.plan.replacingOccurrences(of: "情绪小怪兽", with: "情绪小怪兽二稿"), "v2.yaml")
        #expect(try xinyu(["lessons", "edit", "S1-emo", "v2.yaml"]).stdout.contains("version 2"))
        let history = try xinyu(["lessons", "history", "S1-emo", "--format", "csv"])
        #expect(history.status == 0 && history.stdout.components(separatedBy: "cli:").count == 3)
        let first = try xinyu(["lessons", "show", "S1-emo", "--version", "1"]).stdout
        #expect(first.contains("情绪小怪兽") && !first.contains("二稿") && first.contains("1 of 2"))
        let search = try xinyu(["lessons", "list", "--q", "情绪", "--format", "csv"])
        #expect(search.stdout.contains("S1-emo") && search.stdout.contains("low-"))
        #expect(try xinyu(["lessons", "list", "--q", "小怪兽二稿", "--format", "csv"]).stdout.contains("S1-emo"))
        #expect(try xinyu(["lessons", "propose", "S1-emo"]).stdout.contains("proposed"))
        let returned = try xinyu(["lessons", "return", "S1-emo", "--reason", "请补充教具"])
        #expect(returned.stdout.contains("returned: 请补充教具"))
        #expect(try xinyu(["lessons", "propose", "S1-emo"]).status == 0)
        #expect(try xinyu(["lessons", "approve", "S1-emo"]).stdout.contains("approved"))
        let district = try xinyu(["lessons", "list", "--source", "district", "--format", "csv"])
        #expect(district.stdout.contains("S1-emo"))
        let copy = try xinyu(["lessons", "copy", "low-01", "--school", "S1"])
        #expect(copy.stdout.hasPrefix("lesson S1-low-01: active, version 1"))
        #expect(try xinyu(["lessons", "retire", "S1-low-01"]).stdout.contains("retired"))
        let bundledEdit = try xinyu(["lessons", "edit", "low-01", "plan.yaml"])
        #expect(bundledEdit.status == 1 && bundledEdit.stderr.contains("read-only"))
        let out = dir.appendingPathComponent("教案.html").path
        #expect(try xinyu(["lessons", "print", "S1-emo", "--out", out]).status == 0)
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(html.contains("课后反思") && html.contains("情绪小怪兽二稿") && html.contains("size: A4"))
        let audit = try xinyu(["audit", "--format", "csv"]).stdout
        for action in [
            "lesson.add", "lesson.edit", "lesson.propose", "lesson.return", "lesson.approve", "lesson.copy",
            "lesson.retire",
        ] {
            #expect(audit.contains(action), "\(action) not audited")
        }
        let activity = """
            id: S1-salon
            name: 心语小屋
            nameEn: Heart corner
            minSize: 8
            maxSize: 12
            sessions: 4
            minutes: 40
            facilitatorLevel: B

            """
        try write(activity, "salon.yaml")
        #expect(try xinyu(["lessons", "add", "salon.yaml", "--school", "S1", "--kind", "activity"]).stdout.hasPrefix("activity"))
        #expect(
            try xinyu(["lessons", "list", "--kind", "activity", "--source", "school", "--format", "csv"]).stdout.contains("心语小屋"))
    }
}
