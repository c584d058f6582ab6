import Foundation
import XinyuCore

/// What the server needs from the importer, as plain functions so tests can count calls.
///
/// ``ImportService/live`` calls the same `FeedImporter` code as `xinyu import`.
public struct ImportService: Sendable {
    /// The result of importing one uploaded file.
    public struct Outcome: Sendable {
        /// The feed was rejected as a whole (answered 400 with the report).
        public var rejectedAsWhole: Bool
        /// The importer's summary JSON, exactly as `xinyu import --format json` prints it.
        public var json: Data
        /// What the audit trail records of the attempt (nil: nothing, when it wrote nothing).
        public var audit: [String: String?]?
        public init(rejectedAsWhole: Bool, json: Data, audit: [String: String?]? = nil) {
            self.rejectedAsWhole = rejectedAsWhole
            self.json = json
            self.audit = audit
        }
    }

    public var importFile: @Sendable (_ path: String, _ database: any XinyuStore) throws -> Outcome
    /// The import log as JSON (the shape of `xinyu imports list --format json`).
    public var log: @Sendable (_ database: any XinyuStore) throws -> Data

    public init(
        importFile: @escaping @Sendable (String, any XinyuStore) throws -> Outcome,
        log: @escaping @Sendable (any XinyuStore) throws -> Data
    ) {
        self.importFile = importFile
        self.log = log
    }
}
