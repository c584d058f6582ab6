import Foundation
import Testing

@testable import Certifications
@testable import XinyuCore

/// RULES.md "Yearly statistics": bands at their limits, hours by tier and category, the 不达标名单, the JSON keys.
@Suite struct HoursStatisticsTests {
    let year = SchoolYear(startYear: 2025)

    func stats(_ f: Fixture, school: String? = nil) throws -> HoursStatistics {
        try HoursStatistics.compute(
            in: f.db, year: year, school: school, rules: QuotaRules.load(profilePath: nil),
            bands: f.profile.statistics ?? .standard)
    }

    @Test func bandsSplitAt36And37And108And109Hours() throws {
        var f = try Fixture()
        let hours: [(String, Hours)] = [
            ("T36", 36), ("T365", Hours(tenths: 365)), ("T37", 37), ("T72", 72), ("T73", 73),
            ("T108", 108), ("T1085", Hours(tenths: 1085)), ("T109", 109),
        ]
        for (id, h) in hours {
            try f.teacher(id)
            try f.attend(id, track: .none, hours: h, date: "2025-10-10")
        }
        let bands = HourBands.standard
        #expect(bands.labels == ["≤36", "37–72", "73–108", "≥109"])
        #expect(hours.map { bands.band(of: $0.1) } == [0, 1, 1, 1, 2, 2, 3, 3])
        let s = try stats(f)
        #expect(s.bands == bands.labels)
        #expect(s.district.byBand == [1, 3, 2, 2] && s.district.teachers == 8)
        #expect(s.schools.first { $0.id == "S1" }?.byBand == [1, 3, 2, 2])
    }

    @Test func hoursByTierAndCategoryCountOnlyCountedRecordsOfActiveTeachersInTheYear() throws {
        var f = try Fixture()
        try f.teacher("A1")
        try f.teacher("A2", school: "S2")
        try f.teacher("GONE", status: .inactive)
        try f.attend("A1", track: .none, hours: 6, date: "2025-09-01", category: .public, tier: 10)
        try f.attend("A1", track: .C, hours: Hours(tenths: 125), date: "2026-08-31", tier: 20)
        try f.attend("A1", track: .none, hours: 3, date: "2026-01-05", status: .partial, category: .elective, tier: 60)
        try f.attend("A2", track: .none, hours: 9, date: "2026-03-03", tier: 99)
        // Not counted: absent, failed, outside the year, an inactive teacher's.
        try f.attend("A1", track: .none, hours: 50, date: "2025-11-11", status: .absent, tier: 30)
        try f.attend("A1", track: .none, hours: 50, date: "2025-11-12", result: .fail, tier: 30)
        try f.attend("A1", track: .none, hours: 50, date: "2025-08-31", tier: 30)
        try f.attend("A2", track: .none, hours: 50, date: "2026-09-01", tier: 30)
        try f.attend("GONE", track: .none, hours: 50, date: "2025-12-12", tier: 30)
        let s = try stats(f)
        #expect(s.district.hoursByTier == ["10": 6, "20": Hours(tenths: 125), "30": 0, "40": 0, "60": 3, "99": 9])
        #expect(s.district.hoursByCategory == ["public": 6, "professional": Hours(tenths: 215), "elective": 3])
        #expect(s.schools.map(\.id) == ["S1", "S2"])
        #expect(s.schools[0].hoursByTier["20"] == Hours(tenths: 125) && s.schools[1].hoursByTier["99"] == 9)
        #expect(s.schools.map(\.teachers) == [1, 1] && s.district.teachers == 2)
        // The quota counts the same teachers and hours.
        let quota = try QuotaReport.compute(in: f.db, year: year, school: nil, includeTeachers: true, profilePath: nil)
        #expect(quota.district.teachers == s.district.teachers)
        #expect(quota.district.teachers - quota.district.meetsHours == s.district.belowMinimum)
        let quotaTotal = (quota.teachers ?? []).reduce(Hours.zero) { $0 + $1.total }
        #expect(quotaTotal == s.district.totalHours)
    }

