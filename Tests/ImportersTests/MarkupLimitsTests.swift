import Foundation
import GRDB
import Testing

@testable import Importers
@testable import XinyuCore

/// What one record may carry (``MarkupLimits``): bounds checked on the bytes before libxml2 reads them.
@Suite struct MarkupLimitsTests {
    /// A teacher with `count` attributes in another namespace (extensions, otherwise ignored).
    static func teacher(attributes count: Int) -> String {
        var s = #"<teacher xmlns:x="urn:other" id="T9" school="S1" role="leader""#
        for i in 0..<count { s += #" x:a\#(i)="1""# }
        return s + "><name>多属性</name></teacher>"
    }

    /// The 1-based line of the first occurrence of `needle` in `text`.
    static func line(of needle: String, in text: String) -> Int {
        text[..<text.range(of: needle)!.lowerBound].filter { $0 == "\n" }.count + 1
    }

    func expectRejected(_ s: ImportSummary, _ reason: String, line: Int? = nil, _ db: AppDatabase) throws {
        #expect(s.status == .rejected)
        #expect(s.rejected.count == 1)
        #expect(s.rejected.first?.reason.contains(reason) == true, "\(s.rejected)")
        #expect(s.rejected.first?.reason.hasSuffix("the feed is rejected") == true)
        if let line { #expect(s.rejected.first?.line == line) }
        #expect(try FeedFixture.counts(db).values.allSatisfy { $0 == 0 })
        #expect(try FeedImporter.importLog(in: db).last?.status == .rejected)
    }

    @Test func fiftyThousandAttributesRejectTheFeedAtTheirLine() throws {
        let text = FeedFixture.feed(teachers: FeedFixture.defaultTeachers + "\n" + Self.teacher(attributes: 50_000))
        let (s, db) = try FeedFixture.run(text)
        try expectRejected(
            s, "element has more than \(MarkupLimits.maxAttributes) attributes (limit)",
            line: Self.line(of: #"<teacher xmlns:x"#, in: text), db)
        #expect(s.feed == "F1", "libxml2 read up to the offending tag: the feed's id is logged")
        #expect(try FeedImporter.importLog(in: db).first?.feed == "F1")
        #expect(try FeedFixture.validate(text).rejected.first?.reason.contains("attributes (limit)") == true)
    }

    @Test func attributesUpToTheLimitAreFine() throws {
        // xmlns:x, id, school, role + 252 extensions = 256.
        let text = FeedFixture.feed(teachers: FeedFixture.defaultTeachers + "\n" + Self.teacher(attributes: 252))
        let (s, _) = try FeedFixture.run(text)
        #expect(s.status == .applied)
        #expect(s.accepted.teachers == 4)
        let (over, db) = try FeedFixture.run(FeedFixture.feed(teachers: Self.teacher(attributes: 253)))
        try expectRejected(over, "attributes (limit)", db)
    }

    @Test func deepNestingIsRejected() throws {
        let open = (0..<40).map { "<x:e\($0) xmlns:x=\"urn:other\">" }.joined()
        let close = (0..<40).reversed().map { "</x:e\($0)>" }.joined()
        let text = FeedFixture.feed(practice: FeedFixture.defaultPractice + "\n" + open + close)
        let (s, db) = try FeedFixture.run(text)
        try expectRejected(
            s, "nested more than \(MarkupLimits.maxDepth) deep (limit)", line: Self.line(of: "<x:e0", in: text), db)
        // Siblings and self-closing elements do not add up.
        let wide = String(repeating: #"<x:e xmlns:x="urn:other"><x:f/></x:e>"#, count: 500)
        #expect(try FeedFixture.run(FeedFixture.feed(practice: wide)).0.status == .applied)
    }

    @Test func aHugeTagIsRejected() throws {
        let value = String(repeating: "长", count: 600_000)  // 1.8 MB in UTF-8
        let text = FeedFixture.feed(
            schools: #"<school xmlns:x="urn:other" id="S1" stage="primary" x:note="\#(value)"><name>n</name></school>"#)
        let (s, db) = try FeedFixture.run(text)
        try expectRejected(s, "longer than 1 MiB (limit)", line: Self.line(of: "<school xmlns:x", in: text), db)
    }

    /// Attribute-like text inside comments, CDATA, quoted values and processing instructions is not markup.
    @Test func markupLookalikesAreNotCounted() throws {
        let lookalike = "<a " + (0..<300).map { "b\($0)=\($0)" }.joined(separator: " ") + ">"
        let deep = String(repeating: "<a>", count: 100)
        let quoted = (0..<300).map { "b\($0)=\($0)" }.joined(separator: " ")
        let text = FeedFixture.feed(
            schools: "<!-- \(String(repeating: lookalike, count: 300)) \(deep) -->\n"
                + FeedFixture.defaultSchools + "\n"
                + #"<x:note xmlns:x="urn:other" x:v="\#(quoted) &lt;a&gt;" x:w='\#(quoted) "quoted"'>"#
                + #"<![CDATA[\#(lookalike)\#(deep) ]> ]]]></x:note>"#
                + "\n<?note \(lookalike) \(deep) ?>")
        let (s, db) = try FeedFixture.run(text)
        #expect(s.status == .applied, "\(s.rejected)")
        #expect(try FeedFixture.count(db, "school") == 2)
    }

    @Test func aTooLongNameIsARecordError() throws {
        let long = String(repeating: "张", count: MarkupLimits.maxTextCharacters + 1)
        let limit = String(repeating: "张", count: MarkupLimits.maxTextCharacters)
        let text = FeedFixture.feed(
            teachers: FeedFixture.defaultTeachers + "\n"
                + #"<teacher id="T8" school="S1" role="leader"><name>\#(limit)</name></teacher>"# + "\n"
                + #"<teacher id="T9" school="S1" role="leader"><name>\#(long)</name></teacher>"#,
            courses: FeedFixture.defaultCourses + "\n"
                + #"<course id="C9" tier="20" mode="4" hours="2" start="2025-04-01" end="2025-04-02">"#
                + #"<title>t</title><provider>\#(long)</provider></course>"#
        )
        let (s, db) = try FeedFixture.run(text)
        #expect(s.status == .partial)
        #expect(s.rejected.map(\.key) == ["T9", "C9"])
        #expect(s.rejected.allSatisfy { $0.reason.contains("longer than 1000 characters") })
        #expect(s.rejected.first?.line == Self.line(of: #"<teacher id="T9""#, in: text))
        #expect(try FeedFixture.count(db, "teacher") == 4)
    }

    @Test(arguments: ["UTF-16LE", "UTF-16BE", "GB18030"])
    func limitsHoldInEveryEncoding(_ encoding: String) throws {
        let text = FeedFixture.feed(
            teachers: FeedFixture.defaultTeachers + "\n" + Self.teacher(attributes: 300), encoding: encoding)
        var data = try #require(iconvert(text, to: encoding))
        if encoding == "UTF-16LE" { data = Data([0xFF, 0xFE]) + data }
        if encoding == "UTF-16BE" { data = Data([0xFE, 0xFF]) + data }
        let db = try AppDatabase.inMemory()
        let s = try FeedImporter.importFile(at: FeedFixture.write(data), into: db, options: ImportOptions())
        try expectRejected(s, "attributes (limit)", line: Self.line(of: #"<teacher xmlns:x"#, in: text), db)
        #expect(s.feed == "F1")
    }

    /// A large feed (several 1 MiB chunks) with Chinese everywhere imports the same in UTF-16 and GB18030.
    @Test(arguments: ["UTF-16", "GB18030"])
    func largeChineseFeedsStillImport(_ encoding: String) throws {
        var teachers = FeedFixture.defaultTeachers
        for i in 0..<20_000 {
            teachers +=
                "\n" + #"<teacher id="TC\#(i)" school="S2" role="subject-teacher"><name>欧阳曦老师第\#(i)号（心理健康）</name></teacher>"#
        }
        let text = FeedFixture.feed(teachers: teachers, encoding: encoding)
        let data = try #require(iconvert(text, to: encoding))
        #expect(data.count > 1 << 20, "more than one chunk")
        let db = try AppDatabase.inMemory()
        let s = try FeedImporter.importFile(at: FeedFixture.write(data), into: db, options: ImportOptions())
        #expect(s.status == .applied, "\(s.rejected.prefix(3))")
        #expect(s.accepted.teachers == 20_003)
        let name = try db.writer.read { try String.fetchOne($0, sql: "SELECT name FROM teacher WHERE id = 'TC19999'") }
        #expect(name == "欧阳曦老师第19999号（心理健康）")
    }

    /// GB18030 trail bytes may be `[` or `]` (乚 is 0x81 0x5D): inside CDATA they do not end the section.
    @Test func gbTrailBytesInsideCDATADoNotEndIt() throws {
        let lookalike = "<a " + (0..<300).map { "b\($0)=\($0)" }.joined(separator: " ") + ">"
        let text = FeedFixture.feed(
            schools: FeedFixture.defaultSchools + "\n"
                + #"<x:n xmlns:x="urn:other"><![CDATA[乚]>\#(lookalike)乕[乚]]]></x:n>"#, encoding: "GB18030")
        let data = try #require(iconvert(text, to: "GB18030"))
        #expect(data.range(of: Data([0x81, 0x5D, 0x5D, 0x3E])) != nil)
        let db = try AppDatabase.inMemory()
        let s = try FeedImporter.importFile(at: FeedFixture.write(data), into: db, options: ImportOptions())
        #expect(s.status == .applied, "\(s.rejected)")
    }

    /// Line feeds counted 16 bytes at a time agree with a plain count, at every length and density.
    @Test func newlinesAreCountedExactly() {
        var rng = SystemRandomNumberGenerator()
        for length in Array(0...70) + [4_095, 4_096, 70_001] {
            for density in [0, 1, 8, 255] {
                let bytes: [UInt8] = (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) < UInt8(density) ? 10 : 65 }
                let plain = bytes.filter { $0 == 10 }.count
                #expect(
                    bytes.withUnsafeBufferPointer { b in b.baseAddress.map { MarkupLimits.newlines($0, length) } ?? 0 } == plain)
            }
        }
    }

    /// The scanner gives the same answer however the bytes are split into chunks.
    @Test func chunkBoundariesDoNotMatter() throws {
        let cases: [(String, String?)] = [
            ("<r>\n<!-- <a b=1 c=2> -->\n<![CDATA[ x ]] ]]>\n<?p a=b?>\n" + Self.teacher(attributes: 300) + "</r>", "attributes"),
            ("<r>\n" + String(repeating: "<e a='1' b=\"2\">", count: 40) + "</r>", "deep"),
            ("<r>\n<a b='\(String(repeating: "=", count: 1000))'/>\n</r>", nil),
        ]
        for (text, expected) in cases {
            let bytes = Array(text.utf8)
            var whole = MarkupLimits()
            let ok = bytes.withUnsafeBytes { whole.scan($0.baseAddress!, count: $0.count) }
            #expect(ok == (expected == nil))
            if let expected { #expect(whole.violation?.reason.contains(expected) == true) }
            for size in [1, 2, 3, 7, 64] {
                var split = MarkupLimits()
                var i = 0
                while i < bytes.count && split.violation == nil {
                    let n = min(size, bytes.count - i)
                    _ = bytes[i..<(i + n)].withUnsafeBytes { split.scan($0.baseAddress!, count: n) }
                    i += n
                }
                #expect(split.violation?.reason == whole.violation?.reason, "chunks of \(size)")
                #expect(split.violation?.line == whole.violation?.line, "chunks of \(size)")
            }
        }
    }
}
