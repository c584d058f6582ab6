import Foundation
import XinyuCore

/// The printable 教案 of a lesson plan or activity (issue #19): one A4 page (print stylesheet) with the
/// objectives, the steps with their timing, the materials and a blank box for the reflection after class
/// (课后反思). Every value is HTML-escaped.
public enum LessonSheet {
    /// The page of `document`.
    public static func html(_ document: LibraryDocument) -> String {
        let e = document.entry
        let title = document.lesson?.title ?? document.activity?.name ?? e.title
        let titleEn = document.lesson?.titleEn ?? document.activity?.nameEn ?? e.titleEn
        var meta = ["来源 Source: \(sourceLabel(e))"]
        if document.version > 0 { meta.append("版本 Version \(document.version)") }
        var body = ""
        if let l = document.lesson {
            let grades = l.grades ?? Array(l.band.grades)
            meta.insert("学段 Band: \(l.band.rawValue)（\(grades.map(String.init).joined(separator: "、")) 年级）", at: 0)
            meta.insert("主题 Theme: \(l.theme.rawValue)", at: 1)
            meta.append("时长 \(l.minutes) 分钟")
            let (warm, main, close) = timing(l.minutes)
            body += section("教学目标 Objectives", "<ol>" + l.objectives.map { "<li>\(esc($0))</li>" }.joined() + "</ol>")
            body += section(
                "教学过程 Steps",
                """
                <table class="steps"><thead><tr><th>环节</th><th>时间</th><th>内容</th></tr></thead><tbody>\
                <tr><td>暖身 Warm-up</td><td>\(warm) 分钟</td><td>\(esc(l.warmUp))</td></tr>\
                <tr><td>主体活动 Main (\(esc(l.main.form.rawValue)))</td><td>\(main) 分钟</td>\
                <td>\(esc(l.main.description))</td></tr>\
                <tr><td>结束 Closing</td><td>\(close) 分钟</td><td>\(esc(l.closing))</td></tr>\
                </tbody></table>
                """)
            body += section(
                "教具 Materials",
                l.materials.isEmpty ? "<p>—</p>" : "<ul>" + l.materials.map { "<li>\(esc($0))</li>" }.joined() + "</ul>")
        } else if let a = document.activity {
            meta.append("人数 \(a.minSize)–\(a.maxSize) 人 · \(a.sessions) 次 · 每次 \(a.minutes) 分钟")
            meta.append("带领者 Facilitator ≥ \(a.facilitatorLevel.rawValue)")
            body += section("活动说明 Description", "<p>\(esc(a.description))</p>")
            body += section(
                "记录提示 Note", "<p>只记人数，不写学生姓名或学号。Record the number of participants only, never a name or number.</p>")
        }
        body += section("课后反思 Reflection", "<div class=\"reflection\"></div>")
        return """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>\(esc(title)) — 教案</title>
            <style>
            @page { size: A4; margin: 18mm 16mm; }
            body { font-family: "Noto Serif CJK SC", "Songti SC", serif; font-size: 11pt; color: #000; max-width: 178mm; \
            margin: 0 auto; }
            h1 { font-size: 18pt; margin: 0 0 2mm; } h2 { font-size: 12.5pt; border-bottom: 1px solid #444; \
            margin: 5mm 0 2mm; }
            .en { color: #444; font-size: 11pt; margin: 0 0 3mm; } .meta { font-size: 10pt; color: #333; }
            table.steps { width: 100%; border-collapse: collapse; } table.steps td, table.steps th { \
            border: 1px solid #666; padding: 1.5mm 2mm; vertical-align: top; text-align: left; }
            table.steps td:nth-child(2) { white-space: nowrap; }
            .reflection { border: 1px solid #000; height: 60mm; }
            @media print { a { color: #000; text-decoration: none; } section { break-inside: avoid; } }
            </style></head>
            <body>
            <h1>\(esc(title))</h1>
            <p class="en">\(esc(titleEn)) · \(esc(e.id))</p>
            <p class="meta">\(meta.map(esc).joined(separator: " · "))</p>
            \(body)
            </body></html>

            """
    }

    /// Minutes of warm-up, main activity and closing: about a sixth, the rest, and a sixth of the lesson.
    static func timing(_ minutes: Int) -> (Int, Int, Int) {
        let edge = max(3, (minutes + 3) / 6)
        return (edge, minutes - 2 * edge, edge)
    }

    static func sourceLabel(_ e: LibraryEntry) -> String {
        switch e.source {
        case .bundled: return "心育课程库 bundled"
        case .district: return "区级课程库 district"
        case .school:
            let school = e.school ?? ""
            return e.state == .approved ? "区级课程库（\(school) 校本）district, from \(school)" : "校本 school \(school)"
        }
    }

    static func section(_ title: String, _ inner: String) -> String {
        "<section><h2>\(esc(title))</h2>\(inner)</section>\n"
    }

    /// HTML-escapes text for element content and attribute values.
    public static func esc(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.count)
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
