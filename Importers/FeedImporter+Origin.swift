import XinyuCore

extension FeedImporter {
    /// The district a file says it comes from, read up to its root element only (nothing is written): the
    /// `district` code of a district feed v1, or nil for an IMS Enterprise file, a feed whose root attributes are
    /// wrong, or a document that is neither (the import then rejects it as a whole). The server checks it against a
    /// district-scoped caller before importing (issue #18). Throws ``FileAccessError`` when the file cannot be read.
    public static func declaredDistrict(at path: String) throws -> String? {
        let stream = try XMLStream(source: try FileSource(path: path, digest: false))
        guard case .success(let root) = findRoot(stream), case .district(let attrs) = root.format,
            attrs.problem == nil
        else { return nil }
        return attrs.district
    }
}
