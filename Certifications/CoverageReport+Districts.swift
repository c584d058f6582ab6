import XinyuCore

/// Coverage across the districts of one store (issue #18).
extension CoverageReport {
    /// The report of one district: its schools, and the district block over them. Throws
    /// ``UnknownDistrictError`` when no stored school belongs to `district`.
    ///
    /// The certification engine computes every teacher of the store and the rows are then cut to the district's
    /// schools, so its time grows with the whole store, not with the district.
    public static func compute(in db: any ReportStore, asOf: Day, district: String, profile: RuleProfile) throws
        -> CoverageReport
    {
        let ids = try db.schools(ofDistrict: district)
        return try compute(in: db, asOf: asOf, school: nil, profile: profile).restricted(to: ids)
    }

    /// The report cut to the schools `ids`, with the district block summed over them.
    public func restricted(to ids: Set<String>) -> CoverageReport {
        let kept = schools.filter { ids.contains($0.id) }
        return CoverageReport(asOf: asOf, district: Self.total(kept), schools: kept)
    }

    /// The district block over `rows`.
    static func total(_ rows: [SchoolCoverage]) -> District {
        var d = District()
        d.schools = rows.count
        for r in rows {
            d.teachers += r.teachers
            d.certified = d.certified + r.certified
            d.meetingRoleRequirement += r.meetingRoleRequirement
            if r.hasQualifiedPsychTeacher { d.schoolsWithQualifiedPsychTeacher += 1 }
            d.expiring += r.expiring
            d.lapsed += r.lapsed
            d.eligible = d.eligible + r.eligible
        }
        return d
    }
}
