import Foundation
import PostgresNIO
import XinyuCore

/// Values decoded from the store's rows, each in the column order of its `SELECT` constant here.
extension PostgresStore {
    static let teacherColumns = "id, schoolId, name, role, hired, status"
    static let schoolColumns = "id, name, stage, counselingRoom, district"
    static let gradeColumns = "schoolId, level, classes"
    static let awardColumns = "teacherId, level, issued, number, expires"

    /// A stored value that does not decode into the product's types.
    func bad(_ table: String, _ key: String, _ what: String) -> Error {
        PostgresStoreError.server(url: url, message: "\(table) \(key) holds \(what), which this xinyu cannot read")
    }

    func word<W: RawRepresentable>(_ row: PostgresRandomAccessRow, _ i: Int, _ table: String, _ key: String) throws -> W
    where W.RawValue == String {
        let text = try row.string(i)
        guard let w = W(rawValue: text) else { throw bad(table, key, "\"\(text)\"") }
        return w
    }

    func day(_ row: PostgresRandomAccessRow, _ i: Int, _ table: String, _ key: String) throws -> Day? {
        guard let text = try row.text(i) else { return nil }
        guard let d = Day(text) else { throw bad(table, key, "the date \"\(text)\"") }
        return d
    }

    func teacher(_ r: PostgresRandomAccessRow) throws -> Teacher {
        let id = try r.string(0)
        return Teacher(
            id: id, schoolId: try r.string(1), name: try r.string(2), role: try word(r, 3, "teacher", id),
            hired: try day(r, 4, "teacher", id), status: try word(r, 5, "teacher", id))
    }

    func school(_ r: PostgresRandomAccessRow) throws -> School {
        let id = try r.string(0)
        return School(
            id: id, name: try r.string(1), stage: try word(r, 2, "school", id), counselingRoom: try r.bool(3),
            district: try r.string(4))
    }

    func grade(_ r: PostgresRandomAccessRow) throws -> Grade {
        Grade(schoolId: try r.string(0), level: try r.int(1) ?? 0, classes: try r.int(2) ?? 0)
    }

    func award(_ r: PostgresRandomAccessRow) throws -> Award {
        let id = try r.string(0)
        guard let issued = try day(r, 2, "award of teacher", id) else { throw bad("award of teacher", id, "no issue date") }
        return Award(
            teacherId: id, level: try word(r, 1, "award of teacher", id), issued: issued, number: try r.text(3),
            expires: try day(r, 4, "award of teacher", id))
    }

    /// Throws ``StoreError/unknownSchool(id:)`` unless the school is stored; returns it.
    @discardableResult
    func requireSchool(_ id: String, _ s: PostgresSession) throws -> School {
        guard let row = try s.rows("SELECT \(Self.schoolColumns) FROM school WHERE id = ?", [.text(id)]).first else {
            throw StoreError.unknownSchool(id: id)
        }
        return try school(row)
    }

    /// Raises the data version inside the caller's write transaction.
    static func recordChange(_ s: PostgresSession) throws {
        try s.execute("UPDATE storeVersion SET version = version + 1 WHERE id = 1")
    }

    /// ``recordChange(_:)`` for a feed of district `code`: its own row, so that feeds of two districts do not wait
    /// for each other's commit here (``dataVersion()`` sums the rows).
    static func recordChange(district code: Int, _ s: PostgresSession) throws {
        try s.execute(
            """
            INSERT INTO storeVersion (id, version) VALUES (?, 1)
            ON CONFLICT (id) DO UPDATE SET version = storeVersion.version + 1
            """, [.int(code)])
    }
}
