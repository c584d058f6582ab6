import Foundation
import XinyuCore

/// Streams one worksheet's rows (``XLSXReader/rows(sheet:)``): `row` and `c` elements in document order, each cell
/// placed by its reference (`B7`) or, without one, after the previous cell.
final class XLSXSheetReader: SheetReader {
    private let pull: XMLPull
    private let file: String
    private let shared: [String]
    private let dateStyles: Set<Int>
    private let date1904: Bool
    private var lastRow = 0

    /// The most columns a sheet has (XFD).
    static let maxColumns = 16_384

    init(pull: XMLPull, file: String, shared: [String], dateStyles: Set<Int>, date1904: Bool) {
        self.pull = pull
        self.file = file
        self.shared = shared
        self.dateStyles = dateStyles
        self.date1904 = date1904
    }

    func nextRow() throws -> SheetRow? {
        do {
            while let row = try readRow() {
                if !row.isBlank { return row }
            }
            return nil
        } catch let e as XMLPullError {
            throw SheetFileError(file: file, problem: "after row \(lastRow): \(e.message)")
        }
    }

    private func readRow() throws -> SheetRow? {
        let x = pull
        while try x.read() {
            guard x.nodeType == XMLPull.element, x.named("row") else { continue }
            let number = x.attribute("r").flatMap { Int($0) } ?? lastRow + 1
            guard number > lastRow, number <= 1_048_576 else {
                throw SheetFileError(file: file, problem: "row number \(number) after row \(lastRow)")
            }
            lastRow = number
            var cells: [String] = []
            if x.isEmptyElement { return SheetRow(number: number, cells: cells) }
            var column = -1
            var type = "n"
            var style = -1
            var value = ""
            var inValue = false
            var inInline = false
            var inText = false
            var phonetic = 0
            while try x.read() {
                let kind = x.nodeType
                if kind == XMLPull.element {
                    if x.named("c") {
                        column = try x.attribute("r").map { try Self.column(of: $0, file: file, row: number) } ?? column + 1
                        type = x.attribute("t") ?? "n"
                        style = x.attribute("s").flatMap { Int($0) } ?? -1
                        value = ""
                        if x.isEmptyElement { put(&cells, column, "") }
                    } else if x.named("v") {
                        inValue = !x.isEmptyElement
                    } else if x.named("is") {
                        inInline = !x.isEmptyElement
                    } else if x.named("t") {
                        inText = inInline && !x.isEmptyElement
                    } else if x.named("rPh") {
                        if !x.isEmptyElement { phonetic += 1 }
                    }
                } else if kind == XMLPull.endElement {
                    if x.named("c") {
                        put(&cells, column, cellText(type: type, style: style, raw: value))
                    } else if x.named("v") {
                        inValue = false
                    } else if x.named("is") {
                        inInline = false
                    } else if x.named("t") {
                        inText = false
                    } else if x.named("rPh") {
                        phonetic -= 1
                    } else if x.named("row") {
                        break
                    }
                } else if XMLPull.textTypes.contains(kind) && (inValue || inText && phonetic == 0) {
                    value += x.value
                }
            }
            return SheetRow(number: number, cells: cells)
        }
        return nil
    }

    private func put(_ cells: inout [String], _ column: Int, _ text: String) {
        guard column >= 0, column < Self.maxColumns else { return }
        if cells.count <= column { cells += Array(repeating: "", count: column + 1 - cells.count) }
        cells[column] = text
    }

    /// The cell's text: shared and inline strings as they are, numbers without a spurious fraction, dates as days.
    private func cellText(type: String, style: Int, raw: String) -> String {
        switch type {
        case "s":
            guard let i = Int(raw.trimmingCharacters(in: .whitespaces)), i >= 0, i < shared.count else { return "" }
            return shared[i]
        case "inlineStr", "str", "e":
            return raw
        case "b":
            return raw == "1" ? "TRUE" : "FALSE"
        case "d":
            return String(raw.prefix(10))
        default:
            guard let v = Double(raw.trimmingCharacters(in: .whitespaces)) else { return raw }
            if dateStyles.contains(style), let day = Self.day(serial: v, date1904: date1904) { return day.description }
            return Self.number(v)
        }
    }

    /// A number as a person would type it: integers without ".0", others to at most 10 decimals.
    static func number(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        var s = String(format: "%.10f", v)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }

    /// The day of a date serial number (its whole part), in the 1900 system (with Excel's 29 February 1900) or 1904.
    static func day(serial v: Double, date1904: Bool) -> Day? {
        guard v.isFinite, v >= 1, v < 200_000 else { return nil }
        let n = Int(v.rounded(.down))
        if date1904 { return Day(year: 1904, month: 1, day: 1)?.adding(days: n) }
        if n < 60 { return Day(year: 1899, month: 12, day: 31)?.adding(days: n) }
        if n == 60 { return nil }
        return Day(year: 1899, month: 12, day: 30)?.adding(days: n)
    }

    /// The 0-based column of a reference like `AB12`.
    static func column(of ref: String, file: String, row: Int) throws -> Int {
        var n = 0
        var letters = 0
        for u in ref.utf8 {
            if u >= 65 && u <= 90 {
                n = n * 26 + Int(u - 64)
            } else if u >= 97 && u <= 122 {
                n = n * 26 + Int(u - 96)
            } else {
                break
            }
            letters += 1
            if letters > 3 { break }
        }
        guard letters > 0, letters <= 3, n <= maxColumns else {
            throw SheetFileError(file: file, problem: "row \(row): a cell reference \(ref) that is not a column and row")
        }
        return n - 1
    }
}
