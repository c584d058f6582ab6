import Foundation
import Testing
import XinyuCore

/// One implementation of ``XinyuStore`` under test: the conformance suite runs every check on each engine here.
/// A second engine (PostgreSQL) adds its case to ``all``; the checks use the protocols only.
struct StoreEngine: Sendable, CustomTestStringConvertible {
    let name: String
    /// A new, empty store with the current schema.
    let make: @Sendable () throws -> any XinyuStore

    var testDescription: String { name }

    static let sqliteInMemory = StoreEngine(name: "SQLite in memory") { try AppDatabase.inMemory() }

    static let sqliteFile = StoreEngine(name: "SQLite file") {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("xinyu-conformance-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return try AppDatabase.open(path: dir.appendingPathComponent("store.sqlite").path)
    }

    /// Every engine the suite runs on.
    static let all: [StoreEngine] = [sqliteInMemory, sqliteFile]
}
