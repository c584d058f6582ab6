import Certifications
import XinyuCore

/// The words of each notice, in Chinese or English: what is missing and by when (issue #16). The body is plain
/// text whose bold first line reads as Markdown in the group robots.
enum NoticeText {
    typealias Text = (subject: String, body: String)

    /// `2026年6月1日`.
    static func zh(_ d: Day) -> String { CertificatePage.chineseDate(d) }

    /// A certificate whose current cycle ends soon with renewal hours short.
    static func expiry(
        name: String, level: Level, end: Day, daysLeft: Int, renewal: Hours, required: Hours,
        _ lang: ReportLanguage
    ) -> Text {
        let short = required - renewal
        let last = end.adding(days: -1)
        let l = level.rawValue
        if lang == .en {
            return (
                "[Xinyu] Your level \(l) certificate ends on \(end)",
                """
                Dear \(name),
                your level \(l) mental-health education certificate is valid until \(end) \
                (\(daysLeft) days from now).
                Renewal hours this cycle: \(renewal) of \(required) h — \(short) h still missing.
                Complete and record \(short) h of mental-health training (tracks A, B, C or cpd) by \(last), \
                or the certificate lapses on \(end).
                """
            )
        }
        return (
            "【心育】您的\(l)级证书将于\(zh(end))到期",
            """
            \(name)老师：
            您的\(l)级心理健康教育教师证书本期有效期至\(zh(end))（还有 \(daysLeft) 天）。
            本期续证学时：已计 \(renewal) 学时，需 \(required) 学时，尚缺 \(short) 学时。
            请于\(zh(last))前完成并登记 \(short) 学时心理健康教育培训（A、B、C 级或 cpd 课程），\
            否则证书将于\(zh(end))失效。
            """
        )
    }

    /// A certificate that has just lapsed.
    static func lapsed(
        name: String, level: Level, on day: Day, trackHours: Hours, required: Hours, passRequired: Bool,
        passed: Bool, _ lang: ReportLanguage
    ) -> Text {
        let short = max(.zero, required - trackHours)
        let l = level.rawValue
        if lang == .en {
            var need = "\(short) h of level \(l) training"
            if passRequired && !passed { need += " and a pass in a level \(l) course" }
            return (
                "[Xinyu] Your level \(l) certificate lapsed on \(day)",
                """
                Dear \(name),
                your level \(l) mental-health education certificate lapsed on \(day): \
                its renewal hours were not reached.
                Level \(l) training since then: \(trackHours) of \(required) h.
                To be certified again you need \(need), then a new award; \
                please register for the next level \(l) course.
                """
            )
        }
        var need = "\(l)级培训 \(short) 学时"
        if passRequired && !passed { need += "并通过\(l)级课程考核" }
        return (
            "【心育】您的\(l)级证书已于\(zh(day))失效",
            """
            \(name)老师：
            您的\(l)级心理健康教育教师证书因续证学时不足，已于\(zh(day))失效。
            失效后已计\(l)级培训 \(trackHours) 学时，需 \(required) 学时。
            重新取得证书尚需：\(need)，再申领新证书；请尽快报名下一期\(l)级培训。
            """
        )
    }

    /// A teacher behind on the school year's hours or sessions.
    static func behind(
        name: String, year: SchoolYear, asOf: Day, hours: [String: Hours], total: Hours, sessions: Int,
        missing: QuotaMissing, _ lang: ReportLanguage
    ) -> Text {
        let h = { (c: XinyuCore.Category) in hours[c.rawValue] ?? .zero }
        if lang == .en {
            return (
                "[Xinyu] Training hours \(year): still missing",
                """
                Dear \(name),
                school year \(year), as of \(asOf): \(total) h counted (public \(h(.public)), \
                professional \(h(.professional)), elective \(h(.elective))), \
                \(sessions) professional session\(sessions == 1 ? "" : "s").
                Still missing: \(missing.summary).
                Please complete them by \(year.last), the end of the school year.
                """
            )
        }
        return (
            "【心育】\(year)学年继续教育学时尚未达标",
            """
            \(name)老师：
            \(year)学年截至\(zh(asOf))，您已计 \(total) 学时\
            （公需 \(h(.public))，专业 \(h(.professional))，选修 \(h(.elective))），专业培训 \(sessions) 次。
            尚缺：\(missing.words(.zh))。
            请于\(zh(year.last))（学年结束）前完成。
            """
        )
    }

