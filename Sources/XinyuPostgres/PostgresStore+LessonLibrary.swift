import Foundation
import PostgresNIO
import XinyuCore

/// ``LessonLibraryStore`` on PostgreSQL: the same tables as SQLite's; search is `strpos` over the lower-cased
/// `searchText` column (any substring, any length, Chinese included), without a full-text extension.
extension PostgresStore {
    static let libraryColumns = """
        i.id, i.kind, i.schoolId, i.state, i.reason, i.version, i.band, i.theme, i.title, i.titleEn, i.copiedFrom,
        i.created, i.updated, v.body
        """
    /// The item columns without the body (``LibraryQuery/withBody`` false): no join with the versions.
    static let librarySummaryColumns = """
        i.id, i.kind, i.schoolId, i.state, i.reason, i.version, i.band, i.theme, i.title, i.titleEn, i.copiedFrom,
        i.created, i.updated, '' AS body
        """
    static let libraryJoin = "libraryItem i JOIN libraryVersion v ON v.itemId = i.id AND v.version = i.version"

    public func createLibraryItems(
        _ items: [LibraryContent], school: String?, copiedFrom: String?, actor: String, at: Date, audit: AuditEntry?
    ) throws -> [LibraryItem] {
        guard !items.isEmpty else { return [] }
        return try write { s in
            if let school, try s.rows("SELECT 1 FROM school WHERE id = ?", [.text(school)]).isEmpty {
                throw LessonLibraryStoreError.unknownSchool(school)
            }
            var out: [LibraryItem] = []
            for c in items {
                let added = try s.execute(
                    """
                    INSERT INTO libraryItem (id, kind, schoolId, state, version, band, theme, title, titleEn, searchText,
                                             copiedFrom, created, updated)
                    VALUES (?, ?, ?, 'active', 1, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING
                    """,
                    [
                        .text(c.id), .text(c.kind.rawValue), .text(school), .text(c.band), .text(c.theme), .text(c.title),
                        .text(c.titleEn), .text(c.searchText), .text(copiedFrom), .date(at), .date(at),
                    ])
                guard added == 1 else { throw LessonLibraryStoreError.duplicateId(c.id) }
                try s.execute(
                    "INSERT INTO libraryVersion (itemId, version, saved, actor, body) VALUES (?, 1, ?, ?, ?)",
                    [.text(c.id), .date(at), .text(actor), .text(c.body)])
                out.append(
                    LibraryItem(
                        id: c.id, kind: c.kind, school: school, state: .active, reason: nil, version: 1, band: c.band,
                        theme: c.theme, title: c.title, titleEn: c.titleEn, copiedFrom: copiedFrom, body: c.body,
                        created: at, updated: at))
            }
            if let audit { try Self.append(audit, s) }
            try Self.recordChange(s)
            return out
        }
    }

    public func saveLibraryVersion(_ c: LibraryContent, actor: String, at: Date, audit: AuditEntry?) throws -> LibraryItem {
        try write { s in
            guard let current = try libraryItem(c.id, s) else { throw LessonLibraryStoreError.unknownItem(c.id) }
            guard current.state != .retired else {
                throw LessonLibraryStoreError.wrongState(
                    id: c.id, state: current.state, expected: LibraryState.allCases.filter { $0 != .retired })
            }
            let next = current.version + 1
            let state: LibraryState = current.state == .returned ? .active : current.state
            try s.execute(
                """
                UPDATE libraryItem SET version = ?, band = ?, theme = ?, title = ?, titleEn = ?, searchText = ?, state = ?,
                                       reason = NULL, updated = ?
                WHERE id = ?
                """,
                [
                    .int(next), .text(c.band), .text(c.theme), .text(c.title), .text(c.titleEn), .text(c.searchText),
                    .text(state.rawValue), .date(at), .text(c.id),
                ])
            try s.execute(
                "INSERT INTO libraryVersion (itemId, version, saved, actor, body) VALUES (?, ?, ?, ?, ?)",
                [.text(c.id), .int(next), .date(at), .text(actor), .text(c.body)])
            if let audit { try Self.append(audit, s) }
            try Self.recordChange(s)
            guard let saved = try libraryItem(c.id, s) else { throw LessonLibraryStoreError.unknownItem(c.id) }
            return saved
        }
    }

