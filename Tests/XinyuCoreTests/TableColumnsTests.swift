import GRDB
import Testing

@testable import XinyuCore

/// The import upserts are built from ``TableColumns``; the migrations keep their own text (a shipped migration is
/// never edited). These tests keep the two in step.
@Suite struct TableColumnsTests {
    @Test(arguments: TableColumns.all)
    func eachDefinitionIsTheMigratedTable(_ t: TableColumns) throws {
        let db = try AppDatabase.inMemory()
        let info = try db.writer.read {
            try Row.fetchAll($0, sql: "SELECT name, pk FROM pragma_table_info(?)", arguments: [t.table])
        }
        #expect(!info.isEmpty, "table \(t.table) exists")
        #expect(info.map { $0["name"] as String } == t.columns)
        let key = info.filter { ($0["pk"] as Int) > 0 }.sorted { ($0["pk"] as Int) < ($1["pk"] as Int) }.map {
            $0["name"] as String
        }
        #expect(key == t.key)
    }

    @Test func theUpsertOfATableUpdatesEveryColumnButItsKey() {
        let sql = SQLiteFeedTransaction.upsertSQL(.attendance, rows: 2)
        #expect(
            sql.hasPrefix(
                #"INSERT INTO "attendance" ("teacherId", "courseId", "hoursTenths", "status", "result", "date")"#
                    + #" VALUES (?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?)"#
            ))
        #expect(
            sql.hasSuffix(
                #"ON CONFLICT("teacherId", "courseId") DO UPDATE SET "hoursTenths" = excluded."hoursTenths","#
                    + #" "status" = excluded."status", "result" = excluded."result", "date" = excluded."date""#
            ))
    }

    @Test func everyBatchKindWritesAKnownTable() {
        #expect(Set(RecordBatch.Kind.allCases.map(\.columns.table)).isSubset(of: Set(TableColumns.all.map(\.table))))
        #expect(RecordBatch.Kind.allCases.count == Set(RecordBatch.Kind.allCases.map(\.columns.table)).count)
    }
}
