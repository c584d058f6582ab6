import XinyuCore

/// Strict unsigned decimal integer (no sign, no spaces, at most 9 digits).
func parseInt(_ s: String) -> Int? {
    var s = s
    return s.withUTF8 { parseInt(utf8: $0) }
}

/// The same rule on UTF-8 bytes (as libxml2 hands them over).
func parseInt(utf8 u: UnsafeBufferPointer<UInt8>) -> Int? {
    var v = 0
    var n = 0
    for c in u {
        guard c >= 48, c <= 57, n < 9 else { return nil }
        v = v * 10 + Int(c - 48)
        n += 1
    }
    return n == 0 ? nil : v
}

/// ISO 8601 date-time with an offset, as XML Schema's `xs:dateTime` writes it: `YYYY-MM-DDThh:mm:ss[.f…](Z|±hh:mm)`.
func isDateTimeWithOffset(_ s: String) -> Bool {
    let u = Array(s.utf8)
    guard u.count >= 20, Day(String(decoding: u[0..<10], as: UTF8.self)) != nil, u[10] == UInt8(ascii: "T") else { return false }
    func two(_ i: Int, max: Int) -> Bool {
        guard i + 1 < u.count, (48...57).contains(u[i]), (48...57).contains(u[i + 1]) else { return false }
        return Int(u[i] - 48) * 10 + Int(u[i + 1] - 48) <= max
    }
    guard two(11, max: 23), u[13] == UInt8(ascii: ":"), two(14, max: 59) else { return false }
    guard u[16] == UInt8(ascii: ":"), two(17, max: 59) else { return false }
    var i = 19
    if i < u.count, u[i] == UInt8(ascii: ".") {
        i += 1
        let start = i
        while i < u.count, (48...57).contains(u[i]) { i += 1 }
        guard i > start else { return false }
    }
    guard i < u.count else { return false }
    if u[i] == UInt8(ascii: "Z") { return i + 1 == u.count }
    guard u[i] == UInt8(ascii: "+") || u[i] == UInt8(ascii: "-"), i + 6 == u.count,
        two(i + 1, max: 23), u[i + 3] == UInt8(ascii: ":"), two(i + 4, max: 59)
    else { return false }
    return true
}
