import GRDB

/// The SQLite store's ``FeedTransaction``: the feed's connection inside its `BEGIN IMMEDIATE` transaction, the
/// prepared upserts, and the ``RecordWriter`` thread that writes submitted batches.
///
/// The connection is private, and every method but ``submit(_:)`` runs ``flush()`` before its first statement, so
/// the writer thread and this one never use the connection at once and writes keep their order. ``stop()`` ends
/// the writer thread; ``AppDatabase/applyFeed(_:)`` calls it before the transaction ends, whatever the outcome.
final class SQLiteFeedTransaction: FeedTransaction {
    private let db: Database
    private var writer: RecordWriter?
    /// The prepared upserts of batch records, by kind and number of rows.
    private var upserts: [Int: Statement] = [:]

    init(_ db: Database) {
        self.db = db
    }

    /// Runs `body` on the connection once every submitted record is written.
    private func connection<T>(_ body: (Database) throws -> T) throws -> T {
        try flush()
        return try body(db)
    }

    func isImported(feed: String) throws -> Bool {
        try connection { db in
            let marks = ImportStatus.imported.map { _ in "?" }.joined(separator: ", ")
            return try Bool.fetchOne(
                db, sql: "SELECT 1 FROM importLog WHERE feedId = ? AND status IN (\(marks)) LIMIT 1",
                arguments: StatementArguments([feed] + ImportStatus.imported.map(\.rawValue))) ?? false
        }
    }

    func schoolExists(_ id: String) throws -> Bool {
        try connection { db in
            try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM school WHERE id = ?"), arguments: [id]) ?? false
        }
    }

    func schoolDistrict(_ id: String) throws -> String? {
        try connection { db in
            try String.fetchOne(db.cachedStatement(sql: "SELECT district FROM school WHERE id = ?"), arguments: [id])
        }
    }

    func teacherExists(_ id: String) throws -> Bool {
        try connection { db in
            try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM teacher WHERE id = ?"), arguments: [id]) ?? false
        }
    }

    func courseLimits(_ id: String) throws -> CourseLimits? {
        let row = try connection { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT hoursTenths, \"end\" FROM course WHERE id = ?"), arguments: [id])
        }
        guard let row, let end = Day(row[1] as String) else { return nil }
        return CourseLimits(hoursTenths: row[0], end: end)
    }

    func classCount(school: String, grade: Int) throws -> Int? {
        try connection { db in
            try Int.fetchOne(
                db.cachedStatement(sql: "SELECT classes FROM grade WHERE schoolId = ? AND level = ?"),
                arguments: [school, grade])
        }
    }

    func awards(holding numbers: [String]) throws -> [StoredAwardNumber] {
        try connection { db in
            var found: [StoredAwardNumber] = []
            var start = 0
            while start < numbers.count {
                let chunk = Array(numbers[start..<min(start + 500, numbers.count)])
                let marks = chunk.map { _ in "?" }.joined(separator: ", ")
                let rows = try Row.fetchCursor(
                    db, sql: "SELECT teacherId, level, issued, number FROM award WHERE number IN (\(marks))",
                    arguments: StatementArguments(chunk))
                while let r = try rows.next() {
                    found.append(StoredAwardNumber(teacherId: r[0], level: r[1], issued: r[2], number: r[3]))
                }
                start += chunk.count
            }
            return found
        }
    }

    func upsertSchool(_ s: School, grades: [Grade]) throws {
        try connection { db in
            try db.cachedStatement(sql: Self.upsertSQL(.school))
                .execute(arguments: [s.id, s.name, s.stage, s.counselingRoom, s.district])
            let g = try db.cachedStatement(sql: Self.upsertSQL(.grade))
            for grade in grades { try g.execute(arguments: [grade.schoolId, grade.level, grade.classes]) }
        }
    }

    func mergeRosterTeacher(_ t: Teacher, roleGiven: Bool) throws {
        try connection { db in
            try db.cachedStatement(
                sql: """
                    INSERT INTO teacher (id, schoolId, name, role, hired, status) VALUES (?, ?, ?, ?, NULL, ?)
                    ON CONFLICT(id) DO UPDATE SET name = excluded.name, status = excluded.status,
                      role = CASE WHEN ? THEN excluded.role ELSE teacher.role END
                    """
            ).execute(arguments: [t.id, t.schoolId, t.name, t.role, t.status, roleGiven])
        }
    }

    func activeTeacherIds(school: String) throws -> [String] {
        try connection { db in
            try String.fetchAll(
                db, sql: "SELECT id FROM teacher WHERE schoolId = ? AND status = ? ORDER BY id",
                arguments: [school, TeacherStatus.active])
        }
    }

    func deactivateTeacher(id: String) throws {
        try connection { db in
            try db.execute(sql: "UPDATE teacher SET status = ? WHERE id = ?", arguments: [TeacherStatus.inactive, id])
        }
    }

    func clearHomeroom(teacher: String) throws {
        try connection { db in
            try db.execute(sql: "DELETE FROM homeroom WHERE teacherId = ?", arguments: [teacher])
        }
    }

    func submit(_ batch: RecordBatch) throws {
        guard batch.count > 0 else { return }
        if writer == nil {
            // No writer thread yet, so nothing is being written: the statements are prepared here.
            let kinds = RecordBatch.Kind.allCases
            writer = RecordWriter(
                single: try kinds.map { try upsert($0, rows: 1).sqliteStatement },
                multi: try kinds.map { try upsert($0, rows: RecordWriter.rowsPerStatement).sqliteStatement },
                connection: db.sqliteConnection!)
        }
        try writer!.submit(batch)
    }

    func flush() throws {
        try writer?.flush()
    }

    func logAttempt(_ entry: ImportLogEntry) throws {
        var entry = entry
        try connection { db in try entry.insert(db) }
    }

    func recordChange() throws {
        try connection { db in try AppDatabase.recordChange(db) }
    }

    /// Ends the writer thread; records not yet written are dropped (the transaction is about to end).
    func stop() {
        writer?.stop()
        writer = nil
    }

    /// The prepared upsert of `kind` for `rows` records at once (one multi-row `VALUES`), prepared once per feed.
    private func upsert(_ kind: RecordBatch.Kind, rows: Int) throws -> Statement {
        let key = Int(kind.rawValue) * 1000 + rows
        if let s = upserts[key] { return s }
        let s = try db.makeStatement(sql: Self.upsertSQL(kind.columns, rows: rows))
        upserts[key] = s
        return s
    }

    /// `INSERT … VALUES (…), … ON CONFLICT(key) DO UPDATE SET` every other column: the upsert of `rows` records
    /// of the table, built from its one definition (``TableColumns``).
    static func upsertSQL(_ t: TableColumns, rows: Int = 1) -> String {
        func quoted(_ c: String) -> String { "\"\(c)\"" }
        let row = "(" + Array(repeating: "?", count: t.columns.count).joined(separator: ", ") + ")"
        return "INSERT INTO \(quoted(t.table)) (" + t.columns.map(quoted).joined(separator: ", ") + ") VALUES "
            + Array(repeating: row, count: rows).joined(separator: ", ")
            + " ON CONFLICT(" + t.key.map(quoted).joined(separator: ", ") + ") DO UPDATE SET "
            + t.updated.map { "\(quoted($0)) = excluded.\(quoted($0))" }.joined(separator: ", ")
    }
}
