import Foundation
import Testing

/// `xinyu import` and `sample-feed` through the real binary: exit statuses 0, 3, 2, 1 and the JSON summary.
@Suite struct ImportCommandTests {
    static let head = """
        <?xml version="1.0" encoding="UTF-8"?>
        <feed xmlns="urn:xinyu:district-feed:1" id="F-CLI-1" district="440608" generated="2026-09-01T08:00:00+08:00">
          <schools><school id="S1" stage="primary"><name>第一小学</name><grade level="1" classes="2"/></school></schools>
          <teachers>
            <teacher id="T1" school="S1" role="psych-fulltime"><name>王芳</name></teacher>

        """

    func write(_ text: String, in dir: URL, name: String) throws -> String {
        let path = dir.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func appliedThenDuplicateBothExit0() throws {
        let dir = try CLIRunner.tempDir()
        let db = dir.appendingPathComponent("x.sqlite").path
        let feed = try write(Self.head + "  </teachers>\n</feed>\n", in: dir, name: "ok.xml")
        let first = try CLIRunner.run(["import", feed, "--db", db, "--format", "json"])
        #expect(first.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any]
        #expect(json?["status"] as? String == "applied")
        #expect(json?["format"] as? String == "district-v1")
        #expect((json?["accepted"] as? [String: Any])?["teachers"] as? Int == 1)
        let again = try CLIRunner.run(["import", feed, "--db", db, "--format", "json"])
        #expect(again.status == 0)
        #expect(again.stdout.contains("\"duplicate\""))
        let teachers = try CLIRunner.run(["teachers", "list", "--db", db, "--format", "csv"])
        #expect(teachers.stdout.hasPrefix("\u{FEFF}"))
        #expect(teachers.stdout.contains("T1,王芳,S1,psych-fulltime"))
    }

    @Test func oneBadRecordIsPartialExit3() throws {
        let dir = try CLIRunner.tempDir()
        let db = dir.appendingPathComponent("x.sqlite").path
        let feed = try write(
            Self.head
                + "    <teacher id=\"T2\" school=\"S404\" role=\"leader\"><name>李四</name></teacher>\n  </teachers>\n</feed>\n",
            in: dir, name: "partial.xml")
        let r = try CLIRunner.run(["import", feed, "--db", db, "--format", "json"])
        #expect(r.status == 3)
        #expect(r.stdout.contains("\"partial\""))
        #expect(r.stdout.contains("S404"))
        let strict = try CLIRunner.run(["import", feed, "--db", dir.appendingPathComponent("y.sqlite").path, "--strict"])
        #expect(strict.status == 2)
    }

    @Test func malformedFeedIsRejectedExit2AndNothingApplied() throws {
        let dir = try CLIRunner.tempDir()
        let db = dir.appendingPathComponent("x.sqlite").path
        let feed = try write(Self.head + "  </teachers>\n</fee", in: dir, name: "broken.xml")
        let r = try CLIRunner.run(["import", feed, "--db", db])
        #expect(r.status == 2)
        let list = try CLIRunner.run(["teachers", "list", "--db", db, "--format", "json"])
        let teachers = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [Any]
        #expect(teachers?.count == 0)
        let log = try CLIRunner.run(["imports", "list", "--db", db, "--format", "json"])
        #expect(log.stdout.contains("rejected"))
    }

    @Test func missingFileExit1OneLine() throws {
        let dir = try CLIRunner.tempDir()
        let r = try CLIRunner.run([
            "import", dir.appendingPathComponent("nope.xml").path, "--db", dir.appendingPathComponent("x.sqlite").path,
        ])
        #expect(r.status == 1)
        #expect(r.stderr.split(separator: "\n").count == 1)
    }

    @Test func sampleFeedImportsWithoutRejections() throws {
        let dir = try CLIRunner.tempDir()
        let feed = dir.appendingPathComponent("s.xml").path
        let db = dir.appendingPathComponent("s.sqlite").path
        #expect(try CLIRunner.run(["sample-feed", feed, "--schools", "2", "--seed", "5"]).status == 0)
        let r = try CLIRunner.run(["import", feed, "--db", db, "--format", "json"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("\"applied\""))
        let schools = try CLIRunner.run(["schools", "list", "--db", db])
        #expect(schools.stdout.contains("S0002"))
    }

    /// Issue #18: the import log and the audit trail record each district feed's code; `--district` shows what
    /// an account scoped to it reads (an IMS Enterprise file's attempt is no district's).
    @Test func theLogsOfOneDistrict() throws {
        let dir = try CLIRunner.tempDir()
        let db = dir.appendingPathComponent("d.sqlite").path
        for (code, seed) in [("440111", "1"), ("440608", "2")] {
            let feed = dir.appendingPathComponent("\(code).xml").path
            let args = ["sample-feed", feed, "--schools", "1", "--seed", seed, "--district", code]
            #expect(try CLIRunner.run(args).status == 0)
            #expect(try CLIRunner.run(["import", feed, "--db", db]).status == 0)
        }
        let ims = dir.appendingPathComponent("ims.xml").path
        try Data("<enterprise/>".utf8).write(to: URL(fileURLWithPath: ims))
        _ = try CLIRunner.run(["import", ims, "--db", db])
        func rows(_ args: [String]) throws -> [[String: Any]] {
            let r = try CLIRunner.run(args + ["--db", db, "--format", "json"])
            #expect(r.status == 0, "\(r.stderr)")
            return try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]] ?? []
        }
        let all = try rows(["imports", "list"])
        #expect(all.map { $0["district"] as? String } == ["440111", "440608", nil])
        let one = try rows(["imports", "list", "--district", "440608"])
        #expect(one.map { $0["district"] as? String } == ["440608"])
        let audit = try rows(["audit", "list", "--district", "440111"])
        #expect(audit.map { $0["action"] as? String } == ["import"])
        #expect(audit.first?["target"] as? String == dir.appendingPathComponent("440111.xml").path)
        for command in [["imports", "list"], ["audit", "list"]] {
            let bad = try CLIRunner.run(command + ["--district", "abc", "--db", db])
            #expect(bad.status != 0 && bad.stdout.isEmpty)
            #expect(bad.stderr.contains("--district abc: not a 6-digit district code"), "\(bad.stderr)")
        }
    }
}
