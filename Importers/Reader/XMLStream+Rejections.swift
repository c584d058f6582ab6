import CLibXML2

/// Whole-document rejections both feed readers share.
extension XMLStream {
    /// On a DOCTYPE node: reject the whole document (FEED-FORMAT.md: a DOCTYPE is never needed; no XXE, no bombs).
    func rejectIfDocumentType() throws {
        guard nodeType == Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue) else { return }
        throw DocumentRejected(
            problem: RejectedRecord(
                line: line, column: column, element: "document",
                key: "", reason: "a DOCTYPE is not allowed in a feed"))
    }

    /// The file exceeded a ``MarkupLimits`` bound: libxml2 was stopped there, and this (not libxml2's I/O error)
    /// is the reason the document is rejected.
    var limitProblem: RejectedRecord? {
        source.violation.map { RejectedRecord(line: $0.line, column: 0, element: "document", key: "", reason: $0.reason) }
    }

    /// After the last read (`lastRead` < 0 is libxml2's error return): a fault anywhere in the document, even its
    /// last byte, rejects the whole document with libxml2's first fatal message and position; a markup limit
    /// exceeded (``limitProblem``) comes first.
    func rejectIfNotWellFormed(lastRead: Int32) throws {
        if let limit = limitProblem { throw DocumentRejected(problem: limit) }
        guard lastRead < 0 || firstFatal != nil else { return }
        let p = firstFatal
        throw DocumentRejected(
            problem: RejectedRecord(
                line: p?.line ?? line, column: p?.column ?? column,
                element: "document", key: "",
                reason: "not well-formed XML: " + (p?.message ?? "libxml2 stopped reading")))
    }
}
