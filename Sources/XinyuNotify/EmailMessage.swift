import Foundation

/// A notice as an RFC 5322 message for `sendmail -t -i`: UTF-8 text (8bit), the subject as an RFC 2047 encoded
/// word, marked `Auto-Submitted: auto-generated` so that mail systems do not answer it automatically.
enum EmailMessage {
    /// The message bytes. Header values come from the notify file (checked for line breaks when loaded) and from
    /// the notice; line breaks are removed from them here as well.
    static func make(
        from sender: String, to address: String, subject: String, body: String, id: Int64,
        date: Date
    ) -> Data {
        func clean(_ s: String) -> String {
            s.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        }
        let domain =
            sender.split(separator: "@").last.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "> ")) }
            ?? "localhost"
        var text = ""
        text += "From: \(clean(sender))\r\n"
        text += "To: \(clean(address))\r\n"
        text += "Subject: \(encodedWord(clean(subject)))\r\n"
        text += "Date: \(rfc5322(date))\r\n"
        text += "Message-ID: <xinyu-notice-\(id).\(Int(date.timeIntervalSince1970))@\(domain)>\r\n"
        text += "MIME-Version: 1.0\r\n"
        text += "Content-Type: text/plain; charset=UTF-8\r\n"
        text += "Content-Transfer-Encoding: 8bit\r\n"
        text += "Auto-Submitted: auto-generated\r\n"
        text += "\r\n"
        text += body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n") + "\r\n"
        return Data(text.utf8)
    }

    /// `=?UTF-8?B?…?=` words of at most 45 bytes of text each (RFC 2047), or the text itself when it is ASCII.
    static func encodedWord(_ s: String) -> String {
        if s.allSatisfy({ $0.isASCII }) { return s }
        var words: [String] = []
        var chunk = ""
        for c in s {
            if chunk.utf8.count + String(c).utf8.count > 45 {
                words.append(chunk)
                chunk = ""
            }
            chunk.append(c)
        }
        if !chunk.isEmpty { words.append(chunk) }
        return words.map { "=?UTF-8?B?" + Data($0.utf8).base64EncodedString() + "?=" }.joined(separator: "\r\n ")
    }

    /// `Tue, 03 Mar 2026 08:00:00 +0000`.
    static func rfc5322(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return f.string(from: date)
    }
}
