import Foundation
import GRDB
import Testing
import XinyuCore

@testable import Importers

@Suite struct DocumentSafetyTests {
    /// A feed large enough that libxml2 reads it in many chunks (several MB, tens of thousands of records).
    static func largeFeed(records: Int) -> String {
        var att = ""
        var courses = ""
        for i in 0..<records / 3 {
            courses += #"<course id="K\#(i)" tier="60" mode="2" hours="4" start="2025-01-01" end="2025-01-02">"#
            courses += #"<title>课程\#(i)</title></course>"#
            courses += "\n"
        }
        for i in 0..<records / 3 {
            for t in ["T1", "T2", "T3"] {
                att += #"<record teacher="\#(t)" course="K\#(i)" hours="4" status="completed"/>"# + "\n"
            }
        }
        return FeedFixture.feed(courses: courses, attendance: att)
    }

    @Test func aMalformedByteAtTheVeryEndRejectsEverything() throws {
        var text = Self.largeFeed(records: 60_000)
        #expect(text.utf8.count > 4_000_000)
        // Break the last byte of the closing tag: `</feed>` → `</feed` + a stray byte.
        let end = text.range(of: "</feed>", options: .backwards)!
        text.replaceSubrange(end, with: "</feed\u{01}")
        let (s, db) = try FeedFixture.run(text)
        #expect(s.status == .rejected)
        #expect(s.exitStatus == 2)
        #expect(s.accepted.total == 0)
        #expect(s.rejected.count == 1)
        #expect(s.rejected[0].line > 60_000)
        #expect(try FeedFixture.counts(db).values.allSatisfy { $0 == 0 })
        let log = try FeedImporter.importLog(in: db)
        #expect(log.map(\.status) == [.rejected])
        #expect(log[0].digest.count == 64)
    }

    @Test func theLargeFeedItselfApplies() throws {
        let (s, db) = try FeedFixture.run(Self.largeFeed(records: 30_000))
        #expect(s.status == .applied)
        #expect(s.accepted.attendance == 30_000)
        #expect(try FeedFixture.count(db, "attendance") == 30_000)
    }

    @Test func truncatedFileIsRejected() throws {
        let text = FeedFixture.feed()
        let (s, db) = try FeedFixture.run(String(text.prefix(text.utf8.count * 2 / 3)))
        #expect(s.status == .rejected)
        #expect(try FeedFixture.count(db, "school") == 0)
    }

    @Test func aDoctypeRejectsTheDocument() throws {
        let text = """
            <?xml version="1.0"?>
            <!DOCTYPE feed>
            """ + FeedFixture.feed().split(separator: "\n", maxSplits: 1)[1]
        let (s, db) = try FeedFixture.run(text)
        #expect(s.status == .rejected)
        #expect(s.rejected.first?.reason.contains("DOCTYPE") == true)
        #expect(try FeedFixture.count(db, "school") == 0)
        #expect(try FeedFixture.validate(text).status == .invalid)
    }

    @Test func xxeReadsNothingFromDisk() throws {
        let secret = try FeedFixture.write("TOP-SECRET-CONTENT", name: "secret.txt")
        let text = """
            <?xml version="1.0"?>
            <!DOCTYPE feed [ <!ENTITY xxe SYSTEM "file://\(secret)"> ]>
            <feed xmlns="urn:xinyu:district-feed:1" id="X1" district="440608" generated="2026-09-01T08:00:00Z">
            <schools><school id="S1" stage="primary"><name>&xxe;</name></school></schools></feed>
            """
        let (s, db) = try FeedFixture.run(text)
        #expect(s.status == .rejected)
        #expect(try FeedFixture.count(db, "school") == 0)
        let json = try JSONOutput.string(s)
        #expect(!json.contains("TOP-SECRET"))
        // Also in a teacher element of an IMS file, and through a parameter entity.
        let ims = """
            <?xml version="1.0"?>
            <!DOCTYPE enterprise [ <!ENTITY % p SYSTEM "file://\(secret)"> %p; ]>
            <enterprise><person><sourcedid><id>P1</id></sourcedid><name><fn>x</fn></name></person></enterprise>
            """
        let (s2, _) = try FeedFixture.run(ims) { $0.school = "S1" }
        #expect(s2.status == .rejected)
        #expect(!(try JSONOutput.string(s2)).contains("TOP-SECRET"))
    }

    @Test func anEntityBombIsRejectedQuickly() throws {
        var decl = #"<!ENTITY a0 "lol">"#
        for i in 1...12 { decl += "<!ENTITY a\(i) \"" + String(repeating: "&a\(i - 1);", count: 10) + "\">" }
        let text = """
            <?xml version="1.0"?>
            <!DOCTYPE feed [ \(decl) ]>
            <feed xmlns="urn:xinyu:district-feed:1" id="B1" district="440608" generated="2026-09-01T08:00:00Z">
            <schools><school id="S1" stage="primary"><name>&a12;</name></school></schools></feed>
            """
        let start = Date()
        let (s, db) = try FeedFixture.run(text)
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(s.status == .rejected)
        #expect(try FeedFixture.count(db, "school") == 0)
    }

    @Test func anUndeclaredEntityIsNotWellFormed() throws {
        let text = FeedFixture.feed(schools: #"<school id="S1" stage="primary"><name>&nbsp;</name></school>"#)
        let (s, _) = try FeedFixture.run(text)
        #expect(s.status == .rejected)
    }

    @Test func aMissingFileThrowsAnExitOneError() throws {
        #expect(throws: FileAccessError.self) {
            try FeedImporter.importFile(at: "/nonexistent/feed.xml", into: AppDatabase.inMemory(), options: ImportOptions())
        }
    }

    @Test func theDigestIsTheFileSHA256() throws {
        let path = try FeedFixture.write("abc")
        let s = try FeedImporter.importFile(at: path, into: AppDatabase.inMemory(), options: ImportOptions())
        #expect(s.digest == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        // A file longer than the digest's 1 MiB read chunk (vector from coreutils' sha256sum).
        let long = try FeedFixture.write(String(repeating: "a", count: 3_000_000))
        var dry = ImportOptions()
        dry.dryRun = true
        let l = try FeedImporter.importFile(at: long, into: AppDatabase.inMemory(), options: dry)
        #expect(l.digest == "2a152c894398719c0570f83fac34ac03a0f6e8e474b995c2403aa5434f7b9dd4")
        // The digest of an imported feed is the same whether libxml2 read all of it or stopped early (duplicate).
        let db = try AppDatabase.inMemory()
        let feed = try FeedFixture.write(DocumentSafetyTests.largeFeed(records: 3_000))
        let a = try FeedImporter.importFile(at: feed, into: db, options: ImportOptions())
        let b = try FeedImporter.importFile(at: feed, into: db, options: ImportOptions())
        #expect(a.status == .applied && b.status == .duplicate)
        #expect(a.digest == b.digest)
    }
}
