import Foundation
import Testing
import XinyuCore

@testable import Importers

@Suite struct SampleFeedTests {
    func generate(schools: Int, seed: UInt64) throws -> (Data, SampleFeedGenerator.Stats) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sample-\(UUID().uuidString).xml").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let stats = try SampleFeedGenerator(schools: schools, seed: seed).write(to: path)
        return (try Data(contentsOf: URL(fileURLWithPath: path)), stats)
    }

    @Test func sameSeedSameBytesOtherSeedOtherDistrict() throws {
        let (a, sa) = try generate(schools: 3, seed: 7)
        let (b, _) = try generate(schools: 3, seed: 7)
        let (c, _) = try generate(schools: 3, seed: 8)
        #expect(a == b)
        #expect(a != c)
        #expect(sa.bytes == a.count)
    }

    @Test func countsScaleWithSchoolsAndMatchTheFile() throws {
        let (data, small) = try generate(schools: 4, seed: 1)
        let (_, large) = try generate(schools: 12, seed: 1)
        #expect(large.teachers > 2 * small.teachers)
        #expect(large.attendance > 2 * small.attendance)
        let text = String(decoding: data, as: UTF8.self)
        func count(_ needle: String) -> Int { text.components(separatedBy: needle).count - 1 }
        #expect(count("<school ") == small.schools)
        #expect(count("<teacher ") == small.teachers)
        #expect(count("<course ") == small.courses)
        #expect(count("<record ") == small.attendance)
        #expect(count("<award ") == small.awards)
        #expect(count("<counseling ") + count("<lesson ") == small.counseling + small.lessons)
    }

    /// Every reference points at a record earlier in the feed, every grade fits its stage, and nothing is dated
    /// after the feed's generation day: the generated district obeys the contract the importer enforces.
    @Test func recordsObeyTheContract() throws {
        let g = SampleFeedGenerator(schools: 5, seed: 3)
        let d = g.makeDistrict()
        let schoolIds = Set(d.schools.map(\.id))
        for s in d.schools {
            for (level, classes) in s.grades {
                #expect(s.stage.allowedGrades.contains(level) || s.stage == .special)
                #expect((0...40).contains(classes))
            }
        }
        #expect(d.teachers.allSatisfy { schoolIds.contains($0.school) && Identifier.isValid($0.id) })
        for c in d.courses {
            #expect(c.start <= c.end && c.end <= g.generated && Identifier.isValid(c.id))
            #expect(c.hours.tenths > 0 && c.hours.tenths <= 5000 && (1...100_000).contains(c.capacity))
        }
        var numbers = Set<String>()
        for t in d.teachers {
            let h = d.history(of: t)
            let keys = h.attendance.map { d.courses[$0.course].id }
            #expect(Set(keys).count == keys.count)
            for a in h.attendance { #expect(a.hours <= d.courses[a.course].hours) }
            for a in h.awards {
                #expect(a.issued <= g.generated)
                #expect(numbers.insert(a.number).inserted)
                if let e = a.expires { #expect(e > a.issued) }
            }
            #expect(Set(h.counseling.map(\.date)).count == h.counseling.count)
            #expect(h.counseling.allSatisfy { $0.hours.tenths > 0 && $0.hours.tenths <= 80 && $0.date <= g.generated })
            #expect(h.lessons.allSatisfy { (1...8).contains($0.periods) })
        }
    }

    /// Every class of the sample district has an active class teacher (feed v1.1 homeroom), and the importer
    /// stores them all.
    @Test func everyClassHasAnActiveClassTeacher() throws {
        let g = SampleFeedGenerator(schools: 4, seed: 5)
        let d = g.makeDistrict()
        var classes = Set<String>()
        for s in d.schools {
            for (level, n) in s.grades where n > 0 { for k in 1...n { classes.insert("\(s.id)-\(level)-\(k)") } }
        }
        let led = d.teachers.compactMap { t in t.homeroom.map { (t, "\(t.school)-\($0.grade)-\($0.classNumber)") } }
        #expect(led.allSatisfy { $0.0.role == .classTeacher && $0.0.leftYear == nil })
        #expect(Set(led.map(\.1)) == classes)
        #expect(led.count == classes.count, "one class teacher per class")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sample-\(UUID().uuidString).xml").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try g.write(to: path)
        let db = try AppDatabase.inMemory()
        #expect(try FeedImporter.importFile(at: path, into: db, options: ImportOptions()).status == .applied)
        #expect(try FeedFixture.count(db, "homeroom") == classes.count)
    }

    @Test func historyIsStableAcrossCalls() {
        let d = SampleFeedGenerator(schools: 2, seed: 9).makeDistrict()
        let t = d.teachers[3]
        let a = d.history(of: t)
        let b = d.history(of: t)
        #expect(a.attendance.map(\.course) == b.attendance.map(\.course))
        #expect(a.awards.map(\.number) == b.awards.map(\.number))
    }

    @Test func refusesNonsenseSizes() {
        #expect(throws: SampleFeedError.self) { try SampleFeedGenerator(schools: 0).write(to: "/tmp/never.xml") }
    }
}
