/// A certificate's verification code (issue #16): 26 characters of Crockford's base32, 130 random bits from the
/// system's cryptographic generator, unrelated to the award number, so a code cannot be guessed or derived.
///
/// Printed in groups of four (`7K3Q-…`); ``normalize(_:)`` takes it back in any case, with or without the dashes
/// or spaces, and reads `O` as `0` and `I`/`L` as `1`, as Crockford's alphabet intends for codes typed by hand.
public enum VerificationCode {
    /// Crockford's base32 alphabet (no I, L, O, U).
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    /// Characters in a code.
    public static let length = 26

    /// A new random code (130 bits).
    public static func generate() -> String {
        var rng = SystemRandomNumberGenerator()
        return String((0..<length).map { _ in alphabet[Int(rng.next() & 31)] })
    }

    /// The code in its stored form, or nil when `text` is not a code.
    public static func normalize(_ text: String) -> String? {
        var out = ""
        for c in text.uppercased() {
            switch c {
            case "-", " ": continue
            case "O": out.append("0")
            case "I", "L": out.append("1")
            default:
                guard alphabet.contains(c) else { return nil }
                out.append(c)
            }
            if out.count > length { return nil }
        }
        return out.count == length ? out : nil
    }

    /// The code in groups of four for print: `7K3Q-M2XD-…`.
    public static func grouped(_ code: String) -> String {
        var groups: [String] = []
        var rest = Substring(code)
        while !rest.isEmpty {
            groups.append(String(rest.prefix(4)))
            rest = rest.dropFirst(4)
        }
        return groups.joined(separator: "-")
    }
}
