import Foundation
import GRDB

/// The SQLite store's managed lesson library (``LessonLibraryStore``, tables `libraryItem`, `libraryVersion` and
/// the FTS5 index `librarySearch`).
///
/// Search: a query of three characters or more is an FTS5 phrase over the trigram index (any substring, any
/// language, without a word splitter); a shorter one (two-character Chinese words such as 情绪) cannot be a trigram
/// and, when both its characters are letters or digits, is a token of the `libraryBigram` index (every adjacent
/// pair of letters or digits of the lower-cased `searchText`); anything else shorter is matched with `instr` over
/// `searchText`.
extension AppDatabase: LessonLibraryStore {
    static let libraryColumns = """
        i.id, i.kind, i.schoolId, i.state, i.reason, i.version, i.band, i.theme, i.title, i.titleEn, i.copiedFrom,
        i.created, i.updated, v.body
        """
    /// The item columns without the body (``LibraryQuery/withBody`` false): no join with the versions.
    static let librarySummaryColumns = """
        i.id, i.kind, i.schoolId, i.state, i.reason, i.version, i.band, i.theme, i.title, i.titleEn, i.copiedFrom,
        i.created, i.updated, '' AS body
        """

    public func createLibraryItems(
        _ items: [LibraryContent], school: String?, copiedFrom: String?, actor: String, at: Date, audit: AuditEntry?
    ) throws -> [LibraryItem] {
        guard !items.isEmpty else { return [] }
        return try write("add \(items.count) library item(s)") { db in
            if let school, try Bool.fetchOne(db, sql: "SELECT 1 FROM school WHERE id = ?", arguments: [school]) != true {
                throw LessonLibraryStoreError.unknownSchool(school)
            }
            let insert = try db.makeStatement(
                sql: """
                    INSERT INTO libraryItem (id, kind, schoolId, state, version, band, theme, title, titleEn, searchText,
                                             copiedFrom, created, updated)
                    VALUES (?, ?, ?, 'active', 1, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (id) DO NOTHING
                    """)
            let version = try db.makeStatement(
                sql: "INSERT INTO libraryVersion (itemId, version, saved, actor, body) VALUES (?, 1, ?, ?, ?)")
            let index = try db.makeStatement(
                sql: "INSERT INTO librarySearch (rowid, title, titleEn, objectives, steps) VALUES (?, ?, ?, ?, ?)")
            let pairs = try db.makeStatement(sql: "INSERT INTO libraryBigram (rowid, grams) VALUES (?, ?)")
            var out: [LibraryItem] = []
            for c in items {
                try insert.execute(arguments: [
                    c.id, c.kind.rawValue, school, c.band, c.theme, c.title, c.titleEn, c.searchText, copiedFrom, at, at,
                ])
                guard db.changesCount == 1 else { throw LessonLibraryStoreError.duplicateId(c.id) }
                let n = db.lastInsertedRowID
                try version.execute(arguments: [c.id, at, actor, c.body])
                try index.execute(arguments: [n, c.title, c.titleEn, c.objectives, c.steps])
                try pairs.execute(arguments: [n, Self.bigrams(c.searchText)])
                out.append(
                    LibraryItem(
                        id: c.id, kind: c.kind, school: school, state: .active, reason: nil, version: 1, band: c.band,
                        theme: c.theme, title: c.title, titleEn: c.titleEn, copiedFrom: copiedFrom, body: c.body,
                        created: at, updated: at))
            }
            if let audit { try Self.append(audit, db) }
            try AppDatabase.recordChange(db)
            return out
        }
    }

    public func saveLibraryVersion(_ c: LibraryContent, actor: String, at: Date, audit: AuditEntry?) throws -> LibraryItem {
        try write("save library item \(c.id)") { db in
            guard let current = try Self.libraryItem(c.id, db) else { throw LessonLibraryStoreError.unknownItem(c.id) }
            guard current.state != .retired else {
                throw LessonLibraryStoreError.wrongState(
                    id: c.id, state: current.state, expected: LibraryState.allCases.filter { $0 != .retired })
            }
            let next = current.version + 1
            let state: LibraryState = current.state == .returned ? .active : current.state
            try db.execute(
                sql: """
                    UPDATE libraryItem SET version = ?, band = ?, theme = ?, title = ?, titleEn = ?, searchText = ?,
                                           state = ?, reason = CASE WHEN ? = 'returned' THEN reason ELSE NULL END,
                                           updated = ?
                    WHERE id = ?
                    """,
                arguments: [next, c.band, c.theme, c.title, c.titleEn, c.searchText, state.rawValue, state.rawValue, at, c.id])
            try db.execute(
                sql: "INSERT INTO libraryVersion (itemId, version, saved, actor, body) VALUES (?, ?, ?, ?, ?)",
                arguments: [c.id, next, at, actor, c.body])
            let n = try Int64.fetchOne(db, sql: "SELECT n FROM libraryItem WHERE id = ?", arguments: [c.id]) ?? 0
            try db.execute(sql: "DELETE FROM librarySearch WHERE rowid = ?", arguments: [n])
            try db.execute(
                sql: "INSERT INTO librarySearch (rowid, title, titleEn, objectives, steps) VALUES (?, ?, ?, ?, ?)",
                arguments: [n, c.title, c.titleEn, c.objectives, c.steps])
            try db.execute(sql: "DELETE FROM libraryBigram WHERE rowid = ?", arguments: [n])
            try db.execute(
                sql: "INSERT INTO libraryBigram (rowid, grams) VALUES (?, ?)", arguments: [n, Self.bigrams(c.searchText)])
            if let audit { try Self.append(audit, db) }
            try AppDatabase.recordChange(db)
            guard let saved = try Self.libraryItem(c.id, db) else { throw LessonLibraryStoreError.unknownItem(c.id) }
            return saved
        }
    }

