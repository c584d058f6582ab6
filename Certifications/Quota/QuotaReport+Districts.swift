import XinyuCore

/// The quota report of one district of a store holding several (issue #18).
extension QuotaReport {
    /// The report of district `district`: its schools (and teachers, when asked), the district block summed over
    /// them. Throws ``UnknownDistrictError`` when no stored school belongs to it. The store reads only the
    /// district's schools, teachers and attendance, so the time follows the district, not the whole store.
    public static func compute(
        in db: any ReportStore, year: SchoolYear, district: String, includeTeachers: Bool, rules: QuotaRules
    ) throws -> QuotaReport {
        _ = try db.schools(ofDistrict: district)
        let ledger = try QuotaLedger.load(from: db, year: year, school: nil, district: district, rules: rules)
        return make(ledger: ledger, includeTeachers: includeTeachers, rules: rules)
    }

    /// The report cut to the schools `ids`, with the district block summed over them.
    public func restricted(to ids: Set<String>) -> QuotaReport {
        var cut = self
        cut.schools = schools.filter { ids.contains($0.id) }
        cut.teachers = teachers?.filter { ids.contains($0.school) }
        var total = District(teachers: 0, meetsHours: 0, meetsSessions: 0, meetsAll: 0)
        for s in cut.schools {
            total.teachers += s.teachers
            total.meetsHours += s.meetsHours
            total.meetsSessions += s.meetsSessions
            total.meetsAll += s.meetsAll
        }
        cut.district = total
        return cut
    }
}
