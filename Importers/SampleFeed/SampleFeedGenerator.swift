import Foundation
import XinyuCore

/// Writes a deterministic, realistic synthetic district in district feed v1 (shared FEED-FORMAT.md).
///
/// The default is a district of 39 schools (about 4,000 teachers and 200k attendance records over the school years
/// 2017–2018 to the autumn of 2026); it scales linearly to 400+ schools. The same `schools` and `seed` always give
/// byte-identical output. Every teacher's history is drawn from a random stream of its own, so the three passes over
/// the teachers (attendance, awards, practice) see the same history without holding it in memory.
///
/// What the district looks like:
/// - stages in a real district's proportions (mostly primary schools), 2–10 classes per grade, 85% with a counseling room;
/// - per school: a leader, usually a full-time psych teacher, 1–3 part-time psych teachers, class teachers and
///   subject teachers (about 2.5 teachers per class); a few teachers inactive (left); every class has an active
///   class teacher with its `homeroom` (feed v1.1);
/// - courses per school year: certification courses for tracks C (36 h), B (2 × 45 h) and A (2 × 60 h), district
///   mental-health CPD, continuing-education courses per category, and each school's two whole-staff (tier 60)
///   trainings a term, one of them on mental health (track `cpd`);
/// - awards after a passed certification course (some with an explicit `expires`, a few B holders without C),
///   renewals earned from CPD hours, and lapses where a teacher stopped training;
/// - counseling hours and psychology class periods for psych teachers (never a student's identity).
public struct SampleFeedGenerator: Sendable {
    public var schools: Int
    public var seed: UInt64
    /// The district's 6-digit code.
    public var district = "440608"
    /// What every school, teacher and course id starts with: empty for the default district, so its feed stays
    /// the same bytes; ``init(schools:seed:district:)`` makes it the code and a dash, so that districts of
    /// different codes never share an id in one store (issue #18).
    public var idPrefix = ""
    /// The feed's generation day; nothing in the feed is dated after it.
    public var generated = Day(year: 2026, month: 11, day: 1)!
    /// The first school year with history.
    public var firstYear = 2017

    public init(schools: Int = 39, seed: UInt64 = 1) {
        self.schools = schools
        self.seed = seed
    }

    /// A generator of district `district` (a 6-digit code), whose ids all start with the code and a dash.
    public init(schools: Int, seed: UInt64, district: String) throws {
        guard district.utf8.count == 6, district.utf8.allSatisfy({ (48...57).contains($0) }) else {
            throw SampleFeedError.districtCode(district)
        }
        self.init(schools: schools, seed: seed)
        self.district = district
        self.idPrefix = district + "-"
    }

    /// What a generated feed holds.
    public struct Stats: Sendable, Codable {
        public var schools = 0, teachers = 0, courses = 0, attendance = 0, awards = 0, counseling = 0, lessons = 0
        public var bytes = 0
    }

    /// How many schools a sample district may have.
    public static let schoolRange = 1...100_000

    /// Writes the feed to `path` and returns its counts.
    @discardableResult
    public func write(to path: String) throws -> Stats {
        guard Self.schoolRange.contains(schools) else { throw SampleFeedError.schoolCount(schools) }
        let out = try FeedWriter(path: path)
        var stats = Stats()
        let district = makeDistrict()
        out.write(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="urn:xinyu:district-feed:1" xmlns:x="urn:xinyu:ext:sample" id="\(district.feedId)" \
            district="\(self.district)" generated="\(generated)T08:00:00+08:00" mode="delta">

            """)
        out.write("  <schools>\n")
        for s in district.schools {
            var line = "    <school id=\"\(s.id)\" stage=\"\(s.stage.rawValue)\" counselingRoom=\"\(s.counselingRoom)\">"
            line += "<name>\(FeedWriter.escape(s.name))</name>"
            for (level, classes) in s.grades { line += "<grade level=\"\(level)\" classes=\"\(classes)\"/>" }
            out.write(line + "</school>\n")
            stats.schools += 1
        }
        out.write("  </schools>\n  <teachers>\n")
        for t in district.teachers {
            let status = t.leftYear == nil ? "active" : "inactive"
            let homeroom = t.homeroom.map { " homeroom=\"\($0.grade)-\($0.classNumber)\"" } ?? ""
            out.write(
                "    <teacher id=\"\(t.id)\" school=\"\(t.school)\" role=\"\(t.role.rawValue)\" "
                    + "hired=\"\(t.hireYear)-09-01\" status=\"\(status)\"\(homeroom)><name>\(t.name)</name></teacher>\n")
            stats.teachers += 1
        }
        out.write("  </teachers>\n  <courses>\n")
        for c in district.courses {
            var line =
                "    <course id=\"\(c.id)\" tier=\"\(c.tier)\" mode=\"\(c.mode)\" hours=\"\(c.hours)\""
                + " start=\"\(c.start)\" end=\"\(c.end)\""
            if c.track != .none { line += " track=\"\(c.track.rawValue)\"" }
            if c.category != .professional { line += " category=\"\(c.category.rawValue)\"" }
            line += " capacity=\"\(c.capacity)\""
            if c.tier == 20 { line += " x:source=\"省平台\"" }
            line += "><title>\(FeedWriter.escape(c.title))</title>"
            if let p = c.provider { line += "<provider>\(FeedWriter.escape(p))</provider>" }
            out.write(line + "</course>\n")
            stats.courses += 1
        }
        out.write("  </courses>\n  <attendance>\n")
        for t in district.teachers {
            let history = district.history(of: t)
            for a in history.attendance {
                let c = district.courses[a.course]
                var line =
                    "    <record teacher=\"\(t.id)\" course=\"\(c.id)\" hours=\"\(a.hours)\" status=\"\(a.status.rawValue)\""
                if a.result != .none { line += " result=\"\(a.result.rawValue)\"" }
                if let d = a.date { line += " date=\"\(d)\"" }
                out.write(line + "/>\n")
                stats.attendance += 1
            }
        }
        out.write("  </attendance>\n  <awards>\n")
        for t in district.teachers {
            for a in district.history(of: t).awards {
                var line =
                    "    <award teacher=\"\(t.id)\" level=\"\(a.level.rawValue)\" issued=\"\(a.issued)\" number=\"\(a.number)\""
                if let e = a.expires { line += " expires=\"\(e)\"" }
                out.write(line + "/>\n")
                stats.awards += 1
            }
        }
        out.write("  </awards>\n  <practice>\n")
        for t in district.teachers where t.role.isPsychOrLeader {
            let p = district.history(of: t)
            for c in p.counseling {
                out.write("    <counseling teacher=\"\(t.id)\" date=\"\(c.date)\" hours=\"\(c.hours)\"/>\n")
                stats.counseling += 1
            }
            for l in p.lessons {
                out.write("    <lesson teacher=\"\(t.id)\" date=\"\(l.date)\" periods=\"\(l.periods)\"/>\n")
                stats.lessons += 1
            }
        }
        out.write("  </practice>\n</feed>\n")
        try out.close()
        stats.bytes = out.bytesWritten
        return stats
    }

    func makeDistrict() -> SampleDistrict { SampleDistrict(generator: self) }
}

extension Role {
    var isPsychOrLeader: Bool { self == .psychFulltime || self == .psychParttime || self == .leader }
}
