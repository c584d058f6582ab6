import Foundation
import GRDB
import Testing

@testable import Importers
@testable import XinyuCore

/// The fast paths and the ordinary path of attendance, counseling and lesson records share their rules
/// (``FeedRules``): the same records, valid and each kind of invalid, run through one and then the other must be
/// accepted, rejected (with the same reasons) and stored alike.
@Suite struct RecordPathTests {
    static let long = String(repeating: "x", count: 65)

    /// Valid records; the two with a child element (an extension) take the ordinary path even when fast paths are on.
    static let valid = [
        #"<record teacher="T1" course="C1" hours="36" status="completed" result="pass" date="2025-03-05"/>"#,
        #"<record teacher="T2" course="C1" hours="20" status="partial"/>"#,
        #"<record teacher="T3" course="C2" hours="12.5" status="withdrawn" result="none"/>"#,
        #"<record xmlns:x="urn:example" teacher="T1" course="C2" hours="0" status="absent" result="fail" x:source="hr"/>"#,
        #"<record teacher="T2" course="C2" hours="1" status="completed"><x:note xmlns:x="urn:example"/></record>"#,
        #"<counseling teacher="T1" date="2025-05-01" hours="1.5"/>"#,
        #"<counseling teacher="T2" date="2025-05-01" hours="8"/>"#,
        #"<counseling teacher="T3" date="2025-05-01" hours="0.1"/>"#,
        #"<lesson teacher="T1" date="2025-05-02" periods="1"/>"#,
        #"<lesson teacher="T2" date="2025-05-02" periods="8"/>"#,
        #"<lesson teacher="T3" date="2025-05-02" periods="08"/>"#,
        #"<lesson teacher="T3" date="2025-05-03" periods="2"><x:note xmlns:x="urn:example"/></lesson>"#,
    ]

    static let invalidAttendance = [
        #"<record teacher="T1" course="C1" hours="1" status="completed" extra="1"/>"#,  // unknown attribute
        #"<record teacher="T1" course="C1" hours="1"/>"#,  // missing status
        #"<record course="C1" hours="1" status="completed"/>"#,  // missing teacher
        #"<record teacher="T 1" course="C1" hours="1" status="completed"/>"#,  // not an identifier
        "<record teacher=\"\(long)\" course=\"C1\" hours=\"1\" status=\"completed\"/>",  // identifier too long
        #"<record teacher="T1" course="" hours="1" status="completed"/>"#,  // empty course id
        #"<record teacher="T1" course="C1" hours="1.25" status="completed"/>"#,  // two fractional digits
        #"<record teacher="T1" course="C1" hours="-1" status="completed"/>"#,
        #"<record teacher="T1" course="C1" hours=" 5" status="completed"/>"#,
        #"<record teacher="T1" course="C1" hours="" status="completed"/>"#,
        #"<record teacher="T3" course="C2" hours="13" status="completed"/>"#,  // more than the course's hours
        #"<record teacher="T1" course="C1" hours="1" status="done"/>"#,
        #"<record teacher="T1" course="C1" hours="1" status="completed" result="maybe"/>"#,
        #"<record teacher="T1" course="C1" hours="1" status="completed" date="2025-13-01"/>"#,
        #"<record teacher="T1" course="C1" hours="1" status="completed" date="2025-3-1"/>"#,
        #"<record teacher="T9" course="C1" hours="1" status="completed"/>"#,  // unknown teacher
        #"<record teacher="T1" course="C9" hours="1" status="completed"/>"#,  // unknown course
        #"<record teacher="T1" course="C1" hours="1" status="completed"><note/></record>"#,  // child in the feed namespace
    ]

    static let invalidPractice = [
        #"<counseling teacher="T1" date="2025-06-01" hours="0"/>"#,
        #"<counseling teacher="T1" date="2025-06-02" hours="8.1"/>"#,
        #"<counseling teacher="T1" date="2025-06-03" hours="9"/>"#,
        #"<counseling teacher="T1" date="2025-06-04" hours="1.55"/>"#,
        #"<counseling teacher="T1" date="2025-06-05" hours="abc"/>"#,
        #"<counseling teacher="T1" date="2025-06-06"/>"#,
        #"<counseling teacher="T1" date="2025-02-30" hours="1"/>"#,
        #"<counseling teacher="T9" date="2025-06-07" hours="1"/>"#,
        #"<counseling teacher="T1" date="2025-06-08" hours="1" room="3"/>"#,
        "<counseling teacher=\"\(long)\" date=\"2025-06-09\" hours=\"1\"/>",
        #"<counseling teacher="T1" date="2025-06-10" hours="1"><note/></counseling>"#,
        #"<lesson teacher="T1" date="2025-06-01" periods="0"/>"#,
        #"<lesson teacher="T1" date="2025-06-02" periods="9"/>"#,
        #"<lesson teacher="T1" date="2025-06-03" periods="10"/>"#,
        #"<lesson teacher="T1" date="2025-06-04" periods="1.0"/>"#,
        #"<lesson teacher="T1" date="2025-06-05" periods=""/>"#,
        #"<lesson teacher="T1" date="2025-06-06" periods="-1"/>"#,
        #"<lesson teacher="T1" date="2025-06-07" periods=" 2"/>"#,
        #"<lesson teacher="T1" date="2025-06-08"/>"#,
        #"<lesson teacher="T9" date="2025-06-09" periods="1"/>"#,
        #"<lesson teacher="T1" date="20250610" periods="1"/>"#,
        #"<lesson teacher="T1" date="2025-06-11" periods="1" room="3"/>"#,
    ]

