import Foundation
import GRDB
import Testing

/// Issue #12 through the real binary: out-of-range dates and terms, odd --db paths, read-only stores, backups and
/// checks give one line and the documented exit status, never a crash or a hang.
@Suite struct RobustnessCommandTests {
    func expectOneLine(_ r: CLIRunner.Result, status: Int32, mentions: String) {
        #expect(r.status == status, "stderr: \(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1, "stderr: \(r.stderr)")
        #expect(r.stderr.contains(mentions), "stderr: \(r.stderr)")
    }

    /// A small store with one school and teacher, written through the binary's own schema.
    func store(in dir: URL) throws -> String {
        let db = dir.appendingPathComponent("x.sqlite").path
        #expect(try CLIRunner.run(["init", "--db", db]).status == 0)
        try DatabaseQueue(path: db).write { d in
            try d.execute(
                sql: """
                    INSERT INTO school (id, name, stage, counselingRoom, district) VALUES ('S1', '第1小学', 'primary', 1, '440608');
                    INSERT INTO teacher (id, schoolId, name, role, hired, status)
                        VALUES ('T1', 'S1', '张三', 'psych-fulltime', NULL, 'active');
                    INSERT INTO course (id, title, tier, mode, hoursTenths, start, "end", track)
                        VALUES ('C1', '心理C证', 40, 2, 360, '2024-01-01', '2024-01-10', 'C');
                    INSERT INTO attendance (teacherId, courseId, hoursTenths, status, result, date)
                        VALUES ('T1', 'C1', 360, 'completed', 'pass', '2024-01-10');
                    """)
        }
        return db
    }

    @Test func outOfRangeDatesAndTermsExit2() throws {
        let dir = try CLIRunner.tempDir()
        let db = try store(in: dir)
        expectOneLine(
            try CLIRunner.run(["schedule", "build", "--db", db, "--term", "9999-fall"]), status: 2,
            mentions: "--term 9999-fall: outside the supported years 1900–2199")
        expectOneLine(
            try CLIRunner.run(["coverage", "--db", db, "--as-of", "0001-01-01"]), status: 2,
            mentions: "--as-of 0001-01-01: outside the supported years 1900–2199")
        expectOneLine(
            try CLIRunner.run(["coverage", "--db", db, "--as-of", "9999-12-31"]), status: 2, mentions: "--as-of 9999-12-31")
        expectOneLine(
            try CLIRunner.run(["certs", "list", "--db", db, "--as-of", "2200-01-01"]), status: 2, mentions: "--as-of 2200-01-01")
        expectOneLine(try CLIRunner.run(["quota", "--db", db, "--year", "9999-10000"]), status: 2, mentions: "--year 9999-10000")
        expectOneLine(
            try CLIRunner.run(["schedule", "show", "--db", db, "--school", "S1", "--term", "0000-spring"]), status: 2,
            mentions: "--term 0000-spring")
        // The last supported day still works.
        #expect(try CLIRunner.run(["coverage", "--db", db, "--as-of", "2199-12-31"]).status == 0)
    }

