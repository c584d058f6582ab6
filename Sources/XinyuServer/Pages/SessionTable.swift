import Curriculum

/// A table of scheduled sessions (date, time, class, lesson, and the teacher when asked).
enum SessionTable {
    static func render(_ sessions: [ScheduleView.Session], lang: DashboardLanguage, withTeacher: Bool) -> String {
        let e = HTML.escape
        if sessions.isEmpty { return "<p>\(e(lang.pick("没有即将进行的课。", "No coming lessons.")))</p>\n" }
        var s =
            "<table><tr><th>\(e(lang.pick("日期", "Date")))</th><th>\(e(lang.pick("时间", "Time")))</th>"
            + "<th>\(e(lang.pick("班级", "Class")))</th><th>\(e(lang.pick("内容", "Lesson")))</th>"
            + (withTeacher ? "<th>\(e(lang.t(.teacher)))</th>" : "") + "</tr>\n"
        for x in sessions {
            let title = lang == .en && !x.titleEn.isEmpty ? x.titleEn : x.title
            s +=
                "<tr><td>\(e(x.date))</td><td>\(e(x.start))–\(e(x.end))</td><td>\(e(x.class))</td><td>\(e(title))</td>"
                + (withTeacher ? "<td>\(e(x.teacherName))</td>" : "") + "</tr>\n"
        }
        return s + "</table>\n"
    }
}
