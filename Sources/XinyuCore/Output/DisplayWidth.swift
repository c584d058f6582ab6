/// Terminal display width: East Asian wide and fullwidth characters take two columns (UAX #11, simplified).
public enum DisplayWidth {
    public static func of(_ s: String) -> Int {
        // ASCII other than NUL (ids, codes, English) is one column a byte; only other text is read scalar by scalar.
        if !s.utf8.contains(where: { $0 >= 0x80 || $0 == 0 }) { return s.utf8.count }
        var w = 0
        for scalar in s.unicodeScalars { w += width(scalar) }
        return w
    }

    public static func width(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if v == 0 || (v >= 0x300 && v <= 0x36F) || v == 0x200B || (v >= 0xFE00 && v <= 0xFE0F) { return 0 }
        if (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
            || (0x1F900...0x1F9FF).contains(v) || (0x20000...0x3FFFD).contains(v)
        {
            return 2
        }
        return 1
    }

    /// Pads `s` with spaces to `width` columns (left-aligned, or right-aligned for numbers).
    public static func pad(_ s: String, to width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - of(s)))
        return right ? fill + s : s + fill
    }
}
