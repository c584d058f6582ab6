import Hummingbird

/// The dashboard's language: zh-Hans by default, English with `?lang=en`.
public enum DashboardLanguage: String, Sendable {
    case zh, en

    init(query: String?) { self = query?.lowercased().hasPrefix("en") == true ? .en : .zh }

    /// The page language a request asks for with `?lang=`: English for `en…`, Chinese for anything else, an empty
    /// value included. A page preference never makes a request fail (unlike the API's parameters,
    /// ``Request/query(_:)``): a form posted from a page with `?lang=` left empty still does its work.
    init(_ request: Request) { self.init(query: request.uri.queryParameters.get("lang")) }

    var htmlLang: String { self == .zh ? "zh-Hans" : "en" }

    func t(_ key: Key) -> String {
        switch self {
        case .zh: key.zh
        case .en: key.en
        }
    }

    enum Key {
        case title, asOf, coverage, coverageNote, noPsych, noPsychNone, expiring, expiringNone, quota, quotaNote
        case school, teacher, level, ends, target, noData, switchLang, teachers, meetsAll, wholeStaff, legend

        var zh: String {
            switch self {
            case .title: "心理健康教育 · 区级总览"
            case .asOf: "统计日期"
            case .coverage: "各校持证覆盖率（C / B / A，对照目标）"
            case .coverageNote: "在职教师中持有相应等级及以上证书的比例；虚线为目标。"
            case .noPsych: "没有合格心理教师（B 级及以上专兼职）的学校"
            case .noPsychNone: "每所学校都有合格心理教师。"
            case .expiring: "180 天内到期的教师"
            case .expiringNone: "180 天内没有到期的证书。"
            case .quota: "培训定额达标情况"
            case .quotaNote: "同时达到学时与专业培训次数要求的在职教师比例。"
            case .school: "学校"
            case .teacher: "教师"
            case .level: "等级"
            case .ends: "到期日"
            case .target: "目标"
            case .noData: "暂无数据"
            case .switchLang: "English"
            case .teachers: "在职教师"
            case .meetsAll: "达标"
            case .wholeStaff: "全员培训"
            case .legend: "图例"
            }
        }

        var en: String {
            switch self {
            case .title: "Mental-health education · district overview"
            case .asOf: "As of"
            case .coverage: "Certification coverage by school (C / B / A against targets)"
            case .coverageNote: "Share of active teachers holding the level or higher; dashed lines are the targets."
            case .noPsych: "Schools with no qualified psych teacher (full- or part-time, level B or A)"
            case .noPsychNone: "Every school has a qualified psych teacher."
            case .expiring: "Teachers expiring within 180 days"
            case .expiringNone: "No certificate expires within 180 days."
            case .quota: "Training quota compliance"
            case .quotaNote: "Share of active teachers meeting both the hours and the professional-session quotas."
            case .school: "School"
            case .teacher: "Teacher"
            case .level: "Level"
            case .ends: "Ends"
            case .target: "Target"
            case .noData: "No data yet"
            case .switchLang: "中文"
            case .teachers: "Active teachers"
            case .meetsAll: "Meet quota"
            case .wholeStaff: "Whole-staff"
            case .legend: "Legend"
            }
        }
    }
}
