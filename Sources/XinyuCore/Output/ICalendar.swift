import Foundation

/// Minimal RFC 5545 writing: text escaping, line folding at 75 octets, CRLF line ends.
public enum ICalendar {
    /// Escapes TEXT values: backslash, semicolon, comma, line breaks.
    public static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r\n", "\n", "\r": out += "\\n"
            default: out.append(c)
            }
        }
        return out
    }

    /// Folds one content line so no physical line exceeds 75 octets (continuations start with a space);
    /// never splits a UTF-8 character. Returns the line(s) with CRLF ends.
    public static func fold(_ line: String) -> String {
        var out = ""
        var current = 0
        var limit = 75
        for scalar in line.unicodeScalars {
            let n = String(scalar).utf8.count
            if current + n > limit {
                out += "\r\n "
                current = 1
                limit = 75
            }
            out.unicodeScalars.append(scalar)
            current += n
        }
        return out + "\r\n"
    }

    /// "20261122T075300Z"
    public static func stamp(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return f.string(from: date)
    }

    /// "20261015"
    public static func date(_ d: Day) -> String { d.description.replacingOccurrences(of: "-", with: "") }
}
