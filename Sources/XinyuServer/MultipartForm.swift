import Foundation

/// A `multipart/form-data` body (RFC 7578), as a browser's form with a file sends it: each part's name, its file
/// name when it is a file, and its bytes. Only what a submission form needs: no nested multiparts, no encodings
/// other than binary.
struct MultipartForm {
    struct Part {
        var name: String
        var filename: String?
        var bytes: [UInt8]
    }

    var parts: [Part] = []

    /// The text of the field `name`, or nil.
    func text(_ name: String) -> String? {
        parts.first { $0.name == name && $0.filename == nil }.map { String(decoding: $0.bytes, as: UTF8.self) }
    }

    /// The boundary of a `multipart/form-data; boundary=…` content type, or nil.
    static func boundary(contentType: String) -> String? {
        guard contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for param in contentType.split(separator: ";").dropFirst() {
            let kv = param.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if kv.count == 2, kv[0].lowercased() == "boundary" {
                let b = kv[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                return b.isEmpty || b.count > 200 ? nil : b
            }
        }
        return nil
    }

    /// Parses `body`; nil when it is not a well-formed form with this boundary.
    static func parse(_ body: [UInt8], boundary: String) -> MultipartForm? {
        let delimiter = Array(("--" + boundary).utf8)
        var form = MultipartForm()
        guard var at = find(delimiter, in: body, from: 0) else { return nil }
        while true {
            at += delimiter.count
            if body.count >= at + 2 && body[at] == UInt8(ascii: "-") && body[at + 1] == UInt8(ascii: "-") { return form }
            guard body.count >= at + 2, body[at] == 13, body[at + 1] == 10 else { return nil }
            at += 2
            guard let headerEnd = find([13, 10, 13, 10], in: body, from: at) else { return nil }
            let headers = String(decoding: body[at..<headerEnd], as: UTF8.self)
            let start = headerEnd + 4
            guard let next = find([13, 10] + delimiter, in: body, from: start) else { return nil }
            guard let (name, filename) = disposition(headers) else { return nil }
            form.parts.append(Part(name: name, filename: filename, bytes: Array(body[start..<next])))
            at = next + 2
            if form.parts.count > 64 { return nil }
        }
    }

    /// The `name` and `filename` of a part's `Content-Disposition: form-data` header.
    private static func disposition(_ headers: String) -> (String, String?)? {
        for line in headers.components(separatedBy: "\r\n") where line.lowercased().hasPrefix("content-disposition:") {
            var name: String?
            var filename: String?
            for param in line.split(separator: ";").dropFirst() {
                let kv = param.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard kv.count == 2 else { continue }
                let value = kv[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                switch kv[0].lowercased() {
                case "name": name = value
                case "filename": filename = value
                default: break
                }
            }
            return name.map { ($0, filename) }
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in hay: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, hay.count >= needle.count else { return nil }
        var i = from
        let last = hay.count - needle.count
        while i <= last {
            if hay[i] == needle[0] && hay[i..<i + needle.count].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
