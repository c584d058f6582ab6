import Certifications
import XinyuCore

/// Words the pages share, in both languages.
enum PageWords {
    static func status(_ s: CertStatus, _ lang: DashboardLanguage) -> String {
        switch s {
        case .none: lang.pick("未开始", "none")
        case .inTraining: lang.pick("培训中", "in training")
        case .eligible: lang.pick("已满足条件，待颁证", "eligible")
        case .certified: lang.pick("已持证", "certified")
        case .expiring: lang.pick("即将到期", "expiring")
        case .lapsed: lang.pick("已失效", "lapsed")
        }
    }

    /// A level's status with its reason, in words.
    static func reason(_ l: LevelStatus, _ lang: DashboardLanguage) -> String {
        let hours = "\(l.trackHours)/\(l.requiredHours)"
        switch l.status {
        case .certified:
            return lang.pick("证书有效期至 \(l.cycleEnd?.description ?? "—")", "certified until \(l.cycleEnd?.description ?? "—")")
        case .expiring:
            let renewal = "\(l.renewalHours ?? .zero)/\(l.renewalRequired)"
            return lang.pick(
                "\(l.cycleEnd?.description ?? "—") 到期，续证学时 \(renewal)",
                "expires \(l.cycleEnd?.description ?? "—"), renewal hours \(renewal)")
        case .eligible:
            return lang.pick("各项条件已满足（学时 \(hours)），等待颁证", "every requirement met (hours \(hours)); awaiting the award")
        case .lapsed, .inTraining, .none:
            var parts: [String] = []
            if l.status == .lapsed, let from = l.countsFrom {
                parts.append(lang.pick("\(from) 已失效，此后重新累计", "lapsed \(from); counting again since"))
            }
            parts.append(lang.pick("本级学时 \(hours)", "track hours \(hours)"))
            if !l.passed { parts.append(lang.pick("尚无考核通过记录", "no pass yet")) }
            return parts.joined(separator: lang.pick("；", "; "))
        }
    }

    static func role(_ r: Role, _ lang: DashboardLanguage) -> String {
        switch r {
        case .psychFulltime: lang.pick("专职心理教师", "full-time psych teacher")
        case .psychParttime: lang.pick("兼职心理教师", "part-time psych teacher")
        case .classTeacher: lang.pick("班主任", "class teacher")
        case .subjectTeacher: lang.pick("学科教师", "subject teacher")
        case .leader: lang.pick("分管领导", "leader")
        }
    }

    static func category(_ c: String, _ lang: DashboardLanguage) -> String {
        switch c {
        case "public": lang.pick("公需科目", "public")
        case "professional": lang.pick("专业科目", "professional")
        case "elective": lang.pick("个人选修", "elective")
        default: c
        }
    }
}
