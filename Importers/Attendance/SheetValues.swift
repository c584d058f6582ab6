import XinyuCore

/// The values a sign-in sheet's cells hold, read the way people type them in Excel or WPS.
enum SheetValues {
    /// `s` without white space at either end (the common case, none, costs one look at each end).
    static func trimmed(_ s: String) -> String {
        guard let first = s.first, let last = s.last else { return s }
        if !first.isWhitespace && !last.isWhitespace { return s }
        return s.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Full-width digits and punctuation (what a Chinese input method may type) as ASCII.
    static func halfWidth(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { (0xFF01...0xFF5E).contains($0.value) }) else { return s }
        return String(
            String.UnicodeScalarView(
                s.unicodeScalars.map { u in
                    (0xFF01...0xFF5E).contains(u.value) ? Unicode.Scalar(u.value - 0xFEE0)! : u
                }))
    }

    /// Hours with at most one decimal (`3`, `1.5`, `1.5小时`, `2 h`); nil when not such a number.
    static func hours(_ text: String) -> Hours? {
        if let h = Hours(text) { return h }
        var s = halfWidth(text).lowercased().trimmingCharacters(in: .whitespaces)
        for unit in ["小时", "学时", "课时", "hours", "hour", "hrs", "h"] where s.hasSuffix(unit) {
            s = String(s.dropLast(unit.count)).trimmingCharacters(in: .whitespaces)
            break
        }
        if s.contains("."), s.hasSuffix("0"), let dot = s.firstIndex(of: ".") {
            // 1.50 from a number format: drop zeros after the first decimal.
            while s.hasSuffix("0") && s.index(after: dot) < s.index(before: s.endIndex) { s.removeLast() }
        }
        return Hours(s)
    }

    /// A sign-in word: present, partly present, absent (or on leave), withdrawn. Case does not matter.
    static func status(_ text: String) -> AttendanceStatus? {
        if let known = statusWords[text] { return known }
        return statusWords[trimmed(halfWidth(text).lowercased())]
    }

    /// Every sign-in word, lower case, and what it means.
    static let statusWords: [String: AttendanceStatus] = {
        var m: [String: AttendanceStatus] = [:]
        for (words, status) in [
            (completedWords, AttendanceStatus.completed), (partialWords, .partial), (absentWords, .absent),
            (withdrawnWords, .withdrawn),
        ] {
            for w in words { m[w] = status }
        }
        return m
    }()

    static let completedWords = [
        "completed", "complete", "present", "attended", "yes", "y", "完成", "已完成", "出席", "到", "已到",
        "签到", "已签到", "是", "√", "✓", "✔", "☑", "有",
    ]
    static let partialWords = ["partial", "late", "left early", "部分", "部分出席", "迟到", "早退"]
    static let absentWords = [
        "absent", "leave", "no", "n", "缺席", "未到", "缺勤", "请假", "病假", "事假", "公假", "否", "×", "✗",
        "✘", "x", "无",
    ]
    static let withdrawnWords = ["withdrawn", "withdrew", "退出", "退训", "中途退出"]

    /// A result word: pass, fail, or none for an empty cell.
    static func result(_ text: String) -> CourseResult? {
        if text.isEmpty { return CourseResult.none }
        return switch halfWidth(text).lowercased().trimmingCharacters(in: .whitespaces) {
        case "": CourseResult.none
        case "pass", "passed", "合格", "通过", "及格", "优秀", "良好", "优", "良", "中": .pass
        case "fail", "failed", "不合格", "未通过", "不及格", "差": .fail
        case "none", "无", "-": CourseResult.none
        default: nil
        }
    }

    /// A date as `YYYY-MM-DD`, `YYYY/M/D`, `YYYY.M.D` or `YYYY年M月D日`.
    static func day(_ text: String) -> Day? {
        let s = halfWidth(text).trimmingCharacters(in: .whitespaces)
        if let d = Day(s) { return d }
        let parts = s.split(whereSeparator: { "/.-年月日".contains($0) }).map(String.init)
        guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
            let day = Day(year: y, month: m, day: d)
        else { return nil }
        return Day(day.description)
    }

    /// A name compared without spaces (`张 三` is `张三`).
    static func name(_ text: String) -> String {
        text.filter { !$0.isWhitespace }
    }
}
