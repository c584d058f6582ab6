import CLibXML2
import Foundation
import XinyuCore

extension FeedImporter {
    /// The XML Schema of district feed v1 shipped with the importer.
    public static var schemaURL: URL? {
        Bundle.module.url(forResource: "district-feed-v1", withExtension: "xsd", subdirectory: "Schema")
    }

    /// `--validate-only`: a district feed is validated against `district-feed-v1.xsd` by libxml2's streaming schema
    /// validator; an IMS file (no schema ships for it) is checked for well-formedness only. Nothing is written.
    /// Status `valid` (exit 0) or `invalid` (exit 2), every problem listed as a rejection of element `document`.
    static func validate(source: FileSource, path: String) throws -> ImportSummary {
        var summary = ImportSummary(feed: nil, format: "unknown", status: .invalid, file: path, digest: "")
        let probe = try XMLStream(source: source)
        let root = findRoot(probe)
        summary.digest = source.finishDigest()
        guard case .success(let r) = root else {
            if case .failure(let p) = root { summary.rejected = [p.problem] }
            return summary
        }
        let second = try FileSource(path: path, digest: false)
        let stream = try XMLStream(source: second)
        var schema: xmlSchemaPtr?
        if case .district(let attrs) = r.format {
            summary.format = districtFormat
            summary.feed = attrs.id
            guard let url = schemaURL, let xsd = try? Data(contentsOf: url) else {
                throw FileAccessError(path: "district-feed-v1.xsd", reason: "the schema is missing from the installation")
            }
            schema = xsd.withUnsafeBytes { raw -> xmlSchemaPtr? in
                guard let ctx = xmlSchemaNewMemParserCtxt(raw.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(raw.count))
                else { return nil }
                defer { xmlSchemaFreeParserCtxt(ctx) }
                xmlSchemaSetParserStructuredErrors(ctx, { _, _ in }, nil)
                return xmlSchemaParse(ctx)
            }
            guard let schema, stream.setSchema(schema) else {
                throw FileAccessError(path: "district-feed-v1.xsd", reason: "libxml2 could not compile the schema")
            }
        } else {
            summary.format = imsFormat
        }
        defer { if let schema { xmlSchemaFree(schema) } }
        var r2 = stream.read()
        var doctype = false
        while r2 == 1 {
            if stream.nodeType == XML_READER_TYPE_DOCUMENT_TYPE.rawValue.int32 {
                doctype = true
                break
            }
            r2 = stream.read()
        }
        var problems = stream.problems.filter(\.fatal).map {
            RejectedRecord(line: $0.line, column: $0.column, element: "document", key: "", reason: $0.message)
        }
        if doctype {
            problems.insert(
                RejectedRecord(
                    line: stream.line, column: stream.column, element: "document", key: "",
                    reason: "a DOCTYPE is not allowed in a feed"), at: 0)
        }
        if let limit = stream.limitProblem { problems = [limit] }
        if r2 < 0 && problems.isEmpty {
            problems.append(
                RejectedRecord(
                    line: stream.line, column: stream.column, element: "document", key: "", reason: "libxml2 stopped reading"))
        }
        if schema != nil && problems.isEmpty && xmlTextReaderIsValid(stream.reader) != 1 {
            problems.append(
                RejectedRecord(
                    line: stream.line, column: stream.column, element: "document", key: "",
                    reason: "not valid against district-feed-v1.xsd"))
        }
        summary.rejected = problems
        summary.status = problems.isEmpty ? .valid : .invalid
        return summary
    }
}
