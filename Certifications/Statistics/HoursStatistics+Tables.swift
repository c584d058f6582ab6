import XinyuCore

extension HoursStatistics {
    /// The name of a tier code in `lang`.
    public static func tierName(_ code: String, _ lang: ReportLanguage) -> String {
        switch code {
        case "10": lang.pick("国家级", "national")
        case "20": lang.pick("省级", "provincial")
        case "30": lang.pick("地市级", "municipal")
        case "40": lang.pick("县级", "county")
        case "60": lang.pick("校级", "school")
        default: lang.pick("其他", "other")
        }
    }

    /// The name of a category in `lang`.
    public static func categoryName(_ c: XinyuCore.Category, _ lang: ReportLanguage) -> String {
        switch c {
        case .public: lang.pick("公需", "public")
        case .professional: lang.pick("专业", "professional")
        case .elective: lang.pick("选修", "elective")
        }
    }

    /// The report's title, e.g. "2025-2026学年 教师继续教育学时统计".
    public func title(_ lang: ReportLanguage) -> String {
        lang.pick("\(year)学年 教师继续教育学时统计", "Continuing-education hours, school year \(year)")
    }

    /// The cells of one line (school or district) after its id and name: teachers, the bands, tiers, categories,
    /// total hours, below minimum.
    public static func cells(_ f: Figures) -> [String] {
        [String(f.teachers)] + f.byBand.map(String.init)
            + tierKeys.map { (f.hoursByTier[$0] ?? .zero).description }
            + XinyuCore.Category.allCases.map { (f.hoursByCategory[$0.rawValue] ?? .zero).description }
            + [f.totalHours.description, String(f.belowMinimum)]
    }

    /// The column names after id and name, as ``cells(_:)`` fills them.
    public func figureHeaders(_ lang: ReportLanguage) -> [String] {
        [lang.pick("教师数", "teachers")] + bands + Self.tierKeys.map { Self.tierName($0, lang) }
            + XinyuCore.Category.allCases.map { Self.categoryName($0, lang) }
            + [lang.pick("合计学时", "total h"), lang.pick("不达标", "below minimum")]
    }

    /// One line per school and the district's (table and CSV).
    public func schoolTable(_ lang: ReportLanguage) -> TextTable {
        let rows =
            schools.map { [$0.id, $0.name] + Self.cells($0.figures) }
            + [[lang.pick("全区合计", "district"), ""] + Self.cells(district)]
        let width = 2 + figureHeaders(lang).count
        return TextTable(
            headers: [lang.pick("学校代码", "school"), lang.pick("学校名称", "name")] + figureHeaders(lang),
            rows: rows, numeric: Set(2..<width))
    }

    /// The teachers below the yearly minimum (不达标名单) with the hours they lack (table and CSV).
    public func belowMinimumTable(_ lang: ReportLanguage) -> TextTable {
        let cats = XinyuCore.Category.allCases
        return TextTable(
            headers: [
                lang.pick("教师编号", "teacher"), lang.pick("姓名", "name"), lang.pick("学校代码", "school"),
                lang.pick("学校名称", "school name"), lang.pick("已计学时", "hours"),
            ]
                + cats.map { Self.categoryName($0, lang) } + [lang.pick("尚缺", "missing")],
            rows: belowMinimumTeachers.map { t in
                [t.id, t.name, t.school, t.schoolName, t.hours.description]
                    + cats.map { (t.hoursByCategory[$0.rawValue] ?? .zero).description }
                    + [t.missing.words(lang, sessions: false)]
            },
            numeric: Set(4..<(5 + cats.count)))
    }
}

extension QuotaMissing {
    /// What is missing in words, in `lang`: "公需 6.0 学时，合计 10.0 学时，专业培训 2 次" (the hour gaps, then the
    /// sessions), or "—" when nothing is.
    public func words(_ lang: ReportLanguage, sessions withSessions: Bool = true) -> String {
        guard lang == .zh else {
            let s =
                withSessions
                ? summary
                : QuotaMissing(
                    public: `public`, professional: professional, elective: elective,
                    total: total, sessions: 0
                ).summary
            return s
        }
        var parts: [String] = []
        if `public`.tenths > 0 { parts.append("公需 \(`public`) 学时") }
        if professional.tenths > 0 { parts.append("专业 \(professional) 学时") }
        if elective.tenths > 0 { parts.append("选修 \(elective) 学时") }
        if total.tenths > 0 { parts.append("合计 \(total) 学时") }
        if withSessions && sessions > 0 { parts.append("专业培训 \(sessions) 次") }
        return parts.isEmpty ? "—" : parts.joined(separator: "，")
    }
}