    @Test func hugeNumbersAreOneLineNotACrash() throws {
        let dir = try CLIRunner.tempDir()
        let out = dir.appendingPathComponent("f.xml").path
        for n in ["1000000", "99999999999999999999999", "-5"] {
            let r = try CLIRunner.run(["sample-feed", out, "--schools", n])
            #expect(r.status == 1, "--schools \(n): \(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1, "stderr: \(r.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func oddDatabasePathsAreOneLineNeverAHang() throws {
        let dir = try CLIRunner.tempDir()
        expectOneLine(try CLIRunner.run(["schools", "list", "--db", dir.path]), status: 1, mentions: "is a directory")
        let fifo = dir.appendingPathComponent("pipe.sqlite").path
        #expect(mkfifo(fifo, 0o644) == 0)
        expectOneLine(try CLIRunner.run(["schools", "list", "--db", fifo]), status: 1, mentions: "FIFO")
        expectOneLine(try CLIRunner.run(["init", "--db", fifo]), status: 1, mentions: "FIFO")
        expectOneLine(try CLIRunner.run(["schools", "list", "--db", ""]), status: 1, mentions: "empty")
    }

    @Test func readOnlyFileIsReadableAndRefusesWrites() throws {
        let dir = try CLIRunner.tempDir()
        let db = try store(in: dir)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: db)
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        let r = try CLIRunner.run(["--db", db, "coverage", "--as-of", "2026-09-01"])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stdout.contains("S1"))
        #expect(try CLIRunner.run(["--db", db, "schools", "list"]).status == 0)
        expectOneLine(
            try CLIRunner.run(["--db", db, "schedule", "build", "--term", "2026-fall"]), status: 1, mentions: "read-only")
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
    }

    @Test func newerSchemaIsRefusedByteForByte() throws {
        let dir = try CLIRunner.tempDir()
        let db = try store(in: dir)
        try DatabaseQueue(path: db).write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99-future')") }
        // Leave the file as a plain copy with no -wal/-shm, the way it might arrive from another machine.
        try DatabaseQueue(path: db).writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        for args in [["init"], ["schedule", "build", "--term", "2026-fall"], ["schools", "list"]] {
            let r = try CLIRunner.run(args + ["--db", db])
            expectOneLine(r, status: 1, mentions: "newer version of xinyu")
            #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before, "\(args)")
        }
    }

    @Test func busyStoreNamesTheHolder() throws {
        let dir = try CLIRunner.tempDir()
        let db = try store(in: dir)
        let holder = try DatabaseQueue(path: db)
        let pid = ProcessInfo.processInfo.processIdentifier
        try "pid=\(pid)\nwhat=import big.xml\nsince=\(Int(Date().timeIntervalSince1970))\n"
            .write(toFile: db + "-writer", atomically: true, encoding: .utf8)
        try holder.inDatabase { d in
            try d.execute(sql: "BEGIN IMMEDIATE")
            try d.execute(
                sql: "INSERT INTO school (id, name, stage, counselingRoom, district) VALUES ('S2', 'x', 'primary', 0, '440608')")
            let r = try CLIRunner.run(["schedule", "build", "--term", "2026-fall", "--db", db], env: ["XINYU_BUSY_TIMEOUT": "1"])
            try d.execute(sql: "ROLLBACK")
            expectOneLine(r, status: 1, mentions: "is busy: another xinyu process (pid \(pid), import big.xml")
            #expect(r.stderr.contains("waited 1 s"))
        }
        expectOneLine(
            try CLIRunner.run(["schools", "list", "--db", db], env: ["XINYU_BUSY_TIMEOUT": "soon"]), status: 1,
            mentions: "XINYU_BUSY_TIMEOUT=soon")
    }

    @Test func backupCopiesAndRefusesToOverwrite() throws {
        let dir = try CLIRunner.tempDir()
        let db = try store(in: dir)
        let out = dir.appendingPathComponent("copy.sqlite").path
        let r = try CLIRunner.run(["backup", out, "--db", db])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let teachers = try DatabaseQueue(path: out).read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM teacher") }
        #expect(teachers == 1)
        let before = try Data(contentsOf: URL(fileURLWithPath: out))
        expectOneLine(try CLIRunner.run(["backup", out, "--db", db]), status: 1, mentions: "already exists")
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains("partial") }
        #expect(leftovers.isEmpty)
    }

    @Test func checkSaysOkOrOneLinePerProblem() throws {
        let dir = try CLIRunner.tempDir()
        let db = try store(in: dir)
        let clean = try CLIRunner.run(["check", "--db", db])
        #expect(clean.status == 0 && clean.stdout == "ok\n", "\(clean.stdout) \(clean.stderr)")
        try DatabaseQueue(path: db).write { d in
            try d.execute(sql: "UPDATE attendance SET hoursTenths = -5")
            try d.execute(sql: "UPDATE teacher SET status = 'retired'")
        }
        let bad = try CLIRunner.run(["check", "--db", db])
        #expect(bad.status == 1)
        let lines = bad.stdout.split(separator: "\n")
        #expect(lines.contains("attendance T1/C1: negative hours -0.5"), "\(bad.stdout)")
        #expect(lines.contains("teacher T1: unknown status \"retired\""), "\(bad.stdout)")
        #expect(lines.count == 2, "\(bad.stdout)")
    }
}
