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
        /// The district feed's code, the audit line's district (issue #18); nil for a file of no district.
        public var district: String?
        public init(rejectedAsWhole: Bool, json: Data, audit: [String: String?]? = nil, district: String? = nil) {
            self.rejectedAsWhole = rejectedAsWhole
            self.json = json
            self.audit = audit
            self.district = district
        }
    }

    public var importFile: @Sendable (_ path: String, _ database: any XinyuStore) throws -> Outcome
    /// The import log as JSON (the shape of `xinyu imports list --format json`): every attempt, or (`district`)
    /// the attempts of that district's feeds only, for a district-scoped role (issue #18).
    public var log: @Sendable (_ database: any XinyuStore, _ district: String?) throws -> Data

    public init(
        importFile: @escaping @Sendable (String, any XinyuStore) throws -> Outcome,
        log: @escaping @Sendable (any XinyuStore, String?) throws -> Data
    ) {
        self.importFile = importFile
        self.log = log
    }
}