    @Test func theBelowMinimumListSaysWhatEachTeacherLacks() throws {
        var f = try Fixture()
        try f.teacher("OK")
        try f.teacher("SHORT", school: "S2")
        for (c, h) in [(XinyuCore.Category.public, Hours(18)), (.professional, 42), (.elective, 12)] {
            try f.attend("OK", track: .none, hours: h, date: "2025-10-01", category: c)
        }
        try f.attend("SHORT", track: .none, hours: 20, date: "2025-10-01", category: .public)
        try f.attend("SHORT", track: .none, hours: 40, date: "2025-10-02")
        let s = try stats(f)
        #expect(s.district.belowMinimum == 1 && s.schools.map(\.belowMinimum) == [0, 1])
        let short = try #require(s.belowMinimumTeachers.first)
        #expect(s.belowMinimumTeachers.count == 1 && short.id == "SHORT" && short.school == "S2" && short.hours == 60)
        #expect(
            short.missing.professional == 2 && short.missing.elective == 12 && short.missing.public == .zero
                && short.missing.total == 12)
        #expect(short.missing.words(.zh, sessions: false) == "专业 2.0 学时，选修 12.0 学时，合计 12.0 学时")
        // One school: the district block is its total.
        let one = try stats(f, school: "S2")
        #expect(one.schools.map(\.id) == ["S2"] && one.district.teachers == 1 && one.district.belowMinimum == 1)
        let unknown = #expect(throws: StoreError.self) { try stats(f, school: "S9") }
        #expect(unknown?.description.contains("S9") == true)
    }

    func keys(_ object: Any?) -> Set<String> { Set((object as? [String: Any])?.keys.map { $0 } ?? []) }

    @Test func theJSONHasExactlyTheIssuesKeys() throws {
        var f = try Fixture()
        try f.teacher("A1")
        try f.attend("A1", track: .none, hours: 40, date: "2025-10-01", tier: 60)
        let json = try JSONSerialization.jsonObject(with: JSONOutput.encoder().encode(try stats(f))) as! [String: Any]
        #expect(Set(json.keys) == ["year", "bands", "district", "schools", "belowMinimumTeachers"])
        #expect(json["year"] as? String == "2025-2026")
        #expect(json["bands"] as? [String] == ["≤36", "37–72", "73–108", "≥109"])
        let district = try #require(json["district"] as? [String: Any])
        #expect(Set(district.keys) == ["teachers", "byBand", "hoursByTier", "hoursByCategory", "belowMinimum"])
        #expect(district["byBand"] as? [Int] == [0, 1, 0, 0])
        #expect(keys(district["hoursByTier"]) == ["10", "20", "30", "40", "60", "99"])
        #expect(((district["hoursByTier"] as? [String: Any])?["60"] as? NSNumber)?.doubleValue == 40)
        #expect(keys(district["hoursByCategory"]) == ["public", "professional", "elective"])
        let schools = try #require(json["schools"] as? [[String: Any]])
        #expect(schools.map { $0["id"] as? String } == ["S1", "S2"])
        #expect(Set(schools[0].keys) == ["id", "name", "teachers", "byBand", "hoursByTier", "hoursByCategory", "belowMinimum"])
    }

    @Test func bandLimitsComeFromTheProfile() throws {
        var yaml = try String(contentsOf: RuleProfile.bundledDefaultURL, encoding: .utf8)
        #expect(yaml.contains("hourBands: [36, 72, 108]"))
        yaml = yaml.replacingOccurrences(of: "hourBands: [36, 72, 108]", with: "hourBands: [24, 48]")
        let profile = try RuleProfile.parse(yaml: yaml, file: "p.yaml")
        #expect(profile.statistics?.labels == ["≤24", "25–48", "≥49"])
        for bad in ["hourBands: [72, 36]", "hourBands: []", "hourBands: [36, x]"] {
            let text = yaml.replacingOccurrences(of: "hourBands: [24, 48]", with: bad)
            #expect(throws: InputError.self) { try RuleProfile.parse(yaml: text, file: "p.yaml") }
        }
    }
}
