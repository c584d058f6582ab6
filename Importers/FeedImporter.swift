import CLibXML2
import Foundation
import XinyuCore

/// Imports district feed v1 and IMS Enterprise 1.1 files into the store (FEED-FORMAT.md).
///
/// - One transaction per feed: a document rejected as a whole (not well-formed anywhere, wrong root or namespace,
///   a DOCTYPE, bad `feed` attributes, or any rejected record with `--strict`) changes no data.
/// - Every attempt except `--dry-run` and `--validate-only` leaves one `importLog` row. An applied or partial
///   feed's row is inserted inside the feed's own transaction, after its last record, so the data and its log row
///   commit together or not at all. A duplicate's row commits in the same transaction (which changes no data);
///   a document rejected as a whole, or rolled back by `--strict`, logs in a transaction of its own afterwards.
///   Dry runs and validations write nothing at all, not even a log row.
/// - A feed id already logged as `applied` or `partial` is a `duplicate`: nothing is applied (the attempt is logged).
///   The check runs inside the feed's `BEGIN IMMEDIATE` transaction, so of two imports of one feed id racing
///   (threads or processes) exactly one applies it; the other waits for the write lock and sees a duplicate.
/// - IMS files carry no feed id: theirs is `ims-` followed by the first 32 hex digits of the file's SHA-256, so
///   the same bytes are never applied twice while a corrected file is a new feed.
public enum FeedImporter {
    public static let districtFormat = "district-v1"
    public static let imsFormat = "ims-enterprise-1.1"

    /// Imports one file; a document rejected as a whole is a returned summary with status "rejected", not a throw.
    /// Throws ``FileAccessError`` when the file cannot be read and store errors when the database fails.
    public static func importFile(at path: String, into store: any FeedStore, options: ImportOptions) throws -> ImportSummary {
        let source = try FileSource(path: path)
        if options.validateOnly { return try validate(source: source, path: path) }
        let stream = try XMLStream(source: source)
        let progress = ProgressBar(requested: options.progress, source: source)
        defer { progress.finish() }
        var summary = ImportSummary(
            feed: nil, format: "unknown", status: .rejected, file: options.sourceName ?? path, digest: "",
            dryRun: options.dryRun)

        /// Ends an attempt that changed no data, logging it in a transaction of its own.
        func finish(_ status: ImportStatus, rejected: [RejectedRecord] = []) throws -> ImportSummary {
            summary.status = status
            if !rejected.isEmpty { summary.rejected = rejected }
            if summary.digest.isEmpty { summary.digest = source.finishDigest() }
            if !options.dryRun { try store.logImportAttempt(try logEntry(summary)) }
            return summary
        }

        // The root element decides the format.
        let root: Root
        switch findRoot(stream) {
        case .failure(let problem): return try finish(.rejected, rejected: [problem.problem])
        case .success(let r): root = r
        }
        let reader: (ImportSession) throws -> Void
        switch root.format {
        case .district(let attrs):
            summary.format = districtFormat
            summary.feed = attrs.id
            summary.district = Self.isDistrictCode(attrs.district) ? attrs.district : nil
            if let problem = attrs.problem { return try finish(.rejected, rejected: [problem]) }
            reader = { s in
                s.mode = attrs.mode
                try DistrictFeedReader(stream: stream, session: s, district: attrs.district, progress: progress).run()
            }
        case .ims(let ns):
            summary.format = imsFormat
            summary.digest = source.finishDigest()
            summary.feed = "ims-" + summary.digest.prefix(32)
            reader = { s in try IMSEnterpriseReader(stream: stream, session: s, namespace: ns, progress: progress).run() }
        }
        var logged = false
        // A district feed's transaction is its district's: feeds of two districts may run at once (issue #18).
        var feedDistrict: String?
        if case .district(let attrs) = root.format { feedDistrict = attrs.district }
        do {
            // The store's write lock is held from the transaction's first statement.
            try store.applyFeed(district: feedDistrict) { transaction in
                // Under the write lock: an import of the same feed id that committed meanwhile is seen here.
                if let feed = summary.feed, try transaction.isImported(feed: feed) {
                    summary.status = .duplicate
                    if options.dryRun { return .rollback }
                    if summary.digest.isEmpty { summary.digest = source.finishDigest() }
                    try transaction.logAttempt(try logEntry(summary))
                    logged = true
                    return .commit
                }
                let s = ImportSession(store: transaction, options: options)
                try reader(s)
                try s.withStore { try $0.recordChange() }
                summary.accepted = s.accepted
                summary.rejected = s.rejected
                summary.skipped = s.skipped
                summary.deactivated = s.deactivated
                if options.strict && !s.rejected.isEmpty { return .rollback }
                summary.status = s.rejected.isEmpty ? .applied : .partial
                if options.dryRun { return .rollback }
                // The log row joins the feed's data: both commit, or neither does.
                if summary.digest.isEmpty { summary.digest = source.finishDigest() }
                try s.withStore { try $0.logAttempt(try logEntry(summary)) }
                logged = true
                return .commit
            }
        } catch let rejected as DocumentRejected {
            summary.accepted = AcceptedCounts()
            summary.skipped = 0
            summary.deactivated = 0
            return try finish(.rejected, rejected: [rejected.problem])
        }
        if summary.status == .duplicate {
            summary.accepted = AcceptedCounts()
            summary.rejected = []
            summary.skipped = 0
            summary.deactivated = 0
            if summary.digest.isEmpty { summary.digest = source.finishDigest() }
            return summary
        }
        if options.strict && !summary.rejected.isEmpty {
            summary.accepted = AcceptedCounts()
            summary.deactivated = 0
            return try finish(.rejected)
        }
        if summary.digest.isEmpty { summary.digest = source.finishDigest() }
        assert(logged || options.dryRun, "an applied or partial feed is logged inside its transaction")
        return summary
    }

