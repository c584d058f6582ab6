import XinyuCore

/// Coverage across the districts of one store (issue #18).
extension CoverageReport {
    /// The report of one district: its schools, and the district block over them. Throws
    /// ``UnknownDistrictError`` when no stored school belongs to `district`.
    ///
    /// The store reads only the district's schools and their teachers' records (``ReportStore`` takes the district),
    /// so its time grows with the district, not with the whole store.
    public static func compute(in db: any ReportStore, asOf: Day, district: String, profile: RuleProfile) throws
        -> CoverageReport
    {
        _ = try db.schools(ofDistrict: district)
        let (schools, statuses) = try CertificationEngine.statusesAndSchools(
            in: db, asOf: asOf, profile: profile, school: nil, district: district, includeInactive: false,
            explain: false, parts: CertificationEngine.defaultParts, withSchools: true)
        return build(asOf: asOf, schools: schools.map { ($0.id, $0.name) }, statuses: statuses)
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
