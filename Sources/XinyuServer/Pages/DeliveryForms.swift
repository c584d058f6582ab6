import Curriculum
import Foundation
import XinyuCore

/// Issue #19's page sections: a teacher's sessions with the form recording each (on `/me`), and a school's
/// delivery rate with its group-guidance runs and their form (on `/schools/{id}`). Forms carry the session's form
/// token; a bearer-token caller sees the tables without forms.
enum DeliveryForms {
    static func outcome(_ s: DeliverySession, _ lang: DashboardLanguage) -> String {
        switch s.outcome {
        case "given": lang.pick("已上", "given")
        case "not given": lang.pick("未上", "not given") + (s.reason.map { "（\(reason($0, lang))）" } ?? "")
        default: lang.pick("未记录", "not recorded")
        }
    }

    static func reason(_ r: String, _ lang: DashboardLanguage) -> String {
        switch r {
        case "exam": lang.pick("考试", "exam")
        case "holiday": lang.pick("假期", "holiday")
        case "event": lang.pick("活动", "event")
        case "illness": lang.pick("病假", "illness")
        default: lang.pick("其他", "other")
        }
    }

    /// The teacher's due lessons, newest first, each with its state and (with a form token) a form.
    static func teacherSection(
        _ sessions: [DeliverySession], lang: DashboardLanguage, formToken: String?
    ) -> String {
        let e = HTML.escape
        var s = "<section id=\"deliveries\"><h2>\(e(lang.pick("课后记录", "Lessons given")))</h2>\n"
        let note = lang.pick(
            "只有记录为“已上”的课计入 A 级实践课时。反思中不要写学生的姓名或学号。",
            "Only lessons recorded as given count toward level A practice. "
                + "Never write a student's name or number in the reflection.")
        s += "<p class=\"note\">\(e(note))</p>\n"
        if sessions.isEmpty { return s + "<p>\(e(lang.pick("还没有到期的课。", "No lessons due yet.")))</p></section>\n" }
        s +=
            "<table><tr><th>\(e(lang.pick("课次", "Session")))</th><th>\(e(lang.pick("内容", "Lesson")))</th>"
            + "<th>\(e(lang.pick("记录", "Record")))</th><th></th></tr>\n"
        for x in sessions {
            s += "<tr><td>\(e(x.session.description))</td><td>\(e(x.lessonId))</td><td>\(e(outcome(x, lang)))</td><td>"
            if let token = formToken {
                let reasons = DeliveryReason.allCases.map {
                    "<option value=\"\($0.rawValue)\">\(e(reason($0.rawValue, lang)))</option>"
                }.joined()
                s +=
                    "<form method=\"post\" action=\"/me/deliveries\">"
                    + "<input type=\"hidden\" name=\"form\" value=\"\(e(token))\">"
                    + "<input type=\"hidden\" name=\"lang\" value=\"\(lang.rawValue)\">"
                    + "<input type=\"hidden\" name=\"session\" value=\"\(e(x.session.description))\">"
                    + "<select name=\"outcome\"><option value=\"given\">\(e(lang.pick("已上", "given")))</option>"
                    + "<option value=\"not-given\">\(e(lang.pick("未上", "not given")))</option></select> "
                    + "<select name=\"reason\">"
                    + "<option value=\"\">\(e(lang.pick("（未上原因）", "(reason if not)")))</option>"
                    + reasons + "</select> "
                    + "<input name=\"reflection\" maxlength=\"\(Curriculum.maxNoteLength)\" "
                    + "placeholder=\"\(e(lang.pick("课后反思（勿写学生姓名或学号）", "reflection (no student names or numbers)")))\"> "
                    + "<button type=\"submit\">\(e(lang.pick("记录", "Record")))</button></form>"
            }
            s += "</td></tr>\n"
        }
        return s + "</table></section>\n"
    }

