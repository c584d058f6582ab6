import Foundation
import GRDB
import Synchronization
import Testing

/// The foundation's bad-input cases, through the real binary: one clear line, the right exit status, nothing changed.
@Suite struct StoreCommandTests {
    @Test func missingDirectoryIsOneLineAndExit1() throws {
        let r = try CLIRunner.run(["schools", "list", "--db", "/no/such/dir/x.sqlite"])
        #expect(r.status == 1)
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(r.stderr.contains("/no/such/dir does not exist"))
        #expect(r.stdout.isEmpty)
    }

    @Test func commandsStartedTogetherOnANewFileAllSucceed() throws {
        // Found by bench/province.sh (its paired imports start on a new file): every process migrates the new file
        // and the later ones failed with "table … already exists" when another committed a migration in between.
        let dir = try CLIRunner.tempDir()
        for round in 0..<10 {
            let db = dir.appendingPathComponent("new-\(round).sqlite").path
            let results = Mutex<[CLIRunner.Result]>([])
            DispatchQueue.concurrentPerform(iterations: 4) { _ in
                let r = try? CLIRunner.run(["schools", "list", "--db", db])
                results.withLock { $0.append(r ?? CLIRunner.Result(status: -1, stdout: "", stderr: "did not run")) }
            }
            for r in results.withLock({ $0 }) { #expect(r.status == 0, "\(r.stderr)") }
        }
    }

    @Test func unknownTeacherIsOneLineAndExit1() throws {
        let dir = try CLIRunner.tempDir()
        let db = dir.appendingPathComponent("x.sqlite").path
        let r = try CLIRunner.run(["teachers", "show", "T404", "--db", db])
        #expect(r.status == 1)
        #expect(r.stderr == "xinyu: unknown teacher id T404 (see `xinyu teachers list`)\n")
    }

    @Test func readOnlyDatabaseIsRefusedUnchanged() throws {
        let dir = try CLIRunner.tempDir()
        let db = dir.appendingPathComponent("ro.sqlite").path
        #expect(try CLIRunner.run(["init", "--db", db]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: db)
        let r = try CLIRunner.run(["init", "--db", db])
        #expect(r.status == 1)
        #expect(r.stderr.contains("read-only"))
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
    }

    @Test func newerSchemaIsRefusedUnchanged() throws {
        let dir = try CLIRunner.tempDir()
        let db = dir.appendingPathComponent("new.sqlite").path
        #expect(try CLIRunner.run(["init", "--db", db]).status == 0)
        try DatabaseQueue(path: db).write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99-future')") }
        let r = try CLIRunner.run(["schools", "list", "--db", db])
        #expect(r.status == 1)
        #expect(r.stderr.contains("newer version of xinyu"))
        let ids = try DatabaseQueue(path: db).read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(ids.last == "v99-future")
    }

    @Test func usageErrorsExit1OnOneLine() throws {
        let r = try CLIRunner.run(["schools", "list", "--format", "xml"])
        #expect(r.status == 1)
        #expect(r.stderr.split(separator: "\n").count == 1)
        let bogus = try CLIRunner.run(["no-such-command"])
        #expect(bogus.status == 1)
    }

    @Test func dbFromEnvironmentAndBeforeTheSubcommand() throws {
        let dir = try CLIRunner.tempDir()
        let db = dir.appendingPathComponent("env.sqlite").path
        #expect(try CLIRunner.run(["init"], env: ["XINYU_DB": db]).status == 0)
        #expect(FileManager.default.fileExists(atPath: db))
        let db2 = dir.appendingPathComponent("front.sqlite").path
        #expect(try CLIRunner.run(["--db", db2, "schools", "list"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: db2))
        // The default is ./xinyu.sqlite in the working directory.
        #expect(try CLIRunner.run(["init"], cwd: dir).status == 0)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("xinyu.sqlite").path))
    }

    @Test func helpListsEveryCommandOfTheProduct() throws {
        let r = try CLIRunner.run(["--help"])
        #expect(r.status == 0)
        for command in [
            "init", "demo", "sample-feed", "import", "imports", "schools", "teachers", "certs",
            "coverage", "quota", "lessons", "activities", "schedule", "timetable", "serve", "backup", "check",
        ] {
            #expect(r.stdout.contains("  \(command) "), "missing \(command)")
        }
    }
}