    /// One line of a digest's list.
    struct DigestExpiring: Sendable {
        var name: String
        var level: Level
        var end: Day
        var short: Hours
    }

    struct DigestBehind: Sendable {
        var name: String
        var total: Hours
        var missing: QuotaMissing
    }

    /// One course (a sheet, or a teacher's submission) with records awaiting the school's approval.
    struct DigestAwaiting: Sendable {
        var course: String
        var title: String
        var date: Day
        var records: Int
        /// The teacher's name when the course has one record (a submission).
        var teacher: String?
    }

    /// Lines of a list shown in a digest before "and N more".
    static let digestListLimit = 30

    /// A school's weekly digest for its school-admins.
    static func digest(
        school: String, asOf: Day, year: SchoolYear, expiring: [DigestExpiring], behind: [DigestBehind]?,
        teachers: Int, awaiting: [DigestAwaiting], _ lang: ReportLanguage
    ) -> Text {
        let en = lang == .en
        var lines: [String] = []
        lines.append(en ? "Weekly digest of \(school), as of \(asOf):" : "\(school) 本周简报（截至\(zh(asOf))）：")
        lines.append(
            en
                ? "Certificates expiring (renewal hours short): \(expiring.count)"
                : "即将到期（续证学时不足）：\(expiring.count) 人")
        for e in expiring.prefix(digestListLimit) {
            lines.append(
                en
                    ? "- \(e.name): level \(e.level.rawValue), ends \(e.end), \(e.short) h short"
                    : "- \(e.name)：\(e.level.rawValue)级，\(zh(e.end))到期，尚缺 \(e.short) 学时")
        }
        if expiring.count > digestListLimit {
            lines.append(en ? "- and \(expiring.count - digestListLimit) more" : "- 另有 \(expiring.count - digestListLimit) 人")
        }
        if let behind {
            lines += behindLines(behind, year: year, teachers: teachers, lang)
        }
        lines += awaitingLines(awaiting, lang)
        lines.append(en ? "Details: your school's page in Xinyu." : "详情请登录心育查看本校页面。")
        return (en ? "[Xinyu] Weekly digest: \(school)" : "【心育】\(school) 每周简报", lines.joined(separator: "\n"))
    }

    /// A digest's lines on what awaits the school's approval: the records' count, then one line per course
    /// (oldest first), naming the teacher of a single record.
    static func awaitingLines(_ awaiting: [DigestAwaiting], _ lang: ReportLanguage) -> [String] {
        let en = lang == .en
        let total = awaiting.reduce(0) { $0 + $1.records }
        var lines = [en ? "Training records awaiting your approval: \(total)" : "待您审批的培训记录：\(total) 条"]
        for a in awaiting.prefix(digestListLimit) {
            let who = a.teacher.map { en ? ", \($0)" : "，\($0)" } ?? ""
            lines.append(
                en
                    ? "- \(a.date) \(a.title) (\(a.course)): \(a.records) record\(a.records == 1 ? "" : "s")\(who)"
                    : "- \(zh(a.date)) \(a.title)（\(a.course)）：\(a.records) 条\(who)")
        }
        if awaiting.count > digestListLimit {
            let more = awaiting.count - digestListLimit
            lines.append(en ? "- and \(more) more courses" : "- 另有 \(more) 个培训")
        }
        return lines
    }

    /// A digest's lines on who is behind this school year.
    static func behindLines(_ behind: [DigestBehind], year: SchoolYear, teachers: Int, _ lang: ReportLanguage) -> [String] {
        let en = lang == .en
        var lines = [
            en
                ? "Behind on the \(year) hours or sessions: \(behind.count) of \(teachers)"
                : "\(year)学年学时或培训次数未达标：\(behind.count) 人（共 \(teachers) 人）"
        ]
        for b in behind.prefix(digestListLimit) {
            lines.append(
                en
                    ? "- \(b.name): \(b.total) h, missing \(b.missing.summary)"
                    : "- \(b.name)：已计 \(b.total) 学时，尚缺 \(b.missing.words(.zh))")
        }
        if behind.count > digestListLimit {
            lines.append(en ? "- and \(behind.count - digestListLimit) more" : "- 另有 \(behind.count - digestListLimit) 人")
        }
        return lines
    }
}