    /// The attempt's `importLog` row: counts and rejections as JSON text, stamped now.
    static func logEntry(_ s: ImportSummary) throws -> ImportLogEntry {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let accepted = String(decoding: try enc.encode(s.accepted), as: UTF8.self)
        let rejections = String(decoding: try enc.encode(s.rejected), as: UTF8.self)
        return ImportLogEntry(
            feedId: s.feed, format: s.format, file: s.file, digest: s.digest, importedAt: Date(),
            status: s.status, accepted: accepted, rejectedCount: s.rejected.count, rejections: rejections,
            district: s.district)
    }

    /// Whether `code` is a 6-digit administrative code.
    static func isDistrictCode(_ code: String) -> Bool {
        code.utf8.count == 6 && code.utf8.allSatisfy { (48...57).contains($0) }
    }

    // MARK: root

    struct FeedAttributes {
        var id: String?
        var district = ""
        var mode = FeedMode.delta
        var problem: RejectedRecord?
    }

    enum Format {
        case district(FeedAttributes)
        case ims(namespace: String?)
    }

    struct Root { var format: Format }

    /// Reads up to the root element and recognises it; DOCTYPE or a broken prologue rejects the document.
    static func findRoot(_ stream: XMLStream) -> Result<Root, DocumentRejected> {
        func problem(_ reason: String) -> DocumentRejected {
            DocumentRejected(
                problem: RejectedRecord(line: stream.line, column: stream.column, element: "document", key: "", reason: reason))
        }
        var r = stream.read()
        while r == 1 {
            let t = stream.nodeType
            if t == XML_READER_TYPE_DOCUMENT_TYPE.rawValue.int32 {
                return .failure(problem("a DOCTYPE is not allowed in a feed"))
            }
            if t == XML_READER_TYPE_ELEMENT.rawValue.int32 { break }
            r = stream.read()
        }
        if r != 1 || stream.firstFatal != nil {
            if let limit = stream.limitProblem { return .failure(DocumentRejected(problem: limit)) }
            if let p = stream.firstFatal {
                return .failure(
                    DocumentRejected(
                        problem: RejectedRecord(
                            line: p.line, column: p.column, element: "document", key: "",
                            reason: "not well-formed XML: " + p.message)))
            }
            return .failure(problem("the file holds no XML element"))
        }
        let ns = stream.namespaceURI.map { String(cString: $0) }
        let name = stream.localName.map { String(cString: $0) } ?? ""
        if name == "enterprise" { return .success(Root(format: .ims(namespace: ns))) }
        guard name == "feed", cEquals(stream.namespaceURI, districtNamespace) else {
            return .failure(
                problem(
                    "root element <\(name)>\(ns.map { " in namespace \($0)" } ?? " without namespace") is neither"
                        + " a district feed v1 (<feed xmlns=\"urn:xinyu:district-feed:1\">) nor IMS Enterprise 1.1 (<enterprise>)"
                ))
        }
        var a = FeedAttributes()
        func fail(_ reason: String) {
            if a.problem == nil {
                a.problem = RejectedRecord(
                    line: stream.line, column: stream.column, element: "feed", key: a.id ?? "", reason: reason)
            }
        }
        var seen = Set<String>()
        for attr in stream.attributes() where attr.ns == nil || attr.ns == String(describing: districtNamespace) {
            seen.insert(attr.name)
            switch attr.name {
            case "id": a.id = attr.value
            case "district": a.district = attr.value
            case "generated":
                if !isDateTimeWithOffset(attr.value) {
                    fail("generated \"\(attr.value)\" is not an ISO 8601 date-time with offset")
                }
            case "mode":
                guard let m = FeedMode(rawValue: attr.value) else {
                    fail("mode \"\(attr.value)\" is not delta or full")
                    continue
                }
                a.mode = m
            default: fail("unknown attribute \(attr.name) on feed")
            }
        }
        for required in ["id", "district", "generated"] where !seen.contains(required) {
            fail("missing required attribute \(required) on feed")
        }
        if let id = a.id, !Identifier.isValid(id) { fail("feed id \"\(id)\" is not an identifier \(Identifier.rule)") }
        if seen.contains("district"), !(a.district.utf8.count == 6 && a.district.utf8.allSatisfy { (48...57).contains($0) }) {
            fail("district \"\(a.district)\" is not a 6-digit administrative code")
        }
        return .success(Root(format: .district(a)))
    }
}
