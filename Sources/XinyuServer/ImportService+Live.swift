import Foundation
import Importers
import XinyuCore

extension ImportService {
    /// The product's importer, exactly as `xinyu import` runs it (default options: not strict, not a dry run).
    /// An upload is logged and reported as `upload`, never under its temporary path; the log shows each CLI-imported
    /// file by its name only, so no server path reaches an API client.
    public static let live = ImportService(
        importFile: { path, store in
            let db = try sqlite(store)
            var options = ImportOptions()
            options.sourceName = uploadName
            let summary = try db.withWriteLockNote("import of a feed posted to xinyu serve") {
                try FeedImporter.importFile(at: path, into: db, options: options)
            }
            return Outcome(rejectedAsWhole: summary.status == .rejected, json: try JSONOutput.encoder().encode(summary))
        },
        log: { store in
            let rows = try FeedImporter.importLog(in: try sqlite(store)).map { row in
                var row = row
                row.file = (row.file as NSString).lastPathComponent
                return row
            }
            return try JSONOutput.encoder().encode(rows)
        })

    /// The SQLite store behind `store`: the feed importer (Importers) still takes ``AppDatabase`` itself, until the
    /// store protocols have one for importing. Another engine's store is answered 500 (it cannot happen today:
    /// `AppDatabase` is the only ``XinyuStore``).
    private static func sqlite(_ store: any XinyuStore) throws -> AppDatabase {
        guard let db = store as? AppDatabase else {
            throw APIError.internal("the feed importer needs the SQLite store; this server's store is \(type(of: store))")
        }
        return db
    }

    /// The file name the import log records for a feed posted to the server.
    public static let uploadName = "upload"
}
