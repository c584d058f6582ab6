/// Identifiers in feeds and the store: `[A-Za-z0-9._-]{1,64}` (FEED-FORMAT.md).
public enum Identifier {
    /// The most bytes an identifier has.
    public static let maxLength = 64

    /// The rule in words, as rejections quote it.
    public static let rule = "[A-Za-z0-9._-]{1,64}"

    public static func isValid(_ s: some StringProtocol) -> Bool {
        var s = String(s)
        return s.withUTF8 { isValid(utf8: $0) }
    }

    /// The same rule on UTF-8 bytes (as libxml2 hands them over).
    public static func isValid(utf8 u: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !u.isEmpty, u.count <= maxLength else { return false }
        for c in u {
            switch c {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
                continue
            default:
                return false
            }
        }
        return true
    }
}
