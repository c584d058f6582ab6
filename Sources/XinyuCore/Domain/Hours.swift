/// Hours as whole tenths (12.5 h is 125): sums never drift, and SQLite stores plain integers.
public struct Hours: Sendable, Hashable, Comparable, Codable, CustomStringConvertible,
    ExpressibleByIntegerLiteral, AdditiveArithmetic
{
    public var tenths: Int

    public init(tenths: Int) { self.tenths = tenths }
    public init(integerLiteral value: Int) { self.tenths = value * 10 }
    public static var zero: Hours { Hours(tenths: 0) }

    /// Parses a decimal with at most one fractional digit ("12", "12.5", "0.0"); no sign, no exponent.
    public init?(_ text: some StringProtocol) {
        var text = String(text)
        guard let h = text.withUTF8({ Hours(utf8: $0) }) else { return nil }
        self = h
    }

    /// The same rule on UTF-8 bytes (as libxml2 hands them over).
    public init?(utf8 s: UnsafeBufferPointer<UInt8>) {
        var whole = 0
        var frac = 0
        var seenDot = false
        var fracDigits = 0
        var digits = 0
        for c in s {
            if c == UInt8(ascii: ".") {
                if seenDot { return nil }
                seenDot = true
            } else if c >= 48 && c <= 57 {
                if seenDot {
                    fracDigits += 1
                    if fracDigits > 1 { return nil }
                    frac = Int(c - 48)
                } else {
                    digits += 1
                    if digits > 9 { return nil }
                    whole = whole * 10 + Int(c - 48)
                }
            } else {
                return nil
            }
        }
        if digits == 0 || (seenDot && fracDigits == 0) { return nil }
        self.tenths = whole * 10 + frac
    }

    /// "54.0"
    public var description: String { "\(tenths / 10).\(tenths % 10)" }

    /// As a Double, for JSON and charts only (never for sums).
    public var value: Double { Double(tenths) / 10 }

    public static func < (a: Hours, b: Hours) -> Bool { a.tenths < b.tenths }
    public static func + (a: Hours, b: Hours) -> Hours { Hours(tenths: a.tenths + b.tenths) }
    public static func - (a: Hours, b: Hours) -> Hours { Hours(tenths: a.tenths - b.tenths) }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let i = try? c.decode(Int.self) {
            tenths = i * 10
            return
        }
        let d = try c.decode(Double.self)
        tenths = Int((d * 10).rounded())
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(value)
    }
}
