import Foundation
import Importers
import XinyuCore

extension ImportService {
    /// The product's importer, exactly as `xinyu import` runs it (default options: not strict, not a dry run).
    /// An upload is logged and reported as `upload`, never under its temporary path; the log shows each CLI-imported
    /// file by its name only, so no server path reaches an API client.
    public static let live = ImportService(
        importFile: { path, store in
            var options = ImportOptions()
            options.sourceName = uploadName
            let summary = try store.withWriteLockNote("import of a feed posted to xinyu serve") {
                try FeedImporter.importFile(at: path, into: store, options: options)
            }
            return Outcome(
                rejectedAsWhole: summary.status == .rejected, json: try JSONOutput.encoder().encode(summary),
                audit: summary.wroteToStore ? summary.auditValues : nil, district: summary.district)
        },
        log: { store, district in
            let rows = try FeedImporter.importLog(in: store, district: district).map { row in
                var row = row
                row.file = (row.file as NSString).lastPathComponent
                return row
            }
            return try JSONOutput.encoder().encode(rows)
        })

    /// The file name the import log records for a feed posted to the server.
    public static let uploadName = "upload"
}