    /// The term's delivery rate by class and by teacher.
    static func rates(_ rates: DeliveryRates?, lang: DashboardLanguage) -> String {
        let e = HTML.escape
        var s = "<section id=\"delivery\"><h2>\(e(lang.pick("授课完成率", "Delivery rate")))</h2>\n"
        guard let rates else { return s + "<p>\(e(lang.pick("没有已排的课表。", "No stored schedule.")))</p></section>\n" }
        let note = lang.pick(
            "\(rates.term) 学期截至 \(rates.asOf)：已上 ÷ 应上（未记录的课算未上）。",
            "Term \(rates.term) up to \(rates.asOf): given ÷ due (lessons not recorded count as not given).")
        s += "<p class=\"note\">\(e(note))</p>\n"
        func table(_ title: String, _ lines: [DeliveryRates.Line], names: Bool) -> String {
            var t =
                "<h3>\(e(title))</h3><table><tr><th>\(e(names ? lang.t(.teacher) : lang.pick("班级", "Class")))</th>"
                + "<th>\(e(lang.pick("应上", "Due")))</th><th>\(e(lang.pick("已上", "Given")))</th>"
                + "<th>\(e(lang.pick("未上", "Not given")))</th><th>\(e(lang.pick("未记录", "Not recorded")))</th>"
                + "<th>\(e(lang.pick("完成率", "Rate")))</th></tr>\n"
            let rows = lines.map { l in (names && !l.name.isEmpty ? "\(l.id) \(l.name)" : l.id, l) }
            for (label, l) in rows + [(lang.pick("全校", "Whole school"), rates.total)] {
                t +=
                    "<tr><td>\(e(label))</td><td>\(l.due)</td><td>\(l.given)</td><td>\(l.notGiven)</td>"
                    + "<td>\(l.unrecorded)</td><td>\(percent(l.rate))</td></tr>\n"
            }
            return t + "</table>\n"
        }
        s += table(lang.pick("按班级", "By class"), rates.byClass, names: false)
        s += table(lang.pick("按教师", "By teacher"), rates.byTeacher, names: true)
        return s + "</section>\n"
    }

    /// A rate as a percentage with one decimal, `-` when nothing is due.
    static func percent(_ rate: Double?) -> String {
        rate.map { String(format: "%.1f%%", 100 * $0) } ?? "-"
    }

    /// The school year's group-guidance runs and (with a form token) the form recording one.
    static func groupSection(
        school: String, runs: [GroupRun], activities: [GroupActivity], teachers: [(id: String, name: String)],
        lang: DashboardLanguage, formToken: String?
    ) -> String {
        let e = HTML.escape
        var s = "<section id=\"groups\"><h2>\(e(lang.pick("团体辅导记录", "Group guidance run")))</h2>\n"
        if runs.isEmpty {
            s += "<p>\(e(lang.pick("本学年还没有记录。", "None recorded this school year.")))</p>\n"
        } else {
            s +=
                "<table><tr><th>\(e(lang.pick("日期", "Date")))</th><th>\(e(lang.pick("活动", "Activity")))</th>"
                + "<th>\(e(lang.pick("辅导教师", "Facilitator")))</th><th>\(e(lang.pick("人数", "Participants")))</th>"
                + "<th>\(e(lang.pick("备注", "Notes")))</th></tr>\n"
            for r in runs {
                s +=
                    "<tr><td>\(e(r.date.description))</td><td>\(e(r.activityId))</td><td>\(e(r.facilitatorId))</td>"
                    + "<td>\(r.participants)</td><td>\(e(r.notes ?? ""))</td></tr>\n"
            }
            s += "</table>\n"
        }
        guard let token = formToken else { return s + "</section>\n" }
        let options = activities.map {
            "<option value=\"\(e($0.id))\">\(e(lang == .en ? $0.nameEn : $0.name)) (\($0.minSize)–\($0.maxSize))</option>"
        }.joined()
        let people = teachers.map { "<option value=\"\(e($0.id))\">\(e($0.id)) \(e($0.name))</option>" }.joined()
        s += """
            <form method="post" action="/schools/\(e(school))/group-runs">\
            <input type="hidden" name="form" value="\(e(token))"><input type="hidden" name="lang" value="\(lang.rawValue)">
            <label>\(e(lang.pick("日期", "Date"))) <input name="date" type="date" required></label>
            <label>\(e(lang.pick("活动", "Activity"))) <select name="activity">\(options)</select></label>
            <label>\(e(lang.pick("辅导教师", "Facilitator"))) <select name="facilitator">\(people)</select></label>
            <label>\(e(lang.pick("参加人数（只填人数，不记姓名）", "Participants (a count only, never names)"))) \
            <input name="participants" type="number" min="1" required></label>
            <label>\(e(lang.pick("备注（不要写学生的姓名或学号）", "Notes (never a student's name or number)"))) \
            <input name="notes" maxlength="\(Curriculum.maxNoteLength)"></label>
            <button type="submit">\(e(lang.pick("记录", "Record")))</button></form>

            """
        return s + "</section>\n"
    }
}
