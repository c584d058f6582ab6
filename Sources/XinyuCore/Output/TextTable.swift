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
    ///
    /// Written as UTF-8 bytes into one buffer: a list of thousands of rows (`lessons list`) is on the path of a
    /// command with a 50 ms target, and appending padded `String`s cell by cell was a tenth of it.
    public func rendered() -> String {
        let cellWidths = ([headers] + rows).map { $0.map(DisplayWidth.of) }
        var widths = cellWidths[0]
        for r in cellWidths.dropFirst() {
            for (i, w) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], w) }
        }
        let space = UInt8(ascii: " ")
        var out: [UInt8] = []
        out.reserveCapacity((widths.reduce(0, +) + 2 * widths.count + 1) * (rows.count + 2))
        func line(_ cells: [String], _ cellWidth: [Int]) {
            let start = out.count
            for (i, w) in widths.enumerated() {
                if i > 0 { out.append(contentsOf: [space, space]) }
                let c = i < cells.count ? cells[i] : ""
                let fill = repeatElement(space, count: max(0, w - (i < cellWidth.count ? cellWidth[i] : 0)))
                if numeric.contains(i) {
                    out.append(contentsOf: fill)
                    out.append(contentsOf: c.utf8)
                } else {
                    out.append(contentsOf: c.utf8)
                    out.append(contentsOf: fill)
                }
            }
            // No trailing spaces: a line ends with its last non-blank cell.
            while out.count > start, out.last == space { out.removeLast() }
            out.append(UInt8(ascii: "\n"))
        }
        line(headers, cellWidths[0])
        for (i, w) in widths.enumerated() {
            if i > 0 { out.append(contentsOf: [space, space]) }
            out.append(contentsOf: repeatElement(UInt8(ascii: "-"), count: w))
        }
        out.append(UInt8(ascii: "\n"))
        for (r, w) in zip(rows, cellWidths.dropFirst()) { line(r, w) }
        return String(decoding: out, as: UTF8.self)
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
