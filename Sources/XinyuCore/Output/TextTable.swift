/// A listing: column headers and rows of text, rendered as an aligned table or as CSV.
public struct TextTable: Sendable {
    public var headers: [String]
    public var rows: [[String]]
    /// Columns to right-align (numbers).
    public var numeric: Set<Int>

    public init(headers: [String], rows: [[String]] = [], numeric: Set<Int> = []) {
        self.headers = headers
        self.rows = rows
        self.numeric = numeric
    }

    /// Columns aligned by display width, so Chinese text lines up with Latin text.
    public func rendered() -> String {
        let cellWidths = ([headers] + rows).map { $0.map(DisplayWidth.of) }
        var widths = cellWidths[0]
        for r in cellWidths.dropFirst() {
            for (i, w) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], w) }
        }
        var out = ""
        func line(_ cells: [String], _ cellWidth: [Int]) {
            var s = ""
            for (i, w) in widths.enumerated() {
                let c = i < cells.count ? cells[i] : ""
                let fill = String(repeating: " ", count: max(0, w - (i < cellWidth.count ? cellWidth[i] : 0)))
                if i > 0 { s += "  " }
                s += numeric.contains(i) ? fill + c : c + fill
            }
            // No trailing spaces: a line ends with its last non-blank cell.
            var utf8 = Substring(s).utf8
            while utf8.last == UInt8(ascii: " ") { utf8.removeLast() }
            out += Substring(utf8)
            out += "\n"
        }
        line(headers, cellWidths[0])
        out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for (r, w) in zip(rows, cellWidths.dropFirst()) { line(r, w) }
        return out
    }

    /// CSV (RFC 4180) in UTF-8 with a BOM so Excel opens Chinese text correctly; CRLF line ends.
    public func csv() -> String {
        CSV.bom + ([headers] + rows).map { $0.map(CSV.field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }
}

/// CSV helpers shared by every export.
public enum CSV {
    /// The UTF-8 byte-order mark Excel needs to read UTF-8.
    public static let bom = "\u{FEFF}"

    /// Quotes a field when it holds a comma, quote or line break.
    public static func field(_ s: String) -> String {
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }
}
