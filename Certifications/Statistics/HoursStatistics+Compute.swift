import XinyuCore

extension HoursStatistics {
    /// Computes the statistics of school year `year` from the union quota's reading of the store
    /// (``ReportStore/quotaYear(from:through:school:)``: the active teachers in scope and their attendance dated
    /// inside the year), counting hours with the quota's own rule (``QuotaStanding``), so both always agree.
    /// `school` limits it to one school (`StoreError.unknownSchool` when not stored).
    public static func compute(
        in store: any ReportStore, year: SchoolYear, school: String?, rules: QuotaRules,
        bands: HourBands
    ) throws -> HoursStatistics {
        let reading = try store.quotaYear(from: year.first, through: year.last, school: school)
        var standings: [String: QuotaStanding] = [:]
        for t in reading.teachers { standings[t.id] = QuotaStanding() }
        let schoolOf = Dictionary(uniqueKeysWithValues: reading.teachers.map { ($0.id, $0.schoolId) })
        // Counted tenths per school and tier: what the quota's own rule added to the teacher's standing.
        var tiers: [String: [Int: Int]] = [:]
        for r in reading.attendance {
            guard standings[r.teacherId] != nil, let sid = schoolOf[r.teacherId] else { continue }
            let before = standings[r.teacherId]!.total.tenths
            standings[r.teacherId]!.add(
                courseId: r.courseId, category: r.category, hours: Hours(tenths: r.tenths),
                status: r.status, result: r.result)
            let counted = standings[r.teacherId]!.total.tenths - before
            guard counted != 0 else { continue }
            let tier = Tier(rawValue: r.tier)?.rawValue ?? Tier.other.rawValue
            tiers[sid, default: [:]][tier, default: 0] += counted
        }
        let names = Dictionary(uniqueKeysWithValues: reading.schools.map { ($0.id, $0.name) })
        var figures: [String: Figures] = [:]
        for s in reading.schools { figures[s.id] = Figures(bands: bands.limits.count + 1) }
        var below: [BelowMinimum] = []
        for t in reading.teachers {
            let st = standings[t.id] ?? QuotaStanding()
            let missing = st.missing(rules)
            var f = figures[t.schoolId] ?? Figures(bands: bands.limits.count + 1)
            f.teachers += 1
            f.byBand[bands.band(of: st.total)] += 1
            for c in XinyuCore.Category.allCases { f.hoursByCategory[c.rawValue, default: .zero] += st.hours(c) }
            if !missing.meetsHours {
                f.belowMinimum += 1
                below.append(
                    BelowMinimum(
                        id: t.id, name: t.name, school: t.schoolId, schoolName: names[t.schoolId] ?? "",
                        hours: st.total, hoursByCategory: categoryHours(st), missing: missing))
            }
            figures[t.schoolId] = f
        }
        for (sid, byTier) in tiers {
            for (tier, tenths) in byTier { figures[sid]?.hoursByTier[String(tier), default: .zero] += Hours(tenths: tenths) }
        }
        var district = Figures(bands: bands.limits.count + 1)
        for s in reading.schools {
            guard let f = figures[s.id] else { continue }
            district.teachers += f.teachers
            district.belowMinimum += f.belowMinimum
            for i in f.byBand.indices { district.byBand[i] += f.byBand[i] }
            for (k, h) in f.hoursByTier { district.hoursByTier[k, default: .zero] += h }
            for (k, h) in f.hoursByCategory { district.hoursByCategory[k, default: .zero] += h }
        }
        below.sort { ($0.school, $0.id) < ($1.school, $1.id) }
        return HoursStatistics(
            year: year.description, bands: bands.labels, district: district,
            schools: reading.schools.map { School(id: $0.id, name: $0.name, figures: figures[$0.id]!) },
            belowMinimumTeachers: below)
    }

    /// A standing's hours per category name.
    public static func categoryHours(_ st: QuotaStanding) -> [String: Hours] {
        Dictionary(uniqueKeysWithValues: XinyuCore.Category.allCases.map { ($0.rawValue, st.hours($0)) })
    }
}
