import Foundation
import ZIPFoundation

/// Writes a one-sheet `.xlsx` workbook of text cells (inline strings, so ids such as `0012` stay text) that Excel,
/// WPS and LibreOffice open: the parts a workbook needs and nothing more (a bold style for title and header rows,
/// column widths). The sheet's XML is streamed to a temporary file and zipped by ZIPFoundation at ``finish()``.
public final class XLSXWriter: SheetWriter {
    private let path: String
    private let sheetName: String
    private let sheet: TemporaryOutput
    private var row = 0

    public init(path: String, sheetName: String, widths: [Double]) throws {
        self.path = path
        self.sheetName = sheetName
        sheet = try TemporaryOutput(beside: path, suffix: ".sheet.xml")
        var head =
            #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            + #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        if !widths.isEmpty {
            head +=
                "<cols>"
                + widths.enumerated().map { i, w in
                    #"<col min="\#(i + 1)" max="\#(i + 1)" width="\#(w)" customWidth="1"/>"#
                }.joined() + "</cols>"
        }
        try sheet.write(head + "<sheetData>")
    }

    public func write(_ cells: [String], bold: Bool) throws {
        row += 1
        var xml = #"<row r="\#(row)">"#
        for (i, text) in cells.enumerated() where !text.isEmpty {
            let ref = SheetRow.columnName(i) + String(row)
            let space = text.first?.isWhitespace == true || text.last?.isWhitespace == true ? #" xml:space="preserve""# : ""
            xml += #"<c r="\#(ref)" t="inlineStr"\#(bold ? #" s="1""# : "")><is><t\#(space)>\#(Self.escape(text))</t></is></c>"#
        }
        try sheet.write(xml + "</row>")
    }

    public func finish() throws {
        try sheet.write("</sheetData></worksheet>")
        try sheet.handle.close()
        let zip = try TemporaryOutput(beside: path, suffix: ".zip")
        try zip.handle.close()
        try FileManager.default.removeItem(atPath: zip.temporary)
        do {
            let archive = try Archive(url: URL(fileURLWithPath: zip.temporary), accessMode: .create)
            for (name, text) in parts() {
                let data = Data(text.utf8)
                try archive.addEntry(
                    with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
                    provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
            }
            try archive.addEntry(
                with: "xl/worksheets/sheet1.xml", fileURL: URL(fileURLWithPath: sheet.temporary),
                compressionMethod: .deflate)
        } catch {
            throw SheetFileError(file: path, problem: "cannot write the workbook (\(error))")
        }
        if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        try FileManager.default.moveItem(atPath: zip.temporary, toPath: path)
    }

    /// The workbook's fixed parts.
    private func parts() -> [(String, String)] {
        let decl = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let ml = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        let types =
            decl + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
            + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
            + #"<Default Extension="xml" ContentType="application/xml"/>"#
            + #"<Override PartName="/xl/workbook.xml" ContentType="\#(ml).sheet.main+xml"/>"#
            + #"<Override PartName="/xl/worksheets/sheet1.xml" ContentType="\#(ml).worksheet+xml"/>"#
            + #"<Override PartName="/xl/styles.xml" ContentType="\#(ml).styles+xml"/>"#
            + "</Types>"
        let rootRels =
            decl + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + #"<Relationship Id="rId1" Type="\#(rel)/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
        let workbook =
            decl + #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="\#(rel)">"#
            + #"<sheets><sheet name="\#(Self.escape(sheetName))" sheetId="1" r:id="rId1"/></sheets></workbook>"#
        let bookRels =
            decl + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + #"<Relationship Id="rId1" Type="\#(rel)/worksheet" Target="worksheets/sheet1.xml"/>"#
            + #"<Relationship Id="rId2" Type="\#(rel)/styles" Target="styles.xml"/></Relationships>"#
        let styles =
            decl + #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
            + #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>"#
            + #"<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>"#
            + #"<fills count="2"><fill><patternFill patternType="none"/></fill>"#
            + #"<fill><patternFill patternType="gray125"/></fill></fills>"#
            + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
            + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
            + #"<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
            + #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>"#
            + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#
        return [
            ("[Content_Types].xml", types), ("_rels/.rels", rootRels), ("xl/workbook.xml", workbook),
            ("xl/_rels/workbook.xml.rels", bookRels), ("xl/styles.xml", styles),
        ]
    }

    /// Text as XML character data: markup escaped, characters XML 1.0 cannot hold left out.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(u)
            default:
                if u.value < 0x20 || u.value == 0xFFFE || u.value == 0xFFFF { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }
}
