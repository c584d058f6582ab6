import Foundation
import Testing

@testable import Importers

/// The workbook reader on the parts of the format that Excel and WPS write and openpyxl or LibreOffice may not:
/// rich-text shared strings with phonetic runs, pretty-printed inline strings, the 1904 date system, a custom
/// date format, cells without references, gaps in row numbers, and a part that is not well-formed. The workbook
/// is assembled by Python's zipfile from the XML given here.
@Suite struct XLSXReaderTests {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let package = "http://schemas.openxmlformats.org/package/2006/relationships"

    static func workbook(sheet: String, at path: String) throws {
        let parts: [String: String] = [
            "[Content_Types].xml": #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#,
            "_rels/.rels": #"<Relationships xmlns="\#(package)">"#
                + #"<Relationship Id="r1" Type="\#(rel)/officeDocument" Target="/xl/workbook.xml"/></Relationships>"#,
            "xl/workbook.xml": #"<x:workbook xmlns:x="\#(main)" xmlns:r="\#(rel)"><x:workbookPr date1904="1"/><x:sheets>"#
                + #"<x:sheet name="说明" sheetId="1" r:id="rId1"/><x:sheet name="签到表" sheetId="2" r:id="rId2"/>"#
                + "</x:sheets></x:workbook>",
            "xl/_rels/workbook.xml.rels": #"<Relationships xmlns="\#(package)">"#
                + #"<Relationship Id="rId1" Type="\#(rel)/worksheet" Target="worksheets/sheet1.xml"/>"#
                + #"<Relationship Id="rId2" Type="\#(rel)/worksheet" Target="worksheets/sheet2.xml"/>"#
                + #"<Relationship Id="rId3" Type="\#(rel)/sharedStrings" Target="sharedStrings.xml"/>"#
                + #"<Relationship Id="rId4" Type="\#(rel)/styles" Target="styles.xml"/></Relationships>"#,
            "xl/sharedStrings.xml": #"<sst xmlns="\#(main)"><si><t>工号</t></si>"#
                + #"<si><r><t>王</t></r><r><rPr><b/></rPr><t>芳</t></r><rPh sb="0" eb="2"><t>wáng fāng</t></rPh></si>"#
                + #"<si><t xml:space="preserve"> 学时 </t></si></sst>"#,
            "xl/styles.xml": #"<styleSheet xmlns="\#(main)"><numFmts count="1">"#
                + #"<numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>"#
                + #"<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>"#
                + #"<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="2"/></cellXfs></styleSheet>"#,
            "xl/worksheets/sheet1.xml": #"<worksheet xmlns="\#(main)"><sheetData>"#
                + #"<row r="1"><c r="A1" t="inlineStr"><is><t>见第二张表</t></is></c></row></sheetData></worksheet>"#,
            "xl/worksheets/sheet2.xml": sheet,
        ]
        let encoded = String(decoding: try JSONEncoder().encode(parts), as: UTF8.self)
        try ExternalTools.python(
            """
            import json, zipfile
            with zipfile.ZipFile(\(pythonString(path)), 'w', zipfile.ZIP_DEFLATED) as z:
                for name, text in json.loads(\(pythonString(encoded))).items():
                    z.writestr(name, text)
            """)
    }

    static func rows(_ path: String, sheet: String?) throws -> [SheetRow] {
        let reader = try XLSXReader(path: path).rows(sheet: sheet)
        var out: [SheetRow] = []
        while let r = try reader.nextRow() { out.append(r) }
        return out
    }

    @Test func theCellsExcelAndWPSWrite() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("xinyu-xlsx-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let path = dir + "/wps.xlsx"
        try Self.workbook(
            sheet: """
                <worksheet xmlns="\(Self.main)">
                  <sheetData>
                    <row r="2">
                      <c r="A2" t="s"><v>0</v></c>
                      <c r="C2" t="s"><v>2</v></c>
                    </row>
                    <row r="5">
                      <c t="inlineStr">
                        <is>
                          <t>T003</t>
                        </is>
                      </c>
                      <c t="s"><v>1</v></c>
                      <c s="2"><v>1.5</v></c>
                      <c s="1"><v>366</v></c>
                      <c t="b"><v>1</v></c>
                      <c t="str"><f>A5&amp;"x"</f><v>T003x</v></c>
                      <c><v>2.9999999999999996</v></c>
                    </row>
                    <row><c r="B6" t="inlineStr"><is><r><t>李</t></r><r><t>娜</t></r></is></c></row>
                  </sheetData>
                </worksheet>
                """, at: path)
        #expect(try XLSXReader(path: path).sheetNames == ["说明", "签到表"])
        #expect(try Self.rows(path, sheet: nil).map(\.cells) == [["见第二张表"]])
        let rows = try Self.rows(path, sheet: "签到表")
        #expect(rows.map(\.number) == [2, 5, 6])
        #expect(rows[0].cells == ["工号", "", " 学时 "])
        #expect(rows[1].cells == ["T003", "王芳", "1.5", "1905-01-01", "TRUE", "T003x", "3"])
        #expect(rows[2].cells == ["", "李娜"])
        #expect(throws: SheetFileError.self) { try Self.rows(path, sheet: "Sheet3") }
    }

    @Test func aDamagedPartIsOneError() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("xinyu-xlsx-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let path = dir + "/broken.xlsx"
        let truncated = "<worksheet xmlns=\"\(Self.main)\"><sheetData><row r=\"1\"><c t=\"s\"><v>0</v></c></row><row"
        try Self.workbook(sheet: truncated, at: path)
        #expect(throws: SheetFileError.self) { try Self.rows(path, sheet: "签到表") }
        try Data("PK\u{3}\u{4}not a zip at all".utf8).write(to: URL(fileURLWithPath: dir + "/fake.xlsx"))
        #expect(throws: SheetFileError.self) { try XLSXReader(path: dir + "/fake.xlsx") }
    }
}
