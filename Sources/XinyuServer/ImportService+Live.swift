import Foundation
import Importers
import XinyuCore

extension ImportService {
    /// The product's importer, exactly as `xinyu import` runs it (default options: not strict, not a dry run).
    /// The summary's `file` is the temporary upload path; a feed rejected as a whole answers 400 with it.
    public static let live = ImportService(
        importFile: { path, db in
            let summary = try FeedImporter.importFile(at: path, into: db, options: ImportOptions())
            return Outcome(rejectedAsWhole: summary.status == "rejected", json: try JSONOutput.encoder().encode(summary))
        },
        log: { db in try JSONOutput.encoder().encode(try FeedImporter.importLog(in: db)) })
}
