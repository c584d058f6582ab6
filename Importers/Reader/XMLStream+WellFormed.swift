extension XMLStream {
    /// After the last read (`lastRead` < 0 is libxml2's error return): a fault anywhere in the document, even its
    /// last byte, rejects the whole document with libxml2's first fatal message and position.
    func rejectIfNotWellFormed(lastRead: Int32) throws {
        guard lastRead < 0 || firstFatal != nil else { return }
        let p = firstFatal
        throw DocumentRejected(problem: RejectedRecord(line: p?.line ?? line, column: p?.column ?? column,
                                                       element: "document", key: "",
                                                       reason: "not well-formed XML: " + (p?.message ?? "libxml2 stopped reading")))
    }
}
