import Foundation
import PostgresNIO

/// One bound value of a statement: what the store's SQL takes as arguments (`?` in its text).
enum PostgresValue: Sendable, Hashable {
    case text(String?)
    case int(Int?)
    case bool(Bool)
    case date(Date?)

    func append(to binds: inout PostgresBindings) {
        switch self {
        case let .text(v): binds.append(v)
        case let .int(v): binds.append(v)
        case let .bool(v): binds.append(v)
        case let .date(v): binds.append(v)
        }
    }
}

extension PostgresQuery {
    /// A query from SQL text whose arguments are `?` (the store's SQL never holds a `?` of its own), numbered
    /// `$1`, `$2`, … in order.
    init(_ sql: String, _ values: [PostgresValue]) {
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
        var binds = PostgresBindings(capacity: values.count)
        for v in values { v.append(to: &binds) }
        self.init(unsafeSQL: text, binds: binds)
    }
}
