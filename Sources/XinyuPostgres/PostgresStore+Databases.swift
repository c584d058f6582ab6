import NIOPosix
import PostgresNIO
import XinyuCore

extension PostgresStore {
    /// Creates an empty database `name` on the server of `server` (logged in as its role, which needs CREATEDB),
    /// e.g. a fresh database per test. `name` must be a plain identifier (letters, digits, `_`).
    public static func createDatabase(_ name: String, on server: PostgresURL) throws {
        guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
            throw PostgresStoreError.badURL(url: server.redacted, problem: "database name \(name) is not a plain identifier")
        }
        let admin = PostgresStore(
            target: server, group: MultiThreadedEventLoopGroup(numberOfThreads: 1), ownsGroup: true,
            lockTimeout: AppDatabase.defaultBusyTimeout)
        try admin.withSession { s in try s.script("CREATE DATABASE \(name)") }
    }
}
