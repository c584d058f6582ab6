import Foundation
import XinyuCore

/// One row of `xinyu imports list`: an import attempt from the `importLog` table.
public struct ImportLogRow: Sendable, Codable, Hashable {
    public var id: Int64
    public var feed: String?
    public var format: String
    public var file: String
    public var digest: String
    public var importedAt: Date
    public var status: ImportStatus
    public var accepted: AcceptedCounts
    public var rejected: Int
    /// The district feed's code (issue #18); nil for IMS Enterprise files and attempts logged before districts
    /// were recorded.
    public var district: String?
}

extension FeedImporter {
    /// The import log, oldest first: every attempt, or (`district`) only the attempts of that district's feeds, as
    /// a district-scoped role reads it (``FeedStore/importLog(district:)``).
    public static func importLog(in store: any FeedStore, district: String? = nil) throws -> [ImportLogRow] {
        try (district.map(store.importLog(district:)) ?? store.importLog()).map { e in
            let counts = (try? JSONDecoder().decode(AcceptedCounts.self, from: Data(e.accepted.utf8))) ?? AcceptedCounts()
            return ImportLogRow(
                id: e.id ?? 0, feed: e.feedId, format: e.format, file: e.file, digest: e.digest,
                importedAt: e.importedAt, status: e.status, accepted: counts, rejected: e.rejectedCount,
                district: e.district)
        }
    }

    /// Every rejection logged for one import attempt.
    public static func rejections(logId: Int64, in store: any FeedStore) throws -> [RejectedRecord] {
        guard let e = try store.importLogEntry(id: logId) else { return [] }
        return (try? JSONDecoder().decode([RejectedRecord].self, from: Data(e.rejections.utf8))) ?? []
    }
}
