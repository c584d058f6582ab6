/// Refuses free text that looks like it identifies a student (issue #19; DOMAIN.md "Privacy": the product stores
/// no student-identifying data). Names cannot be told from other words, so the forms say never to write one; what
/// can be told is a number:
///
/// - a Chinese resident ID-card number: 18 digits, the last possibly `X`, or the older 15 digits;
/// - a student number: any run of 8 or more digits (school rosters and the national 学籍号 use 8 to 19).
///
/// Digits are ASCII or full-width (０–９); single spaces inside a run are read through (`3301 0619 …`), dashes are
/// not, so a date written `2026-09-07` is fine while `20260907` is refused: write dates with dashes.
public enum StudentDataCheck {
    /// What the text looks like.
    public enum Finding: String, Sendable, Hashable {
        case idCardNumber = "a Chinese ID-card number"
        case studentNumber = "a student number"
    }

    /// The shortest run of digits taken for a student number.
    public static let studentNumberDigits = 8

    /// What `text` looks like, or nil when it holds no ID-like number.
    public static func finding(in text: String) -> Finding? {
        var run = 0
        var finding: Finding?
        var pendingSpace = false
        func close(endsInX: Bool) {
            defer { run = 0 }
            if run == 17 && endsInX || run == 18 || run == 15 {
                finding = .idCardNumber
            } else if run >= studentNumberDigits, finding == nil {
                finding = .studentNumber
            }
        }
        for ch in text {
            if let v = ch.unicodeScalars.first?.value, ch.unicodeScalars.count == 1,
                (0x30...0x39).contains(v) || (0xFF10...0xFF19).contains(v)
            {
                run += 1
                pendingSpace = false
            } else if ch == " " && run > 0 && !pendingSpace {
                pendingSpace = true
            } else {
                close(endsInX: ch == "X" || ch == "x" || ch == "Ｘ")
                pendingSpace = false
            }
            if finding == .idCardNumber { return finding }
        }
        close(endsInX: false)
        return finding
    }
}