    public func setLibraryState(
        id: String, to state: LibraryState, from: [LibraryState], reason: String?, at: Date, audit: AuditEntry?
    ) throws -> LibraryItem {
        try write { s in
            guard let current = try libraryItem(id, s) else { throw LessonLibraryStoreError.unknownItem(id) }
            guard from.contains(current.state) else {
                throw LessonLibraryStoreError.wrongState(id: id, state: current.state, expected: from)
            }
            try s.execute(
                "UPDATE libraryItem SET state = ?, reason = ?, updated = ? WHERE id = ?",
                [.text(state.rawValue), .text(state == .returned ? reason : nil), .date(at), .text(id)])
            if let audit { try Self.append(audit, s) }
            try Self.recordChange(s)
            guard let saved = try libraryItem(id, s) else { throw LessonLibraryStoreError.unknownItem(id) }
            return saved
        }
    }

    public func libraryItem(id: String) throws -> LibraryItem? {
        try withSession { s in try libraryItem(id, s) }
    }

    public func libraryVersions(id: String) throws -> [LibraryVersion] {
        try withSession { s in
            try s.rows(
                "SELECT itemId, version, saved, actor, body FROM libraryVersion WHERE itemId = ? ORDER BY version",
                [.text(id)]
            ).map {
                LibraryVersion(
                    id: try $0.string(0), version: try $0.int(1) ?? 0, saved: try $0.date(2) ?? Date(timeIntervalSince1970: 0),
                    actor: try $0.string(3), body: try $0.string(4))
            }
        }
    }

    public func libraryItems(_ q: LibraryQuery) throws -> [LibraryItem] {
        try withSession { s in
            var conditions: [String] = []
            var args: [PostgresValue] = []
            if let k = q.kind {
                conditions.append("i.kind = ?")
                args.append(.text(k.rawValue))
            }
            if let b = q.band {
                conditions.append("i.band = ?")
                args.append(.text(b))
            }
            if let t = q.theme {
                conditions.append("i.theme = ?")
                args.append(.text(t))
            }
            if let school = q.school {
                conditions.append("i.schoolId = ?")
                args.append(.text(school))
            }
            switch q.source {
            case .bundled: conditions.append("FALSE")
            case .district: conditions.append("((i.schoolId IS NULL AND i.state <> 'retired') OR i.state = 'approved')")
            case .school: conditions.append("i.schoolId IS NOT NULL")
            case nil: break
            }
            if let v = q.visibleTo {
                conditions.append("(i.schoolId = ? OR (i.schoolId IS NULL AND i.state <> 'retired') OR i.state = 'approved')")
                args.append(.text(v))
            }
            if !q.includeRetired { conditions.append("i.state <> 'retired'") }
            if let states = q.states {
                let list = states.map(\.rawValue).sorted()
                conditions.append("i.state IN (\(list.map { _ in "?" }.joined(separator: ", ")))")
                args += list.map { .text($0) }
            }
            if let text = q.text?.lowercased(), !text.isEmpty {
                conditions.append("strpos(i.searchText, ?) > 0")
                args.append(.text(text))
            }
            let from =
                q.withBody
                ? "\(Self.libraryColumns) FROM \(Self.libraryJoin)" : "\(Self.librarySummaryColumns) FROM libraryItem i"
            let sql = """
                SELECT \(from)
                \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
                ORDER BY i.id
                """
            return try s.rows(sql, args).map(libraryItem(row:))
        }
    }

    private func libraryItem(_ id: String, _ s: PostgresSession) throws -> LibraryItem? {
        try s.rows("SELECT \(Self.libraryColumns) FROM \(Self.libraryJoin) WHERE i.id = ?", [.text(id)]).first
            .map(libraryItem(row:))
    }

    private func libraryItem(row r: PostgresRandomAccessRow) throws -> LibraryItem {
        let id = try r.string(0)
        return LibraryItem(
            id: id, kind: try word(r, 1, "libraryItem", id), school: try r.text(2), state: try word(r, 3, "libraryItem", id),
            reason: try r.text(4), version: try r.int(5) ?? 0, band: try r.text(6), theme: try r.text(7),
            title: try r.string(8), titleEn: try r.string(9), copiedFrom: try r.text(10), body: try r.string(13),
            created: try r.date(11) ?? Date(timeIntervalSince1970: 0), updated: try r.date(12) ?? Date(timeIntervalSince1970: 0))
    }
}
