import Foundation
import GRDB
import Testing

@testable import XinyuCore

@Suite struct AppDatabaseTests {
    func tempDir() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("xinyu-core-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func opensWALWithForeignKeys() throws {
        let dir = try tempDir()
        let db = try AppDatabase.open(path: dir.appendingPathComponent("x.sqlite").path)
        let mode = try db.writer.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        // A teacher of a school that does not exist violates the foreign key.
        #expect(throws: DatabaseError.self) {
            try db.writer.write {
                try Teacher(id: "T1", schoolId: "nope", name: "张三", role: .leader, hired: nil, status: .active).insert($0)
            }
        }
    }

    @Test func missingDirectoryIsOneClearLine() throws {
        #expect(throws: StoreError.self) { try AppDatabase.open(path: "/no/such/dir/x.sqlite") }
        do { _ = try AppDatabase.open(path: "/no/such/dir/x.sqlite") } catch {
            #expect("\(error)".contains("directory /no/such/dir does not exist"))
            #expect(!"\(error)".contains("\n"))
        }
    }

    @Test func readOnlyFileIsRefusedAndUntouched() throws {
        let dir = try tempDir()
        let path = dir.appendingPathComponent("ro.sqlite").path
        _ = try AppDatabase.open(path: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        #expect(throws: StoreError.self) { try AppDatabase.open(path: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func newerSchemaIsRefused() throws {
        let dir = try tempDir()
        let path = dir.appendingPathComponent("new.sqlite").path
        let db = try AppDatabase.open(path: path)
        try db.writer.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-future')") }
        do {
            _ = try AppDatabase.open(path: path)
            Issue.record("a newer schema was opened")
        } catch let e as StoreError {
            #expect("\(e)".contains("newer version"))
        }
        let ids = try DatabaseQueue(path: path).read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(ids.contains("v99-future"))
    }

    /// A command that only reads opens an up-to-date file on read-only connections: the file's bytes do not
    /// change (a read-write pool would write a throw-away table and checkpoint it), writes are refused, and the
    /// parallel reads of the certification engine still work.
    @Test func readOnlyOpenLeavesAnUpToDateFileUntouched() throws {
        let dir = try tempDir()
        let path = dir.appendingPathComponent("ro-open.sqlite").path
        do {
            let db = try AppDatabase.open(path: path)
            try db.writer.write {
                try School(id: "S1", name: "第1小学", stage: .primary, counselingRoom: true, district: "440608").insert($0)
            }
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        do {
            let db = try AppDatabase.open(path: path, readOnly: true)
            #expect(try db.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM school") } == 1)
            let counts = try db.concurrentReads(parts: 2) { conn, _ in try Int.fetchOne(conn, sql: "SELECT COUNT(*) FROM school")
            }
            #expect(counts == [1, 1])
            #expect(throws: DatabaseError.self) {
                try db.writer.write { try $0.execute(sql: "DELETE FROM school") }
            }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        // Read-write again, the data is all there.
        #expect(try AppDatabase.open(path: path).writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM school") } == 1)
    }

    /// A file that is missing, or behind the current schema, is created or migrated even when opened for reading;
    /// a newer schema is refused just the same.
    @Test func readOnlyOpenStillCreatesMigratesAndRefuses() throws {
        let dir = try tempDir()
        let fresh = dir.appendingPathComponent("fresh.sqlite").path
        let created = try AppDatabase.open(path: fresh, readOnly: true)
        #expect(try created.writer.read { try AppDatabase.migrator.hasCompletedMigrations($0) })

        let old = dir.appendingPathComponent("old.sqlite").path
        do {
            let pool = try DatabasePool(path: old)
            try AppDatabase.migrator.migrate(pool, upTo: "v1-core")
            #expect(try !pool.read { try AppDatabase.migrator.hasCompletedMigrations($0) })
        }
        let migrated = try AppDatabase.open(path: old, readOnly: true)
        #expect(try migrated.writer.read { try AppDatabase.migrator.hasCompletedMigrations($0) })

        let newer = dir.appendingPathComponent("newer.sqlite").path
        try AppDatabase.open(path: newer).writer.write {
            try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-future')")
        }
        #expect(throws: StoreError.self) { try AppDatabase.open(path: newer, readOnly: true) }
    }

    /// v3 and v4 rebuild attendance, counseling, lesson practice and awards clustered on their keys: every row
    /// stays, and the keys, the unique award number and the foreign keys still hold.
    @Test func clusteringMigrationsKeepEveryRowAndConstraint() throws {
        let dir = try tempDir()
        let path = dir.appendingPathComponent("v2.sqlite").path
        do {
            let pool = try DatabasePool(path: path)
            try AppDatabase.migrator.migrate(pool, upTo: "v2-schedule")
            try pool.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO school (id, name, stage, counselingRoom, district)
                            VALUES ('S1', '第1小学', 'primary', 1, '440608');
                        INSERT INTO teacher (id, schoolId, name, role, hired, status) VALUES
                            ('T1', 'S1', '张三', 'psych-fulltime', NULL, 'active'), ('T2', 'S1', '李四', 'leader', NULL, 'active');
                        INSERT INTO course (id, title, tier, mode, hoursTenths, start, "end", track)
                            VALUES ('C1', '心理C证', 40, 2, 360, '2024-01-01', '2024-01-10', 'C');
                        INSERT INTO attendance (teacherId, courseId, hoursTenths, status, result, date)
                            VALUES ('T1', 'C1', 360, 'completed', 'pass', '2024-01-10'),
                                ('T2', 'C1', 180, 'partial', 'none', '2024-01-10');
                        INSERT INTO counseling (teacherId, date, hoursTenths)
                            VALUES ('T1', '2024-03-01', 15), ('T1', '2024-03-02', 20);
                        INSERT INTO lessonPractice (teacherId, date, periods) VALUES ('T1', '2024-03-04', 2);
                        INSERT INTO award (teacherId, level, issued, number, expires) VALUES
                            ('T1', 'C', '2024-02-29', 'N-1', NULL), ('T2', 'C', '2024-03-01', 'N-2', '2029-03-01');
                        """)
            }
        }
        let db = try AppDatabase.open(path: path)
        try db.writer.write { conn in
            for (table, rows) in [("attendance", 2), ("counseling", 2), ("lessonPractice", 1), ("award", 2)] {
                #expect(try Int.fetchOne(conn, sql: "SELECT COUNT(*) FROM \(table)") == rows, "\(table)")
                let sql = try String.fetchOne(
                    conn, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", arguments: [table])
                #expect(sql?.contains("WITHOUT ROWID") == true, "\(table)")
            }
            #expect(
                try String.fetchOne(conn, sql: "SELECT number FROM award WHERE teacherId = 'T1' AND issued = '2024-02-29'")
                    == "N-1")
            #expect(try Int.fetchOne(conn, sql: "SELECT SUM(hoursTenths) FROM counseling WHERE teacherId = 'T1'") == 35)
            // The key, the unique number and the teacher reference are enforced as before.
            #expect(throws: DatabaseError.self) {
                try conn.execute(sql: "INSERT INTO counseling (teacherId, date, hoursTenths) VALUES ('T1', '2024-03-01', 5)")
            }
            #expect(throws: DatabaseError.self) {
                try conn.execute(
                    sql: "INSERT INTO award (teacherId, level, issued, number) VALUES ('T2', 'B', '2025-01-01', 'N-1')")
            }
            #expect(throws: DatabaseError.self) {
                try conn.execute(sql: "INSERT INTO lessonPractice (teacherId, date, periods) VALUES ('T9', '2024-03-04', 1)")
            }
        }
    }

    @Test func notADatabaseIsRefused() throws {
        let dir = try tempDir()
        let path = dir.appendingPathComponent("junk.sqlite").path
        try Data("hello, not sqlite at all".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.self) { try AppDatabase.open(path: path) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "hello, not sqlite at all")
    }

    @Test func listingsFilterAndUnknownTeacher() throws {
        let db = try AppDatabase.inMemory()
        try db.writer.write { d in
            try School(id: "S1", name: "第1小学", stage: .primary, counselingRoom: true, district: "440608").insert(d)
            try Grade(schoolId: "S1", level: 1, classes: 3).insert(d)
            try Grade(schoolId: "S1", level: 2, classes: 4).insert(d)
            try Teacher(id: "T1", schoolId: "S1", name: "张三", role: .psychFulltime, hired: Day("2020-09-01"), status: .active)
                .insert(d)
            try Teacher(id: "T2", schoolId: "S1", name: "李四", role: .classTeacher, hired: nil, status: .inactive).insert(d)
        }
        let s = try db.schoolSummaries()
        #expect(s.count == 1 && s[0].classes == 7 && s[0].activeTeachers == 1)
        #expect(try db.teachers(status: .inactive).map(\.id) == ["T2"])
        #expect(try db.teachers(role: .psychFulltime).map(\.id) == ["T1"])
        #expect(throws: StoreError.self) { try db.teachers(school: "S9") }
        #expect(throws: StoreError.self) { try db.teacher(id: "T9") }
        #expect(try db.teacher(id: "T1").hired == Day("2020-09-01"))
    }
}
