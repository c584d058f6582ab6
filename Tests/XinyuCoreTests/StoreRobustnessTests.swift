import Foundation
import GRDB
import Testing

@testable import XinyuCore

/// Issue #12 in the store: odd paths, read-only files, newer schemas, a busy store, backups and checks.
@Suite struct StoreRobustnessTests {
    func tempDir() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("xinyu-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A store with one school, teacher, course and attendance record.
    func store(at path: String) throws -> AppDatabase {
        let db = try AppDatabase.open(path: path)
        try db.writer.write { d in
            try d.execute(
                sql: """
                    INSERT INTO school (id, name, stage, counselingRoom, district) VALUES ('S1', '第1小学', 'primary', 1, '440608');
                    INSERT INTO teacher (id, schoolId, name, role, hired, status)
                        VALUES ('T1', 'S1', '张三', 'psych-fulltime', NULL, 'active');
                    INSERT INTO course (id, title, tier, mode, hoursTenths, start, "end", track)
                        VALUES ('C1', '心理C证', 40, 2, 360, '2024-01-01', '2024-01-10', 'C');
                    INSERT INTO attendance (teacherId, courseId, hoursTenths, status, result, date)
                        VALUES ('T1', 'C1', 360, 'completed', 'pass', '2024-01-10');
                    INSERT INTO counseling (teacherId, date, hoursTenths) VALUES ('T1', '2024-03-01', 15);
                    INSERT INTO lessonPractice (teacherId, date, periods) VALUES ('T1', '2024-03-04', 2);
                    INSERT INTO award (teacherId, level, issued, number, expires)
                        VALUES ('T1', 'C', '2024-02-29', 'N-1', '2029-02-28');
                    """)
        }
        return db
    }

    func message(_ body: () throws -> Any) -> String {
        do {
            _ = try body()
            return "no error"
        } catch { return "\(error)" }
    }

    @Test func oddPathsAreOneClearLine() throws {
        let dir = try tempDir()
        #expect(message { try AppDatabase.open(path: dir.path) }.contains("is a directory"))
        let fifo = dir.appendingPathComponent("fifo.sqlite").path
        #expect(mkfifo(fifo, 0o644) == 0)
        #expect(message { try AppDatabase.open(path: fifo, readOnly: true) }.contains("FIFO"))
        #expect(message { try AppDatabase.open(path: "") }.contains("the path is empty"))
        let link = dir.appendingPathComponent("dangling.sqlite").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: dir.appendingPathComponent("gone").path)
        #expect(message { try AppDatabase.open(path: link) }.contains("symbolic link to nothing"))
    }

