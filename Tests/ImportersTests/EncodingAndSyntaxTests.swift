import Foundation
import GRDB
import Testing

@testable import Importers
@testable import XinyuCore

#if canImport(Glibc)
    import Glibc
#endif

/// Converts UTF-8 text with the system iconv.
func iconvert(_ text: String, to encoding: String) -> Data? {
    let cd = iconv_open(encoding, "UTF-8")
    guard cd != iconv_t(bitPattern: -1) else { return nil }
    defer { iconv_close(cd) }
    var input = Array(text.utf8)
    var output = [UInt8](repeating: 0, count: input.count * 4 + 16)
    let produced: Int? = input.withUnsafeMutableBufferPointer { inBuf in
        output.withUnsafeMutableBufferPointer { outBuf in
            var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress!).assumingMemoryBound(
                to: CChar.self)
            var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress!).assumingMemoryBound(
                to: CChar.self)
            var inLeft = inBuf.count
            var outLeft = outBuf.count
            guard iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) != -1 else { return nil }
            return outBuf.count - outLeft
        }
    }
    guard let produced else { return nil }
    return Data(output.prefix(produced))
}

@Suite struct EncodingAndSyntaxTests {
    static let chinese = FeedFixture.feed(
        teachers: FeedFixture.defaultTeachers + #"<teacher id="T4" school="S2" role="leader"><name>欧阳曦（校长）</name></teacher>"#)

    func name(_ db: AppDatabase, _ id: String) throws -> String? {
        try db.writer.read { try String.fetchOne($0, sql: "SELECT name FROM teacher WHERE id = ?", arguments: [id]) }
    }

    @Test(arguments: ["UTF-8", "UTF-16", "UTF-16BE", "UTF-16LE", "GB18030", "GBK"])
    func chineseFeedsInEveryEncoding(_ encoding: String) throws {
        let text = Self.chinese.replacingOccurrences(of: #"encoding="UTF-8""#, with: #"encoding="\#(encoding)""#)
        var data = try #require(iconvert(text, to: encoding))
        if encoding == "UTF-16BE" { data = Data([0xFE, 0xFF]) + data }
        if encoding == "UTF-16LE" { data = Data([0xFF, 0xFE]) + data }
        let db = try AppDatabase.inMemory()
        let s = try FeedImporter.importFile(at: FeedFixture.write(data), into: db, options: ImportOptions())
        #expect(s.status == .applied)
        #expect(try name(db, "T4") == "欧阳曦（校长）")
        #expect(try name(db, "T1") == "张老师")
    }

    @Test func utf8WithByteOrderMark() throws {
        let data = Data([0xEF, 0xBB, 0xBF]) + Data(Self.chinese.utf8)
        let db = try AppDatabase.inMemory()
        let s = try FeedImporter.importFile(at: FeedFixture.write(data), into: db, options: ImportOptions())
        #expect(s.status == .applied)
        #expect(try name(db, "T4") == "欧阳曦（校长）")
    }

    @Test func latin1() throws {
        let text = FeedFixture.feed(
            teachers: #"<teacher id="T1" school="S1" role="leader"><name>José Müller</name></teacher>"#,
            attendance: "", awards: "", practice: "", encoding: "ISO-8859-1")
        let data = try #require(
            iconvert(
                text.replacingOccurrences(of: "第一小学", with: "Escola").replacingOccurrences(of: "第二中学", with: "Liceu")
                    .replacingOccurrences(of: "C级培训", with: "C").replacingOccurrences(of: "心理健康讲座", with: "L")
                    .replacingOccurrences(of: "区中心", with: "P"), to: "ISO-8859-1"))
        let db = try AppDatabase.inMemory()
        let s = try FeedImporter.importFile(at: FeedFixture.write(data), into: db, options: ImportOptions())
        #expect(s.status == .applied)
        #expect(try name(db, "T1") == "José Müller")
    }

    @Test func invalidBytesForTheDeclaredEncodingRejectTheDocument() throws {
        var data = Data(Self.chinese.utf8)
        data.append(contentsOf: [0xFF, 0xFE, 0xFD])
        let (s, _) = (
            try FeedImporter.importFile(at: FeedFixture.write(data), into: AppDatabase.inMemory(), options: ImportOptions()), 0
        )
        #expect(s.status == .rejected)
    }

    @Test func attributeOrderPrefixesCDATAEntitiesSingleQuotesOneLine() throws {
        let text =
            "<?xml version='1.0' encoding='UTF-8'?><d:feed generated='2026-09-01T08:00:00+08:00' mode='delta'"
            + " district='440608' id='P1' xmlns:d='urn:xinyu:district-feed:1'>"
            + "<d:schools><d:school stage='primary' id='S1'><d:name><![CDATA[A&B <小学>]]></d:name></d:school></d:schools>"
            + "<d:teachers><d:teacher role=\"leader\" school='S1' id='T1'>"
            + "<d:name>Tom &amp; &#x674E;&#26446; &lt;&gt;&quot;&apos;</d:name></d:teacher></d:teachers>"
            + "</d:feed>"
        #expect(!text.contains("\n"))
        let (s, db) = try FeedFixture.run(text)
        #expect(s.status == .applied)
        let school = try db.writer.read { try School.fetchOne($0, key: "S1") }
        #expect(school?.name == "A&B <小学>")
        #expect(try name(db, "T1") == "Tom & 李李 <>\"'")
        #expect(try FeedFixture.validate(text).status == .valid)
    }

    @Test func theDefaultNamespaceCanBeRedeclaredInside() throws {
        let text =
            #"<f:feed xmlns:f="urn:xinyu:district-feed:1" id="P2" district="440608" generated="2026-09-01T08:00:00Z">"#
            + #"<schools xmlns="urn:xinyu:district-feed:1"><school id="S1" stage="senior">"#
            + #"<name>高中</name><grade level="10" classes="3"/></school></schools></f:feed>"#
        let (s, _) = try FeedFixture.run(text)
        #expect(s.status == .applied)
        #expect(s.accepted.schools == 1)
    }
}
