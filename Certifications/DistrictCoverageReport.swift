import XinyuCore

/// A city's or province's coverage rolled up by district (issue #18, `coverage --by-district`): per district code
/// the same block as ``CoverageReport/district`` with how many of its schools are below target, then the whole
/// region's.
public struct DistrictCoverageReport: Sendable, Codable, Hashable {
    public var asOf: Day
    /// Sorted by code.
    public var districts: [Row]
    /// Every district together.
    public var region: CoverageReport.District
    /// Schools below target in the whole region.
    public var regionBelowTarget: Int

    /// One district's line.
    public struct Row: Sendable, Codable, Hashable {
        public var district: String
        public var coverage: CoverageReport.District
        /// Its schools below target (see ``CoverageReport/SchoolCoverage/belowTargets``).
        public var belowTarget: Int
    }

    /// Computes every stored teacher once and sums the schools' rows per district.
    public static func compute(in db: any ReportStore, asOf: Day, profile: RuleProfile) throws -> DistrictCoverageReport {
        let districts = try db.schoolDistricts()
        let all = try CoverageReport.compute(in: db, asOf: asOf, school: nil, profile: profile)
        return build(all, districts: districts)
    }

    /// Groups the rows of `report` by the district of their school (`districts`: school id → code).
    public static func build(_ report: CoverageReport, districts: [String: String]) -> DistrictCoverageReport {
        var groups: [String: [CoverageReport.SchoolCoverage]] = [:]
        for s in report.schools { groups[districts[s.id] ?? "", default: []].append(s) }
        let rows = groups.keys.sorted().map { code in
            let schools = groups[code]!
            return Row(
                district: code, coverage: CoverageReport.total(schools), belowTarget: schools.filter(\.belowTargets).count)
        }
        return DistrictCoverageReport(
            asOf: report.asOf, districts: rows, region: report.district,
            regionBelowTarget: report.schools.filter(\.belowTargets).count)
    }
}
