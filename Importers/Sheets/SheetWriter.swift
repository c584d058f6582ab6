import Foundation

/// Writes a sheet row by row to `.xlsx` (``XLSXWriter``) or `.csv` (``CSVSheetWriter``, UTF-8 with a byte-order
/// mark so Excel opens Chinese text correctly). Rows go to a temporary file beside the output as they come (memory
/// stays flat); ``finish()`` puts the file in place, so a failed write leaves nothing half-written.
public protocol SheetWriter: AnyObject {
    /// Appends a row of text cells; `bold` for a title or header row (ignored in CSV).
    func write(_ cells: [String], bold: Bool) throws
    /// Completes the file at its path.
    func finish() throws
}

extension SheetWriter {
    public func write(_ cells: [String]) throws { try write(cells, bold: false) }
}

/// Opens the writer the output's extension asks for (`.xlsx`, else CSV); `widths` are column widths in characters
/// (xlsx only).
public func makeSheetWriter(path: String, sheetName: String, widths: [Double] = []) throws -> any SheetWriter {
    if path.lowercased().hasSuffix(".xlsx") { return try XLSXWriter(path: path, sheetName: sheetName, widths: widths) }
    return try CSVSheetWriter(path: path)
}

/// A temporary file beside `path` for writing, removed unless renamed into place.
final class TemporaryOutput {
    let path: String
    let temporary: String
    let handle: FileHandle

    init(beside path: String, suffix: String = "") throws {
        self.path = path
        let dir = (path as NSString).deletingLastPathComponent
        temporary = (dir.isEmpty ? "." : dir) + "/.\((path as NSString).lastPathComponent).\(UUID().uuidString)\(suffix)"
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
            let h = FileHandle(forWritingAtPath: temporary)
        else {
            throw SheetFileError(file: path, problem: "cannot write here (check the directory exists and is writable)")
        }
        handle = h
    }

    deinit {
        try? handle.close()
        try? FileManager.default.removeItem(atPath: temporary)
    }

    func write(_ s: String) throws { try handle.write(contentsOf: Data(s.utf8)) }

    /// Closes the file and moves it to `target` (replacing what is there).
    func move(to target: String) throws {
        try handle.close()
        if FileManager.default.fileExists(atPath: target) { try FileManager.default.removeItem(atPath: target) }
        try FileManager.default.moveItem(atPath: temporary, toPath: target)
    }
}

/// CSV as Excel reads it: UTF-8 with a byte-order mark, CRLF line ends, fields quoted when they hold a comma, a
/// quote, a line break or spaces at either end.
public final class CSVSheetWriter: SheetWriter {
    private let out: TemporaryOutput

    public init(path: String) throws {
        out = try TemporaryOutput(beside: path)
        try out.write("\u{FEFF}")
    }

    public func write(_ cells: [String], bold: Bool) throws {
        try out.write(cells.map(Self.field).joined(separator: ",") + "\r\n")
    }

    static func field(_ s: String) -> String {
        let needs = s.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" } || s.first == " " || s.last == " "
        return needs ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    public func finish() throws { try out.move(to: out.path) }
}
