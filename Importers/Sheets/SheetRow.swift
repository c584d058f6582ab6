/// One row of a spreadsheet as text: its row number as the file shows it (1 for the first row) and its cells
/// left to right from column A, empty cells as "" (trailing empty cells may be missing).
public struct SheetRow: Sendable, Hashable {
    public var number: Int
    public var cells: [String]

    public init(number: Int, cells: [String]) {
        self.number = number
        self.cells = cells
    }

    /// The cell of a 0-based column, "" when the row is shorter.
    public subscript(column: Int) -> String { column < cells.count ? cells[column] : "" }

    /// Every cell is empty or blank.
    public var isBlank: Bool { cells.allSatisfy { $0.allSatisfy(\.isWhitespace) } }

    /// A column's letters as a spreadsheet names it (0 → A, 26 → AA).
    public static func columnName(_ index: Int) -> String {
        var n = index + 1
        var out = ""
        while n > 0 {
            let r = (n - 1) % 26
            out = String(UnicodeScalar(UInt8(65 + r))) + out
            n = (n - 1) / 26
        }
        return out
    }
}

/// Reads a sheet's rows one at a time, never holding the whole sheet.
public protocol SheetReader: AnyObject {
    /// The next row that has a cell, or nil at the end. Throws ``SheetFileError`` when the file is damaged.
    func nextRow() throws -> SheetRow?
}
