import Foundation

/// Reads a CSV file row by row (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes, CRLF or LF),
/// in UTF-8 with or without a byte-order mark, UTF-16 with one, or GB18030/GBK, found without being told
/// (``TextEncoding``). The separator is a comma, or a tab or semicolon when the first line has more of those (Excel's
/// "Unicode text" is tab-separated UTF-16). A row's number is its record number (1 for the first line).
///
/// The file is read 64 KiB at a time: memory does not grow with the number of rows.
public final class CSVSheetReader: SheetReader {
    public let path: String
    public let encoding: TextEncoding
    private let handle: FileHandle
    private let converter: UTF8Converter?
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private var separator: UInt8 = UInt8(ascii: ",")
    private var decidedSeparator = false
    private var record = 0
    /// The longest field kept (a longer one is cut: no sign-in sheet needs more).
    static let maxField = 100_000

    public init(path: String) throws {
        self.path = path
        let (encoding, bom) = try TextEncoding.detect(path: path)
        self.encoding = encoding
        guard let h = FileHandle(forReadingAtPath: path) else { throw FileAccessError(path: path, reason: "cannot open it") }
        handle = h
        converter = encoding == .utf8 ? nil : try UTF8Converter(from: encoding)
        if bom > 0 { _ = try h.read(upToCount: bom) }
    }

    deinit { try? handle.close() }

    /// Makes at least one more byte available; false at the end of the file.
    private func fill() throws -> Bool {
        while position >= buffer.count {
            if atEnd { return false }
            let chunk = try handle.read(upToCount: 1 << 16) ?? Data()
            let bytes = [UInt8](chunk)
            if bytes.isEmpty { atEnd = true }
            if let converter {
                guard let utf8 = converter.convert(bytes, final: bytes.isEmpty) else {
                    throw SheetFileError(file: path, problem: "row \(record + 1): bytes that are not \(encoding.rawValue) text")
                }
                buffer = utf8
            } else {
                buffer = bytes
            }
            position = 0
            if bytes.isEmpty && buffer.isEmpty { return false }
        }
        return true
    }

    public func nextRow() throws -> SheetRow? {
        while true {
            guard let fields = try readRecord() else { return nil }
            record += 1
            let row = SheetRow(number: record, cells: fields)
            if !row.isBlank { return row }
        }
    }

    /// One record's fields, or nil at the end of the file.
    private func readRecord() throws -> [String]? {
        guard try fill() else { return nil }
        if !decidedSeparator { try decideSeparator() }
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var afterQuote = false
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            afterQuote = false
        }
        while try fill() {
            let b = buffer[position]
            position += 1
            if quoted {
                if b == UInt8(ascii: "\"") {
                    if try fill(), buffer[position] == UInt8(ascii: "\"") {
                        position += 1
                        field.append(b)
                    } else {
                        quoted = false
                        afterQuote = true
                    }
                } else if field.count < Self.maxField {
                    field.append(b)
                }
                continue
            }
            switch b {
            case separator:
                endField()
            case UInt8(ascii: "\n"):
                endField()
                return fields
            case UInt8(ascii: "\r"):
                if try fill(), buffer[position] == UInt8(ascii: "\n") { position += 1 }
                endField()
                return fields
            case UInt8(ascii: "\"") where field.isEmpty && !afterQuote:
                quoted = true
            default:
                if field.count < Self.maxField { field.append(b) }
            }
        }
        endField()
        return fields
    }

    /// Looks at the first line (what is buffered of it) for the separator.
    private func decideSeparator() throws {
        decidedSeparator = true
        var counts: [UInt8: Int] = [:]
        var quoted = false
        for b in buffer[position...] {
            if b == UInt8(ascii: "\"") { quoted.toggle() }
            if quoted { continue }
            if b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") { break }
            if b == UInt8(ascii: ",") || b == UInt8(ascii: "\t") || b == UInt8(ascii: ";") { counts[b, default: 0] += 1 }
        }
        let comma = counts[UInt8(ascii: ","), default: 0]
        if let best = counts.max(by: { $0.value < $1.value }), best.value > comma { separator = best.key }
    }
}
