import XinyuCore

/// Records of a feed that were stored, per kind (`practice` = counseling + lesson records).
public struct AcceptedCounts: Sendable, Codable, Hashable {
    public var schools = 0, teachers = 0, courses = 0, attendance = 0, awards = 0, practice = 0
    public init() {}
    public var total: Int { schools + teachers + courses + attendance + awards + practice }
}

/// One rejected record, or one problem that rejected the whole document.
public struct RejectedRecord: Sendable, Codable, Hashable {
    public var line: Int
    public var column: Int
    /// The element's name (`record`, `teacher`, …), or `document`.
    public var element: String
    /// The record's key (`T0001`, `T0001/C01`, …), empty when unknown.
    public var key: String
    public var reason: String
    public init(line: Int, column: Int, element: String, key: String, reason: String) {
        self.line = line
        self.column = column
        self.element = element
        self.key = key
        self.reason = reason
    }
}

/// What one import did. Encodes to the JSON of `xinyu import --format json`.
///
/// `status`: `applied` (everything stored), `partial` (some records rejected, the rest stored), `rejected`
/// (nothing stored), `duplicate` (feed id already applied, nothing changed); for `--validate-only`: `valid`/`invalid`.
public struct ImportSummary: Sendable, Codable {
    public var feed: String?
    /// `district-v1` or `ims-enterprise-1.1` (`unknown` when the root element was never reached or not recognised).
    public var format: String
    public var status: ImportStatus
    public var accepted: AcceptedCounts
    public var rejected: [RejectedRecord]
    /// IMS members with a role other than learner (01), and other records deliberately not imported.
    public var skipped: Int
    /// Teachers made inactive by `mode="full"`.
    public var deactivated: Int
    public var file: String
    /// SHA-256 of the file's bytes, hex.
    public var digest: String
    public var dryRun: Bool
    /// The district feed's `district` code when it is a valid one (issue #18): the import log records it. Not
    /// part of the JSON.
    public var district: String? = nil

    public init(
        feed: String?, format: String, status: ImportStatus, accepted: AcceptedCounts = AcceptedCounts(),
        rejected: [RejectedRecord] = [], skipped: Int = 0, deactivated: Int = 0, file: String,
        digest: String, dryRun: Bool = false
    ) {
        self.feed = feed
        self.format = format
        self.status = status
        self.accepted = accepted
        self.rejected = rejected
        self.skipped = skipped
        self.deactivated = deactivated
        self.file = file
        self.digest = digest
        self.dryRun = dryRun
    }

    enum CodingKeys: String, CodingKey {
        case feed, format, status, accepted, rejected, skipped, deactivated, file, digest, dryRun
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        if let feed { try c.encode(feed, forKey: .feed) } else { try c.encodeNil(forKey: .feed) }
        try c.encode(format, forKey: .format)
        try c.encode(status, forKey: .status)
        try c.encode(accepted, forKey: .accepted)
        try c.encode(rejected, forKey: .rejected)
        try c.encode(skipped, forKey: .skipped)
        try c.encode(deactivated, forKey: .deactivated)
        try c.encode(file, forKey: .file)
        try c.encode(digest, forKey: .digest)
        try c.encode(dryRun, forKey: .dryRun)
    }
}

extension ImportSummary {
    /// 0 applied, duplicate or valid; 3 partial; 2 rejected as a whole or invalid.
    public var exitStatus: Int32 {
        switch status {
        case .partial: 3
        case .rejected, .invalid: 2
        default: 0
        }
    }
}