    @Test func readOnlyFileOpensForReadingOnly() throws {
        let dir = try tempDir()
        let path = dir.appendingPathComponent("ro.sqlite").path
        _ = try store(at: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let db = try AppDatabase.open(path: path, readOnly: true)
        #expect(try db.schoolSummaries().map(\.id) == ["S1"])
        #expect(message { try AppDatabase.open(path: path) }.contains("read-only"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    /// A file with no read permission bits is unreadable even for root: one line, nothing opened.
    @Test func fileWithoutReadPermissionIsOneLine() throws {
        let dir = try tempDir()
        let path = dir.appendingPathComponent("locked.sqlite").path
        _ = try store(at: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: path)
        #expect(
            message { try AppDatabase.open(path: path, readOnly: true) }
                == "cannot read database \(path): the file has no read permission (make it readable)")
    }

    @Test func readOnlyFileThatNeedsAMigrationSaysSo() throws {
        let dir = try tempDir()
        let path = dir.appendingPathComponent("old.sqlite").path
        do {
            let pool = try DatabasePool(path: path)
            try AppDatabase.migrator.migrate(pool, upTo: "v1-core")
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        #expect(message { try AppDatabase.open(path: path, readOnly: true) }.contains("needs a migration"))
    }

    @Test func newerSchemaIsRefusedBeforeAnyByteChanges() throws {
        let dir = try tempDir()
        let path = dir.appendingPathComponent("newer.sqlite").path
        do {
            let db = try store(at: path)
            try db.writer.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-future')") }
        }
        // A plain file as copied from elsewhere: no WAL beside it, header in rollback-journal mode.
        try DatabaseQueue(path: path).writeWithoutTransaction { try $0.execute(sql: "PRAGMA journal_mode = DELETE") }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(message { try AppDatabase.open(path: path) }.contains("newer version"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func aWriteThatStaysBusyNamesTheNotedHolder() throws {
        let dir = try tempDir()
        let path = dir.appendingPathComponent("busy.sqlite").path
        let holder = try store(at: path)
        let waiter = try AppDatabase.open(path: path, busyTimeout: 1)
        let holding = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            _ = try? holder.write("import big.xml") { db in
                try db.execute(sql: "UPDATE school SET name = 'held'")
                holding.signal()
                release.wait()
            }
            done.signal()
        }
        holding.wait()
        #expect(FileManager.default.fileExists(atPath: path + "-writer"))
        let started = Date()
        var caught: StoreError?
        do {
            try waiter.write("second writer") { try $0.execute(sql: "UPDATE school SET name = 'second'") }
        } catch let e as StoreError {
            caught = e
        }
        release.signal()
        done.wait()
        #expect(Date().timeIntervalSince(started) >= 0.9)
        let e = try #require(caught)
        #expect(e.isTemporary)
        guard case .busy(_, let holderNote, let waited) = e else {
            Issue.record("not busy: \(e)")
            return
        }
        #expect(holderNote?.pid == getpid() && holderNote?.what == "import big.xml")
        #expect(waited == 1)
        #expect(e.description.contains("another xinyu process (pid \(getpid()), import big.xml, since "))
        #expect(e.description.contains("waited 1 s"))
        // The note is gone with the write, and the holder's change committed.
        #expect(!FileManager.default.fileExists(atPath: path + "-writer"))
        #expect(try waiter.schoolSummaries().first?.name == "held")
    }

    /// A note whose process has ended is ignored and replaced; a live one is left alone; a note is removed by
    /// the writer that wrote it.
    @Test func writeLockNotesOfEndedProcessesAreIgnored() throws {
        let dir = try tempDir()
        let path = dir.appendingPathComponent("notes.sqlite").path
        let db = try store(at: path)
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        let note = path + "-writer"
        try "pid=\(ended.processIdentifier)\nwhat=import old.xml\nsince=0\n".write(
            toFile: note, atomically: true, encoding: .utf8)
        #expect(WriteLockNote.current(forDatabase: path) == nil)
        try db.withWriteLockNote("schedule build") {
            #expect(WriteLockNote.current(forDatabase: path)?.what == "schedule build")
            try db.withWriteLockNote("nested") {
                #expect(WriteLockNote.current(forDatabase: path)?.what == "schedule build")
            }
            #expect(FileManager.default.fileExists(atPath: note))
        }
        #expect(!FileManager.default.fileExists(atPath: note))
        // Another live process's note (pid 1 is always alive) is neither replaced nor removed.
        try "pid=1\nwhat=serve\nsince=0\n".write(toFile: note, atomically: true, encoding: .utf8)
        try db.withWriteLockNote("import") { #expect(WriteLockNote.current(forDatabase: path)?.pid == 1) }
        #expect(WriteLockNote.current(forDatabase: path)?.what == "serve")
    }

    @Test func sqliteFullAndBusyAreTypedOthersPassThrough() {
        let full = StoreError.wrapping(DatabaseError(resultCode: .SQLITE_FULL), path: "/x/y.sqlite")
        #expect((full as? StoreError)?.isTemporary == true)
        #expect("\(full)".contains("disk is full"))
        let locked = StoreError.wrapping(DatabaseError(resultCode: .SQLITE_LOCKED), path: nil, waited: 2)
        #expect(
            "\(locked)"
                == """
                database :memory: is busy: another connection holds the write lock (no running xinyu process noted it); \
                waited 2 s — try again when it finishes
                """
        )
        let constraint = StoreError.wrapping(DatabaseError(resultCode: .SQLITE_CONSTRAINT), path: "/x/y.sqlite")
        #expect(constraint is DatabaseError)
        #expect(!StoreError.readOnly(path: "x").isTemporary)
    }

    @Test func backupHoldsTheCommittedStateEvenDuringAnOpenWrite() throws {
        let dir = try tempDir()
        let path = dir.appendingPathComponent("src.sqlite").path
        let db = try store(at: path)
        let other = try DatabaseQueue(path: path)
        let out = dir.appendingPathComponent("copy.sqlite").path
        try other.inDatabase { d in
            try d.execute(sql: "BEGIN IMMEDIATE")
            try d.execute(
                sql: "INSERT INTO school (id, name, stage, counselingRoom, district) VALUES ('S2', '未提交', 'primary', 0, '440608')"
            )
            try db.backup(to: out)
            try d.execute(sql: "ROLLBACK")
        }
        let copy = try AppDatabase.open(path: out, readOnly: true)
        #expect(try copy.tableCounts() == db.tableCounts())
        #expect(try copy.schoolSummaries().map(\.id) == ["S1"])
        #expect(try copy.consistencyProblems().isEmpty)
        // An existing target is refused and left alone; nothing half-written stays behind.
        let before = try Data(contentsOf: URL(fileURLWithPath: out))
        #expect(message { try db.backup(to: out) }.contains("already exists"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).allSatisfy { !$0.contains("partial") })
        #expect(message { try db.backup(to: dir.appendingPathComponent("no/such/dir.sqlite").path) }.contains("does not exist"))
    }

    @Test func consistencyProblemsFindsCorruptRowsAndNothingInACleanStore() throws {
        let dir = try tempDir()
        let db = try store(at: dir.appendingPathComponent("check.sqlite").path)
        #expect(try db.consistencyProblems() == [])
        try db.writer.writeWithoutTransaction { d in
            try d.execute(sql: "PRAGMA foreign_keys = OFF")
            try d.execute(
                sql: """
                    UPDATE attendance SET hoursTenths = 400, status = 'done';
                    UPDATE course SET start = '2024-02-01' WHERE id = 'C1';
                    UPDATE counseling SET hoursTenths = 95;
                    UPDATE lessonPractice SET periods = 9;
                    UPDATE award SET expires = '2024-01-01';
                    UPDATE teacher SET role = 'janitor', hired = '2026-02-30';
                    INSERT INTO counseling (teacherId, date, hoursTenths) VALUES ('T9', '2024-03-02', -10);
                    """)
            try d.execute(sql: "PRAGMA foreign_keys = ON")
        }
        let found = try db.consistencyProblems().map(\.description)
        for expected in [
            "attendance T1/C1: hours 40.0 exceed the course's 36.0",
            "attendance T1/C1: unknown status \"done\"",
            "course C1: starts 2024-02-01 after it ends 2024-01-10",
            "counseling T1/2024-03-01: 9.5 hours in one day; at most 8",
            "counseling T9/2024-03-02: negative hours -1.0",
            "lessonPractice T1/2024-03-04: 9 periods in one day; 1 to 8",
            "award T1/C/2024-02-29: expires 2024-01-01, not after it was issued 2024-02-29",
            "teacher T1: unknown role \"janitor\"",
            "teacher T1: hired \"2026-02-30\" is not a date YYYY-MM-DD of the years 1900–2199",
        ] {
            #expect(found.contains(expected), "missing \(expected) in \(found)")
        }
        #expect(
            found.contains { $0.hasPrefix("counseling ") && $0.contains("refers to a teacher that does not exist") }, "\(found)")
        #expect(found.count == 10, "\(found)")
    }
}