    public func setLibraryState(
        id: String, to state: LibraryState, from: [LibraryState], reason: String?, at: Date, audit: AuditEntry?
    ) throws -> LibraryItem {
        try write("set library item \(id) \(state.rawValue)") { db in
            guard let current = try Self.libraryItem(id, db) else { throw LessonLibraryStoreError.unknownItem(id) }
            guard from.contains(current.state) else {
                throw LessonLibraryStoreError.wrongState(id: id, state: current.state, expected: from)
            }
            try db.execute(
                sql: "UPDATE libraryItem SET state = ?, reason = ?, updated = ? WHERE id = ?",
                arguments: [state.rawValue, state == .returned ? reason : nil, at, id])
            if let audit { try Self.append(audit, db) }
            try AppDatabase.recordChange(db)
            guard let saved = try Self.libraryItem(id, db) else { throw LessonLibraryStoreError.unknownItem(id) }
            return saved
        }
    }

    public func libraryItem(id: String) throws -> LibraryItem? {
        try reading { db in try Self.libraryItem(id, db) }
    }

    public func libraryVersions(id: String) throws -> [LibraryVersion] {
        try reading { db in
            try Row.fetchAll(
                db, sql: "SELECT itemId, version, saved, actor, body FROM libraryVersion WHERE itemId = ? ORDER BY version",
                arguments: [id]
            ).map {
                LibraryVersion(id: $0["itemId"], version: $0["version"], saved: $0["saved"], actor: $0["actor"], body: $0["body"])
            }
        }
    }

    public func libraryItems(_ q: LibraryQuery) throws -> [LibraryItem] {
        try reading { db in
            var conditions: [String] = []
            var args: [(any DatabaseValueConvertible)?] = []
            if let k = q.kind {
                conditions.append("i.kind = ?")
                args.append(k.rawValue)
            }
            if let b = q.band {
                conditions.append("i.band = ?")
                args.append(b)
            }
            if let t = q.theme {
                conditions.append("i.theme = ?")
                args.append(t)
            }
            if let s = q.school {
                conditions.append("i.schoolId = ?")
                args.append(s)
            }
            switch q.source {
            case .bundled: conditions.append("0")
            case .district: conditions.append("((i.schoolId IS NULL AND i.state <> 'retired') OR i.state = 'approved')")
            case .school: conditions.append("i.schoolId IS NOT NULL")
            case nil: break
            }
            if let v = q.visibleTo {
                conditions.append("(i.schoolId = ? OR (i.schoolId IS NULL AND i.state <> 'retired') OR i.state = 'approved')")
                args.append(v)
            }
            if !q.includeRetired {
                conditions.append("i.state <> 'retired'")
            }
            if let states = q.states {
                let list = states.map(\.rawValue).sorted()
                conditions.append("i.state IN (\(list.map { _ in "?" }.joined(separator: ", ")))")
                for state in list { args.append(state) }
            }
            if let text = q.text?.lowercased(), !text.isEmpty {
                if text.count >= 3 {
                    conditions.append("i.n IN (SELECT rowid FROM librarySearch WHERE librarySearch MATCH ?)")
                    args.append("\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"")
                } else if text.count == 2, text.allSatisfy(Self.isWordCharacter) {
                    conditions.append("i.n IN (SELECT rowid FROM libraryBigram WHERE libraryBigram MATCH ?)")
                    args.append("\"" + text + "\"")
                } else {
                    conditions.append("instr(i.searchText, ?) > 0")
                    args.append(text)
                }
            }
            let from =
                q.withBody
                ? "\(Self.libraryColumns) FROM libraryItem i JOIN libraryVersion v ON v.itemId = i.id AND v.version = i.version"
                : "\(Self.librarySummaryColumns) FROM libraryItem i"
            let sql = """
                SELECT \(from)
                \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
                ORDER BY i.id
                """
            return try Array(Row.fetchCursor(db, sql: sql, arguments: StatementArguments(args)).map(Self.libraryItem(row:)))
        }
    }

    static func libraryItem(_ id: String, _ db: Database) throws -> LibraryItem? {
        try Row.fetchOne(
            db,
            sql: """
                SELECT \(libraryColumns)
                FROM libraryItem i JOIN libraryVersion v ON v.itemId = i.id AND v.version = i.version
                WHERE i.id = ?
                """,
            arguments: [id]
        ).map(libraryItem(row:))
    }

    /// A row of ``libraryColumns`` or ``librarySummaryColumns``, read by position (a list reads thousands of rows).
    static func libraryItem(row r: Row) -> LibraryItem {
        LibraryItem(
            id: r[0], kind: LibraryKind(rawValue: r[1]) ?? .lesson, school: r[2],
            state: LibraryState(rawValue: r[3]) ?? .active, reason: r[4], version: r[5],
            band: r[6], theme: r[7], title: r[8], titleEn: r[9], copiedFrom: r[10],
            body: r[13], created: r[11], updated: r[12])
    }
}

extension AppDatabase {
    /// Whether `c` is a letter or a digit: what FTS5's unicode61 tokenizer keeps inside a token.
    static func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber }

    /// Each pair of adjacent letters or digits of `text` once, separated by spaces: the `libraryBigram` tokens.
    static func bigrams(_ text: String) -> String {
        var seen = Set<String>()
        var out: [String] = []
        var previous: Character?
        for c in text {
            if let p = previous, isWordCharacter(p), isWordCharacter(c) {
                let pair = String([p, c])
                if seen.insert(pair).inserted { out.append(pair) }
            }
            previous = c
        }
        return out.joined(separator: " ")
    }
}
