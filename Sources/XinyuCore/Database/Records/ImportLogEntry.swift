import Foundation
import GRDB

/// One import attempt, accepted or not (table `importLog`). Counts and rejections are JSON text.
public struct ImportLogEntry: Sendable, Codable, Hashable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "importLog"
    public var id: Int64?
    /// The feed's id (`feed/@id`), or for IMS files a digest-derived id; nil when the file could not be read that far.
    public var feedId: String?
    public var format: String
    public var file: String
    /// SHA-256 of the file's bytes, hex.
    public var digest: String
    public var importedAt: Date
    /// `applied`, `partial`, `rejected`, `duplicate`.
    public var status: ImportStatus
    /// JSON object of accepted counts per kind.
    public var accepted: String
    public var rejectedCount: Int
    /// JSON array of every rejection.
    public var rejections: String
    /// The district feed's `district` code (issue #18); nil for an IMS Enterprise file, a file whose root names
    /// no valid code, and every attempt logged before the store recorded districts (migration v14).
    public var district: String?

    public init(
        id: Int64? = nil, feedId: String?, format: String, file: String, digest: String, importedAt: Date,
        status: ImportStatus, accepted: String, rejectedCount: Int, rejections: String, district: String? = nil
    ) {
        self.id = id
        self.feedId = feedId
        self.format = format
        self.file = file
        self.digest = digest
        self.importedAt = importedAt
        self.status = status
        self.accepted = accepted
        self.rejectedCount = rejectedCount
        self.rejections = rejections
        self.district = district
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