    static var feed: String {
        let isPractice = { (r: String) in r.hasPrefix("<counseling") || r.hasPrefix("<lesson") }
        let attendance = (valid.filter { !isPractice($0) } + invalidAttendance).joined(separator: "\n")
        let practice = (valid.filter(isPractice) + invalidPractice).joined(separator: "\n")
        return FeedFixture.feed(attendance: attendance, awards: "", practice: practice)
    }

    /// What an import stored: every attendance, counseling and lesson row.
    static func rows(_ db: AppDatabase) throws -> [String] {
        try db.writer.read { conn in
            try String.fetchAll(
                conn,
                sql: """
                    SELECT 'attendance ' || teacherId || ' ' || courseId || ' ' || hoursTenths || ' ' || status || ' ' || result
                           || ' ' || date
                      FROM attendance
                    UNION ALL SELECT 'counseling ' || teacherId || ' ' || date || ' ' || hoursTenths FROM counseling
                    UNION ALL SELECT 'lesson ' || teacherId || ' ' || date || ' ' || periods FROM lessonPractice
                    ORDER BY 1
                    """)
        }
    }

    /// Reads the feed with the fast paths on or off, as the importer does: what its session accepted, rejected,
    /// and queued from the fast paths.
    static func read(_ text: String, fastPaths: Bool) throws -> (accepted: AcceptedCounts, rejected: [RejectedRecord], fast: Int)
    {
        let path = try FeedFixture.write(text)
        let source = try FileSource(path: path, digest: false)
        let stream = try XMLStream(source: source)
        guard case .success(let root) = FeedImporter.findRoot(stream), case .district(let attrs) = root.format else {
            throw CancellationError()
        }
        var options = ImportOptions()
        options.fastPaths = fastPaths
        var read: (accepted: AcceptedCounts, rejected: [RejectedRecord], fast: Int)?
        try AppDatabase.inMemory().applyFeed { transaction in
            let session = ImportSession(store: transaction, options: options)
            session.mode = attrs.mode
            try DistrictFeedReader(
                stream: stream, session: session, district: attrs.district,
                progress: ProgressBar(requested: false, source: source)
            ).run()
            try session.withStore { try $0.flush() }
            read = (session.accepted, session.rejected, session.fastRecords)
            return .rollback
        }
        return read!
    }

    @Test func bothPathsAcceptRejectAndStoreAlike() throws {
        let text = Self.feed
        let (fast, fastDB) = try FeedFixture.run(text)
        let (ordinary, ordinaryDB) = try FeedFixture.run(text) { $0.fastPaths = false }
        #expect(fast.status == .partial && ordinary.status == .partial)
        #expect(fast.accepted == ordinary.accepted)
        #expect(fast.accepted.attendance == 5 && fast.accepted.practice == 7)
        #expect(fast.rejected == ordinary.rejected)
        #expect(fast.rejected.count == Self.invalidAttendance.count + Self.invalidPractice.count)
        let stored = try Self.rows(fastDB)
        #expect(stored.count == 12)
        #expect(stored == (try Self.rows(ordinaryDB)))
    }

    /// The comparison above means something only if each run took the path it was meant to.
    @Test func theFlagChoosesThePath() throws {
        let fast = try Self.read(Self.feed, fastPaths: true)
        let ordinary = try Self.read(Self.feed, fastPaths: false)
        #expect(fast.fast == Self.valid.count - 2)  // all but the two with an extension child
        #expect(ordinary.fast == 0)
        #expect(fast.accepted == ordinary.accepted && fast.rejected == ordinary.rejected)
    }

    /// The rejection texts built from the shared words are the ones the importer always gave.
    @Test func sharedWordsReadAsBefore() {
        #expect(FeedRules.list(FeedRules.statusWords) == "completed, partial, absent, withdrawn")
        #expect(FeedRules.list(FeedRules.resultWords) == "pass, fail, none")
        #expect(Identifier.rule == "[A-Za-z0-9._-]{1,64}")
    }
}
