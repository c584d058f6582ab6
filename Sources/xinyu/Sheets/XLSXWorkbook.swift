import Foundation
import XinyuCore
import ZIPFoundation

/// A small Office Open XML spreadsheet writer (SpreadsheetML, one ZIP via ZIPFoundation): sheets of text and
/// number cells with a few fixed styles, merged cells, column widths and an A4 page setup. Enough for the
/// statistics tables a district files; strings are inline (no shared-string table), which Excel, LibreOffice and
/// openpyxl all read.
///
/// (Another branch adds a shared sheet writer to Importers; this one may be folded into it.)
struct XLSXWorkbook {
    /// The cell styles, by their index in `styles.xml`.
    enum Style: Int {
        case plain = 0
        case title, header, text, decimal, integer, totalText, totalDecimal, totalInteger, note
    }

    enum Value {
        case text(String)
        case decimal(Double)
        case integer(Int)
        case empty
    }

    struct Cell {
        var value: Value
        var style: Style

        static func text(_ s: String, _ style: Style = .text) -> Cell { Cell(value: .text(s), style: style) }
        static func decimal(_ d: Double, _ style: Style = .decimal) -> Cell { Cell(value: .decimal(d), style: style) }
        static func integer(_ i: Int, _ style: Style = .integer) -> Cell { Cell(value: .integer(i), style: style) }
        static func empty(_ style: Style = .plain) -> Cell { Cell(value: .empty, style: style) }
    }

    struct Sheet {
        var name: String
        var rows: [[Cell]] = []
        /// Ranges such as `A1:R1`.
        var merges: [String] = []
        /// Widths of the first columns, in characters.
        var widths: [Double] = []
        /// Printed across an A4 page (else upright).
        var landscape = true
    }

    var sheets: [Sheet]

    /// `A`, `B`, … `Z`, `AA` for a 0-based column.
    static func column(_ i: Int) -> String {
        var n = i + 1
        var s = ""
        while n > 0 {
            let r = (n - 1) % 26
            s = String(UnicodeScalar(UInt8(65 + r))) + s
            n = (n - 1) / 26
        }
        return s
    }

    /// The reference of a 0-based (row, column): `A1`.
    static func ref(_ row: Int, _ col: Int) -> String { column(col) + String(row + 1) }

    static func escape(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(c)
            default:
                if c.value < 0x20 || c.value == 0xFFFE || c.value == 0xFFFF { continue }  // not allowed in XML
                out.unicodeScalars.append(c)
            }
        }
        return out
    }

    static let mainNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    func sheetXML(_ sheet: Sheet) -> String {
        var x = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        x += "<worksheet xmlns=\"\(Self.mainNS)\" xmlns:r=\"\(Self.relNS)\">"
        x += "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"
        let width = sheet.rows.map(\.count).max() ?? 1
        x += "<dimension ref=\"A1:\(Self.ref(max(0, sheet.rows.count - 1), max(0, width - 1)))\"/>"
        x += "<sheetViews><sheetView workbookViewId=\"0\"/></sheetViews><sheetFormatPr defaultRowHeight=\"16\"/>"
        if !sheet.widths.isEmpty {
            x += "<cols>"
            for (i, w) in sheet.widths.enumerated() {
                x += "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(w)\" customWidth=\"1\"/>"
            }
            x += "</cols>"
        }
        x += "<sheetData>"
        for (r, row) in sheet.rows.enumerated() {
            x += "<row r=\"\(r + 1)\"\(r == 0 ? " ht=\"28\" customHeight=\"1\"" : "")>"
            for (c, cell) in row.enumerated() {
                let ref = Self.ref(r, c)
                let s = cell.style.rawValue
                switch cell.value {
                case .text(let t):
                    x += "<c r=\"\(ref)\" s=\"\(s)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(Self.escape(t))</t></is></c>"
                case .decimal(let d): x += "<c r=\"\(ref)\" s=\"\(s)\"><v>\(d)</v></c>"
                case .integer(let i): x += "<c r=\"\(ref)\" s=\"\(s)\"><v>\(i)</v></c>"
                case .empty: if s != 0 { x += "<c r=\"\(ref)\" s=\"\(s)\"/>" }
                }
            }
            x += "</row>"
        }
        x += "</sheetData>"
        if !sheet.merges.isEmpty {
            x +=
                "<mergeCells count=\"\(sheet.merges.count)\">" + sheet.merges.map { "<mergeCell ref=\"\($0)\"/>" }.joined()
                + "</mergeCells>"
        }
        x += "<pageMargins left=\"0.4\" right=\"0.4\" top=\"0.6\" bottom=\"0.6\" header=\"0.3\" footer=\"0.3\"/>"
        let orientation = sheet.landscape ? "landscape" : "portrait"
        x += "<pageSetup paperSize=\"9\" orientation=\"\(orientation)\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
        x += "</worksheet>"
        return x
    }

    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="\(mainNS)">\
        <numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"/></numFmts>\
        <fonts count="3"><font><sz val="11"/><name val="宋体"/><charset val="134"/></font>\
        <font><b/><sz val="11"/><name val="宋体"/><charset val="134"/></font>\
        <font><b/><sz val="16"/><name val="宋体"/><charset val="134"/></font></fonts>\
        <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
        <borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>\
        <border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="10">\
        <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1">\
        <alignment horizontal="center" vertical="center"/></xf>\
        <xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1">\
        <alignment horizontal="center" vertical="center" wrapText="1"/></xf>\
        <xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1"/>\
        <xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/>\
        <xf numFmtId="1" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/>\
        <xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1"/>\
        <xf numFmtId="164" fontId="1" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1"/>\
        <xf numFmtId="1" fontId="1" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1"/>\
        <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">\
        <alignment horizontal="left" vertical="center"/></xf>\
        </cellXfs>\
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
        </styleSheet>
        """

    /// The workbook's files, by path inside the ZIP.
    func parts() -> [(String, String)] {
        let head = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        var types =
            head + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" "
            + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" "
            + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        for i in sheets.indices {
            types +=
                "<Override PartName=\"/xl/worksheets/sheet\(i + 1).xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        types += "</Types>"
        let rels =
            head + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"\(Self.relNS)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
        var workbook = head + "<workbook xmlns=\"\(Self.mainNS)\" xmlns:r=\"\(Self.relNS)\"><sheets>"
        var workbookRels = head + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for (i, s) in sheets.enumerated() {
            workbook += "<sheet name=\"\(Self.escape(s.name))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
            workbookRels +=
                "<Relationship Id=\"rId\(i + 1)\" Type=\"\(Self.relNS)/worksheet\" "
                + "Target=\"worksheets/sheet\(i + 1).xml\"/>"
        }
        workbook += "</sheets></workbook>"
        workbookRels +=
            "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"\(Self.relNS)/styles\" Target=\"styles.xml\"/>"
            + "</Relationships>"
        var out = [
            ("[Content_Types].xml", types), ("_rels/.rels", rels), ("xl/workbook.xml", workbook),
            ("xl/_rels/workbook.xml.rels", workbookRels), ("xl/styles.xml", Self.styles),
        ]
        for (i, s) in sheets.enumerated() { out.append(("xl/worksheets/sheet\(i + 1).xml", sheetXML(s))) }
        return out
    }

    /// The `.xlsx` bytes.
    func data() throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        // A fixed time in the entries, so the same figures give the same file.
        let stamp = Date(timeIntervalSince1970: 946_684_800)
        for (path, text) in parts() {
            let bytes = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: stamp,
                compressionMethod: .deflate
            ) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw UsageError("the spreadsheet could not be assembled") }
        return data
    }
}
