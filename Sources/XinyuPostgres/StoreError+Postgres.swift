import Foundation
import XinyuCore

extension StoreError {
    /// The temporary store error a PostgreSQL SQLSTATE stands for, or nil for any other: `55P03` (a lock not
    /// granted within `lock_timeout`) is ``StoreError/busy(path:holder:waited:)``; `40001` (serialization failure),
    /// `40P01` (deadlock), `53300` (too many connections) and `57P03` (the server is starting or stopping) are
    /// ``StoreError/overloaded(path:reason:)``; `53100` (disk full) is ``StoreError/full(path:)``. Each is
    /// ``StoreError/isTemporary``: the server answers 503 with `Retry-After`.
    ///
    /// - Parameters:
    ///   - url: the database URL without its password.
    ///   - lockTimeout: the `lock_timeout` the statement waited, for the message.
    public static func postgres(sqlState: String?, url: String, lockTimeout: TimeInterval?) -> StoreError? {
        switch sqlState {
        case "55P03": .busy(path: url, holder: nil, waited: lockTimeout)
        case "40001": .overloaded(path: url, reason: "a transaction that ran at the same time changed the same rows")
        case "40P01": .overloaded(path: url, reason: "it ended a deadlock with another transaction")
        case "53300": .overloaded(path: url, reason: "the server has no connection left")
        case "57P03": .overloaded(path: url, reason: "the server is starting up or shutting down")
        case "53100": .full(path: url)
        default: nil
        }
    }
}
