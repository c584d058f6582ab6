import Foundation
import GRDB
import Hummingbird
import XinyuCore

extension ImportService {
    /// The product's importer. (Placeholder until the importers module lands: log only.)
    public static let live = ImportService(
        importFile: { _, _ in
            throw APIError(.serviceUnavailable, code: "unavailable", message: "the importer is not available in this build")
        },
        log: { db in
            let rows = try db.writer.read { conn in try ImportLogEntry.order(Column("id")).fetchAll(conn) }
            return try JSONOutput.encoder().encode(rows)
        })
}
