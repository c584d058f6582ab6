import Foundation
import XinyuCore

/// The values a school's timetable file writes, as FET and Chinese schools write them: weekdays, periods and
/// class names. Each parser returns nil for text it does not understand (the importer words the row error).
enum TimetableValues {
    /// 星期一 / 周一 / 礼拜一 / Monday / Mon / 1 … → ISO weekday 1–7.
    static func weekday(_ raw: String) -> Int? {
        let t = normalized(raw).lowercased()
        if let n = Int(t), TimetableSlot.weekdays.contains(n) { return n }
        let english = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        if let i = english.firstIndex(where: { $0 == t || (t.count >= 3 && $0.hasPrefix(t)) }) { return i + 1 }
        for prefix in ["星期", "周", "礼拜"] where t.hasPrefix(prefix) {
            let rest = String(t.dropFirst(prefix.count))
            if rest == "日" || rest == "天" { return 7 }
            if let n = chineseNumber(rest) ?? Int(rest), (1...6).contains(n) { return n }
        }
        return nil
    }

    /// 第2节 / 第二节 / 2 / 08:55 / 8:55 / 08:55-09:40 → the rules' period number. A time names the period that
    /// starts then or, failing that, the period it falls in (from a period's start to the next one's).
    static func period(_ raw: String, starts: [Int]) -> Int? {
        var t = normalized(raw)
        if t.hasPrefix("第") { t.removeFirst() }
        for suffix in ["节课", "节", "课"] where t.hasSuffix(suffix) {
            t.removeLast(suffix.count)
            break
        }
        if let n = Int(t) ?? chineseNumber(t) { return TimetableSlot.periods.contains(n) ? n : nil }
        let start = t.split(whereSeparator: { $0 == "-" || $0 == "–" || $0 == "~" || $0 == "～" }).first.map(String.init) ?? t
        let parts = start.split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0...23).contains(h), (0...59).contains(m),
            parts[1].count == 2
        else { return nil }
        let minutes = h * 60 + m
        if let i = starts.firstIndex(of: minutes) { return i + 1 }
        for (i, s) in starts.enumerated() {
            let end = i + 1 < starts.count ? starts[i + 1] : s + 45
            if minutes > s && minutes < end { return i + 1 }
        }
        return nil
    }

    /// A class or a whole grade of `school`: `S0001-3-2`, `3-2`, `三(2)班`, `三年级2班`, `初一(3)班`, `高二5班`,
    /// `七年级(1)班`; a grade alone (`三年级`, `初一`, `3年级`) is every class of it. Returns the grade and the
    /// class number (nil: the whole grade), or nil when the text is none of these.
    static func studentSet(_ raw: String, school: String) -> (grade: Int, classNumber: Int?)? {
        var t = normalized(raw)
        if t.hasPrefix(school + "-") { t.removeFirst(school.count + 1) }
        let dashed = t.split(separator: "-", omittingEmptySubsequences: false)
        if dashed.count == 2, let g = Int(dashed[0]), let k = Int(dashed[1]) { return (g, k) }
        if dashed.count == 1, t.allSatisfy(\.isASCII), let g = Int(t) { return (g, nil) }
        guard let (grade, rest) = gradePrefix(t) else { return nil }
        var r = rest
        if r.hasPrefix("年级") { r.removeFirst(2) } else if r.hasPrefix("年") { r.removeFirst() }
        if r.isEmpty { return (grade, nil) }
        if r.hasSuffix("班") { r.removeLast() }
        if r.hasPrefix("(") && r.hasSuffix(")") { r = String(r.dropFirst().dropLast()) }
        guard let k = Int(r) ?? chineseNumber(r) else { return nil }
        return (grade, k)
    }

    /// 初一…初三 (7–9), 高一…高三 (10–12), 一…十二 or digits (as a grade level), and the text after it.
    private static func gradePrefix(_ t: String) -> (Int, String)? {
        for (prefix, base) in [("初", 6), ("高", 9)] where t.hasPrefix(prefix) {
            let rest = t.dropFirst()
            guard let c = rest.first, let n = chineseNumber(String(c)), (1...3).contains(n) else { return nil }
            return (base + n, String(rest.dropFirst()))
        }
        let digits = t.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, let g = Int(digits) { return (g, String(t.dropFirst(digits.count))) }
        for length in [2, 1] where t.count >= length {
            if let g = chineseNumber(String(t.prefix(length))) { return (g, String(t.dropFirst(length))) }
        }
        return nil
    }

    /// 一 … 十九 → 1 … 19.
    static func chineseNumber(_ t: String) -> Int? {
        let digits: [Character: Int] = ["一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]
        let c = Array(t)
        switch c.count {
        case 1: return c[0] == "十" ? 10 : digits[c[0]]
        case 2 where c[0] == "十": return digits[c[1]].map { 10 + $0 }
        default: return nil
        }
    }

    /// Full-width digits, letters, parentheses, colon and hyphen made ASCII; spaces removed.
    static func normalized(_ raw: String) -> String {
        var out = ""
        for u in raw.unicodeScalars {
            switch u.value {
            case 0xFF01...0xFF5E: out.unicodeScalars.append(Unicode.Scalar(u.value - 0xFEE0)!)
            case 0x3000, 0x20, 0x09, 0xA0: continue
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// A cell listing several names (FET joins them with `+`; `、`, `，` and `;` are accepted too).
    static func list(_ raw: String) -> [String] {
        raw.split(whereSeparator: { "+、，;；".contains($0) })
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
    }
}
