import Foundation
import PostgresNIO

/// One bound value of a statement: what the store's SQL takes as arguments (`?` in its text).
enum PostgresValue: Sendable, Hashable {
    case text(String?)
    case int(Int?)
    case bool(Bool)
    case date(Date?)
    /// `bytea` (evidence files).
    case bytes([UInt8])

    func append(to binds: inout PostgresBindings) {
        switch self {
        case .text(let v): binds.append(v)
        case .int(let v): binds.append(v)
        case .bool(let v): binds.append(v)
        case .date(let v): binds.append(v)
        case .bytes(let v): binds.append(ByteBuffer(bytes: v))
        }
    }
}

extension PostgresQuery {
    /// A query from SQL text whose arguments are `?` (the store's SQL never holds a `?` of its own), numbered
    /// `$1`, `$2`, … in order.
    init(_ sql: String, _ values: [PostgresValue]) {
        guard sql.utf8.contains(UInt8(ascii: "?")) else {
            self.init(numbered: sql, values)
            return
        }
        var text = ""
        text.reserveCapacity(sql.utf8.count + values.count * 3)
        var n = 0
        for ch in sql {
            if ch == "?" {
                n += 1
                text += "$\(n)"
            } else {
                text.append(ch)
            }
        }
        self.init(numbered: text, values)
    }

    /// `($1, $2), ($3, $4), …`: `rows` rows of `columns` numbered arguments, for a multi-row `VALUES`.
    static func numberedRows(_ rows: Int, columns: Int) -> String {
        var text = ""
        text.reserveCapacity(rows * columns * 8)
        var n = 0
        for r in 0..<rows {
            text += r == 0 ? "(" : ", ("
            for c in 0..<columns {
                n += 1
                text += c == 0 ? "$\(n)" : ", $\(n)"
            }
            text += ")"
        }
        return text
    }

    /// A query from SQL text whose arguments are already `$1`, `$2`, … (the bulk statements build it so).
    init(numbered sql: String, _ values: [PostgresValue]) {
        var binds = PostgresBindings(capacity: values.count)
        for v in values { v.append(to: &binds) }
        self.init(unsafeSQL: sql, binds: binds)
    }
}
