import Foundation
import GRDB
import Testing

@testable import Importers
@testable import XinyuCore

/// The import log row commits with the feed's data, and the duplicate check runs under the write lock.
@Suite struct ImportLogTransactionTests {
    static let refuseLog = "CREATE TRIGGER refuseLog BEFORE INSERT ON importLog BEGIN SELECT RAISE(ABORT, 'log refused'); END"

    @Test func whenTheLogRowCannotBeWrittenTheFeedsDataIsNotThereEither() throws {
        let db = try AppDatabase.inMemory()
        try db.writer.write { try $0.execute(sql: Self.refuseLog) }
        let path = try FeedFixture.write(FeedFixture.feed())
        #expect(throws: DatabaseError.self) { try FeedImporter.importFile(at: path, into: db, options: ImportOptions()) }
        #expect(try FeedFixture.counts(db).values.allSatisfy { $0 == 0 }, "data and log row commit together or not at all")
        #expect(try FeedFixture.count(db, "importLog") == 0)
        // Nothing half-done stays behind: once the log can be written, the same feed applies (not a duplicate).
        try db.writer.write { try $0.execute(sql: "DROP TRIGGER refuseLog") }
        let again = try FeedImporter.importFile(at: path, into: db, options: ImportOptions())
        #expect(again.status == .applied)
        #expect(try FeedFixture.count(db, "attendance") == 3)
        #expect(try FeedImporter.importLog(in: db).map(\.status) == [.applied])
    }

    @Test func aPartialFeedAlsoCommitsWithItsLogRow() throws {
        let db = try AppDatabase.inMemory()
        try db.writer.write { try $0.execute(sql: Self.refuseLog) }
        let text = DistrictRuleTests.feed(with: DistrictRuleTests.cases[0])
        #expect(throws: DatabaseError.self) {
            try FeedImporter.importFile(at: FeedFixture.write(text), into: db, options: ImportOptions())
        }
        #expect(try FeedFixture.counts(db).values.allSatisfy { $0 == 0 })
    }

    @Test func dryRunsAndRejectedFeedsKeepTheirOldLogging() throws {
        var dry = ImportOptions()
        dry.dryRun = true
        let (d, db) = try FeedFixture.run(FeedFixture.feed()) { $0.dryRun = true }
        #expect(d.status == .applied && d.dryRun)
        #expect(try FeedFixture.count(db, "importLog") == 0)
        #expect(try FeedFixture.counts(db).values.allSatisfy { $0 == 0 })
        let (r, _) = try FeedFixture.run(String(FeedFixture.feed().dropLast(5)), db: db)
        #expect(r.status == .rejected)
        let (strict, _) = try FeedFixture.run(DistrictRuleTests.feed(with: DistrictRuleTests.cases[0]), db: db) {
            $0.strict = true
        }
        #expect(strict.status == .rejected)
        #expect(try FeedImporter.importLog(in: db).map(\.status) == [.rejected, .rejected])
        #expect(try FeedFixture.counts(db).values.allSatisfy { $0 == 0 })
        // A dry run of an applied feed reports the duplicate and writes nothing.
        _ = try FeedFixture.run(FeedFixture.feed(), db: db)
        let dup = try FeedImporter.importFile(at: FeedFixture.write(FeedFixture.feed()), into: db, options: dry)
        #expect(dup.status == .duplicate)
        #expect(try FeedImporter.importLog(in: db).map(\.status) == [.rejected, .rejected, .applied])
    }

    /// Two imports of one feed id on two threads, each with its own connections to one file (as two processes
    /// would), or sharing one store: exactly one applies it, the other is a duplicate.
    @Test(arguments: [false, true])
    func twoImportsOfOneFeedRacingApplyItOnce(sharedStore: Bool) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("xinyu-race-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let store = dir.appendingPathComponent("store.sqlite").path
        let shared = try AppDatabase.open(path: store)
        let feed = try FeedFixture.write(DocumentSafetyTests.largeFeed(records: 6_000))
        let statuses = Statuses()
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            do {
                let db = sharedStore ? shared : try AppDatabase.open(path: store)
                statuses.add(try FeedImporter.importFile(at: feed, into: db, options: ImportOptions()).status.rawValue)
            } catch {
                statuses.add("error: \(error)")
            }
        }
        #expect(statuses.sorted == ["applied", "duplicate"])
        #expect(try FeedImporter.importLog(in: shared).map(\.status.rawValue).sorted() == ["applied", "duplicate"])
        #expect(try FeedFixture.count(shared, "attendance") == 6_000)
    }
}

/// Statuses collected from several threads.
final class Statuses: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String] = []
    func add(_ s: String) { lock.withLock { values.append(s) } }
    var sorted: [String] { lock.withLock { values.sorted() } }
}
