import Foundation

#if canImport(CoreFoundation)
    import CoreFoundation
#endif

/// Reading the text files users hand us from spreadsheets and timetable programs: UTF-8 (with or without a
/// byte-order mark), UTF-16 with a byte-order mark, and otherwise GB18030, which is what Excel and WPS on Chinese
/// Windows write when they save "CSV" (GB18030 includes GBK and GB2312).
public enum TextFile {
    /// GB18030 as Foundation names it.
    public static let gb18030 = String.Encoding(
        rawValue: CFStringConvertEncodingToNSStringEncoding(
            CFStringEncoding(CFStringEncodings.GB_18030_2000.rawValue)))

    /// The file's text and the encoding it was read in (`UTF-8`, `UTF-16`, `GB18030`), or nil when the bytes are
    /// none of those.
    public static func decode(_ data: Data) -> (text: String, encoding: String)? {
        let bytes = [UInt8](data.prefix(3))
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return String(data: data.dropFirst(3), encoding: .utf8).map { ($0, "UTF-8") }
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return String(data: data, encoding: .utf16).map { ($0, "UTF-16") }
        }
        if let s = String(data: data, encoding: .utf8) { return (s, "UTF-8") }
        return String(data: data, encoding: gb18030).map { ($0, "GB18030") }
    }

    /// Reads and decodes a file; an unreadable or undecodable file is an ``InputError`` (exit 2).
    public static func read(path: String) throws -> (text: String, encoding: String) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
            let data = FileManager.default.contents(atPath: path)
        else {
            throw InputError(file: path, problem: "cannot read the file; check the path and permissions")
        }
        guard let decoded = decode(data) else {
            throw InputError(file: path, problem: "not text in UTF-8, UTF-16 or GB18030; save it as CSV (UTF-8)")
        }
        return decoded
    }
}
