import GRDB
import GRDBSQLite

/// Steps a prepared statement on SQLite's own API and reads columns by position: for the engine's bulk reads
/// (every teacher, award and attendance record of a district), where GRDB's row decoding (columns found by name,
/// values boxed as `DatabaseValue`) costs more than the query itself. Everything else uses GRDB records.
enum RawRows {
    /// Calls `body` with the statement handle for each row; an SQLite error is thrown as GRDB's `DatabaseError`.
    static func forEach(_ statement: Statement, _ body: (OpaquePointer) throws -> Void) throws {
        let s = statement.sqliteStatement
        defer { sqlite3_reset(s) }
        while true {
            let code = sqlite3_step(s)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: code),
                    message: String(cString: sqlite3_errmsg(sqlite3_db_handle(s))), sql: statement.sql)
            }
            try body(s)
        }
    }

    /// The bytes of text column `i` (valid until the next step), or nil for NULL.
    static func bytes(_ s: OpaquePointer, _ i: Int32) -> UnsafeBufferPointer<UInt8>? {
        guard let p = sqlite3_column_text(s, i) else { return nil }
        return UnsafeBufferPointer(start: p, count: Int(sqlite3_column_bytes(s, i)))
    }

    /// Text column `i` as a String, or nil for NULL.
    static func text(_ s: OpaquePointer, _ i: Int32) -> String? {
        bytes(s, i).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Column `i` as a day, nil for NULL; text that is not a day is an error naming the table, row and column.
    static func day(_ s: OpaquePointer, _ i: Int32, _ table: String, _ key: String?) throws -> Day? {
        guard let b = bytes(s, i) else { return nil }
        guard let d = Day(utf8: b) else { throw bad(s, i, table, key) }
        return d
    }

    /// Column `i` as a value of a String-backed enum (NULL or an unknown word is an error naming the row).
    static func word<T: RawRepresentable>(_ s: OpaquePointer, _ i: Int32, _ table: String, _ key: String?) throws -> T
    where T.RawValue == String {
        guard let t = text(s, i), let v = T(rawValue: t) else { throw bad(s, i, table, key) }
        return v
    }

    /// Text column `i`, which must not be NULL.
    static func required(_ s: OpaquePointer, _ i: Int32, _ table: String, _ key: String?) throws -> String {
        guard let t = text(s, i) else { throw bad(s, i, table, key) }
        return t
    }

    /// A stored value the schema should have kept out: says which table, row and column, and what is there.
    static func bad(_ s: OpaquePointer, _ i: Int32, _ table: String, _ key: String?) -> DatabaseError {
        let column = String(cString: sqlite3_column_name(s, i))
        let value = text(s, i).map { "'\($0)'" } ?? "NULL"
        return DatabaseError(
            resultCode: .SQLITE_MISMATCH,
            message:
                "\(table) \(key ?? "?"): \(column) is \(value), which is not a valid value;"
                + " the database was changed outside xinyu"
        )
    }
}
