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
        var widths = headers.map(DisplayWidth.of)
        for r in rows {
            for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], DisplayWidth.of(c)) }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (i, w) in widths.enumerated() {
                let c = i < cells.count ? cells[i] : ""
                parts.append(DisplayWidth.pad(c, to: w, right: numeric.contains(i)))
            }
            var s = parts.joined(separator: "  ")
            while s.hasSuffix(" ") { s.removeLast() }
            return s
        }
        var out = [line(headers), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        out += rows.map(line)
        return out.joined(separator: "\n") + "\n"
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
