import Foundation
import GRDB
import Testing

/// `xinyu remind`, `notices`, `certs print` and `certs revoke` through the real binary, with a fake sendmail.
@Suite(.serialized) struct RemindAndCertsCommandTests {
    func district() throws -> (dir: URL, db: String) {
        let dir = try CLIRunner.tempDir()
        let feed = dir.appendingPathComponent("d.xml").path
        let db = dir.appendingPathComponent("d.sqlite").path
        _ = try CLIRunner.run(["sample-feed", feed, "--schools", "2", "--seed", "5"])
        _ = try CLIRunner.run(["import", feed, "--db", db])
        return (dir, db)
    }

    func json(_ r: CLIRunner.Result) throws -> Any {
        #expect(r.status == 0, "\(r.stderr)")
        return try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
    }

    @Test func remindSendsOnceByMailAndOutboxAndTheOutboxListsIt() throws {
        let (dir, db) = try district()
        let asOf = "2026-03-02"
        // A dry run needs no notify file and writes nothing.
        let dry = try #require(
            try json(CLIRunner.run(["remind", "--db", db, "--as-of", asOf, "--dry-run", "--format", "json"]))
                as? [String: Any])
        let planned = try #require(dry["notices"] as? [[String: Any]])
        #expect(dry["dryRun"] as? Bool == true && !planned.isEmpty && planned.count == dry["queued"] as? Int)
        #expect(try json(CLIRunner.run(["notices", "list", "--db", db, "--format", "json"])) as? [Any] != nil)
        #expect((try json(CLIRunner.run(["notices", "list", "--db", db, "--format", "json"])) as? [Any])?.isEmpty == true)
        // One teacher reads e-mail (in English); the rest go to their school's CSV outbox.
        let person = try #require(planned.first { $0["kind"] as? String == "behind" }?["person"] as? String)
        let mails = dir.appendingPathComponent("mails")
        try FileManager.default.createDirectory(at: mails, withIntermediateDirectories: true)
        let sendmail = dir.appendingPathComponent("sendmail")
        try "#!/bin/sh\ncat > \"\(mails.path)/mail-$$\"\n".write(to: sendmail, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: sendmail.path)
        let notify = dir.appendingPathComponent("notify.yaml")
        try """
        sender: "心育 <xinyu@jyj.example.cn>"
        sendmailPath: \(sendmail.path)
        people:
          \(person): {email: teacher@s.example.cn, language: en}
        """.write(to: notify, atomically: true, encoding: .utf8)
        let run = try #require(
            try json(
                CLIRunner.run([
                    "remind", "--db", db, "--as-of", asOf, "--notify", notify.path,
                    "--format", "json",
                ])) as? [String: Any])
        #expect(run["queued"] as? Int == planned.count && run["sent"] as? Int == planned.count && run["failed"] as? Int == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: mails.path)
        #expect(files.count == planned.filter { $0["person"] as? String == person }.count)
        let mail = try String(contentsOfFile: mails.appendingPathComponent(files[0]).path, encoding: .utf8)
        #expect(mail.contains("To: teacher@s.example.cn\r\n") && mail.lowercased().contains("still missing"))
        let outbox = dir.appendingPathComponent("outbox/S0001.csv").path
        let csv = try Data(contentsOf: URL(fileURLWithPath: outbox))
        #expect(csv.starts(with: Data([0xEF, 0xBB, 0xBF]) + Data("created,school,recipient,kind".utf8)))
        // A second run the same day (cron) sends nothing.
        let again = try #require(
            try json(
                CLIRunner.run([
                    "remind", "--db", db, "--as-of", asOf, "--notify", notify.path,
                    "--format", "json",
                ])) as? [String: Any])
        #expect(again["queued"] as? Int == 0 && again["attempted"] as? Int == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: mails.path).count == files.count)
        let sent = try #require(
            try json(CLIRunner.run(["notices", "list", "--db", db, "--state", "sent", "--format", "json"]))
                as? [[String: Any]])
        #expect(sent.count == planned.count)
        let table = try CLIRunner.run(["notices", "list", "--db", db, "--state", "failed"])
        #expect(table.status == 0 && table.stdout.split(separator: "\n").count == 2)  // headers and rule only
        let audit = try CLIRunner.run(["audit", "list", "--db", db, "--format", "json"])
        #expect(audit.stdout.contains("\"remind.queue\"") && audit.stdout.contains("\"remind.deliver\""))
    }

    @Test func remindWithoutANotifyFileOrWithABadOneIsOneLine() throws {
        let (dir, db) = try district()
        let none = try CLIRunner.run(["remind", "--db", db, "--as-of", "2026-03-02"], env: ["XINYU_NOTIFY": ""])
        #expect(none.status == 1 && none.stderr.split(separator: "\n").count == 1 && none.stderr.contains("--notify"))
        let bad = dir.appendingPathComponent("bad.yaml")
        try "schools:\n  S0001:\n    wecom: not-a-url\n".write(to: bad, atomically: true, encoding: .utf8)
        let r = try CLIRunner.run(["remind", "--db", db, "--notify", bad.path])
        #expect(r.status == 2 && r.stderr.split(separator: "\n").count == 1 && r.stderr.contains("schools.S0001.wecom"))
        let state = try CLIRunner.run(["notices", "list", "--db", db, "--state", "lost"])
        #expect(state.status == 1)
    }

    @Test func aCertificatePrintsWithItsCodeAndARevocationShowsEverywhere() throws {
        let (dir, db) = try district()
        let number = try #require(
            try DatabaseQueue(path: db).read { db in
                try String.fetchOne(
                    db,
                    sql: """
                        SELECT a.number FROM award a JOIN teacher t ON t.id = a.teacherId
                        WHERE a.number IS NOT NULL AND t.status = 'active' AND a.issued <= '2026-01-01'
                        ORDER BY a.issued DESC LIMIT 1
                        """)
            })
        let page = dir.appendingPathComponent("cert.html").path
        let print1 = try CLIRunner.run([
            "certs", "print", number, "--db", db, "--out", page,
            "--public-url", "https://xinyu.example.cn",
        ])
        #expect(print1.status == 0, "\(print1.stderr)")
        let html = try String(contentsOfFile: page, encoding: .utf8)
        let link = try #require(html.range(of: "https://xinyu.example.cn/verify/"))
        let code = String(html[link.upperBound...].prefix(26))
        #expect(code.count == 26 && html.contains(number) && html.contains("@page{size:A4"))
        let print2 = try CLIRunner.run(["certs", "print", number, "--db", db])
        #expect(print2.stdout.contains("/verify/\(code)"))
        // Revocation: one line, audited as cli:USER, listed, and the page says so.
        let bad = try CLIRunner.run(["certs", "revoke", number, "--db", db, "--reason", " "])
        #expect(bad.status == 2 && bad.stderr.split(separator: "\n").count == 1)
        let revoke = try CLIRunner.run(["certs", "revoke", number, "--db", db, "--reason", "证书信息有误"])
        #expect(revoke.status == 0 && revoke.stdout == "revoked \(number)\n")
        let twice = try CLIRunner.run(["certs", "revoke", number, "--db", db, "--reason", "again"])
        #expect(twice.status == 1 && twice.stderr.contains("revoked already"))
        let unknown = try CLIRunner.run(["certs", "revoke", "NO-SUCH", "--db", db, "--reason", "x"])
        #expect(unknown.status == 1 && unknown.stderr.contains("NO-SUCH"))
        let revoked = try CLIRunner.run(["certs", "revoked", "--db", db, "--format", "json"])
        let listed = try #require(try json(revoked) as? [[String: Any]])
        #expect(listed.map { $0["number"] as? String } == [number] && listed[0]["reason"] as? String == "证书信息有误")
        #expect((listed[0]["by"] as? String)?.hasPrefix("cli:") == true)
        let audit = try CLIRunner.run(["audit", "list", "--db", db, "--format", "json"])
        #expect(audit.stdout.contains("\"certificate.revoke\"") && audit.stdout.contains("\"certificate.code\""))
        #expect(try CLIRunner.run(["certs", "print", number, "--db", db]).stdout.contains("本证书已撤销"))
        let missing = try CLIRunner.run(["certs", "print", "NO-SUCH", "--db", db])
        #expect(missing.status == 1 && missing.stderr.contains("NO-SUCH"))
    }
}
