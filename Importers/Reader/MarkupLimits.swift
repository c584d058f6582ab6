import Foundation

/// Bounds on what one feed may carry, checked on the raw bytes before libxml2 parses them (``FileSource``).
///
/// libxml2 parses a whole start tag before the reader sees it, and its duplicate-attribute check is quadratic:
/// one element with 50,000 attributes costs 22 s inside libxml2 2.9.14, holding the store's write lock. So the
/// bytes are scanned first, and a document over a limit is rejected as a whole before libxml2 reads that far.
///
/// The scanner follows just enough of XML to count correctly: text, start and end tags, quoted attribute values,
/// comments, CDATA sections, processing instructions and a DOCTYPE (with its internal subset). It counts an
/// attribute for each `=` outside quotes inside a start tag, and the nesting depth as start tags minus end tags
/// (`/>` closes at once). Encodings: every byte-oriented one the feed contract allows (UTF-8 with or without BOM,
/// GB18030/GBK, whose trail bytes never take the values of `"'<=>/!?`), and UTF-16 LE/BE, recognised from the
/// first bytes (XML 1.0 Appendix F) and scanned as 16-bit code units. A GB trail byte may be `[` or `]`, so when
/// the declaration names a GB or Big5 encoding, the scanner skips the byte after a lead byte (≥ 0x81) inside
/// comments, CDATA, processing instructions and a DOCTYPE, where those two matter.
struct MarkupLimits: Sendable {
    /// At most this many attributes (namespace declarations included) on one element.
    static let maxAttributes = 256
    /// Elements nested at most this deep (the root is depth 1; district feeds need 4).
    static let maxDepth = 32
    /// One start or end tag, attributes included, at most this many bytes (code units for UTF-16).
    static let maxTagBytes = 1 << 20
    /// A record's text (a teacher's or school's name, a course's title or provider) at most this many characters;
    /// longer is a record error (checked by the readers, not here).
    static let maxTextCharacters = 1000

    /// Why the scan stopped, and where.
    struct Violation: Sendable, Error {
        var line: Int
        var reason: String
    }

    private enum State: UInt8 {
        case text, open, startTag, endTag, doubleQuoted, singleQuoted
        case bang, bangDash, bangCDATA, comment, cdata, pi, doctype
    }

    private enum Encoding { case unknown, bytes, utf16LE, utf16BE }

    private var encoding = Encoding.unknown
    /// A double-byte encoding (GB, Big5) is declared: inside comments, CDATA, PIs and a DOCTYPE the byte after a
    /// lead byte is skipped (`skipTrail`, carried across chunks).
    private var doubleByte = false
    private var skipTrail = false
    private var state = State.text
    private var depth = 0
    private var attributes = 0
    /// The previous byte inside a start tag (for `/>`), or the count of `-`, `]`, `?` just seen (for `-->`, `]]>`,
    /// `?>`), or how much of `CDATA[` has matched.
    private var previous: UInt8 = 0
    private var matched = 0
    /// Inside a DOCTYPE: `[` nesting and the open quote, if any.
    private var brackets = 0
    private var quote: UInt8 = 0
    /// The current tag: where it began in this chunk (-1: in an earlier one, then `tagLine` is its line) and its
    /// bytes in earlier chunks.
    private var tagStart = -1
    private var tagLine = 0
    private var tagBytes = 0
    /// The line at the start of the current chunk.
    private var line = 1
    /// UTF-16: an odd byte left over from the previous chunk, and the code units of this one, each as a byte
    /// (ASCII as itself, anything else 0x80).
    private var pending: UInt8?
    private var units: [UInt8] = []

    /// The first limit exceeded, once one is; every later call fails at once.
    private(set) var violation: Violation?
    /// After a violation: how many bytes of the last chunk come before the offending tag (libxml2 may still read
    /// those, so that the feed's root and id are known when the document is rejected).
    private(set) var bytesBeforeViolation = 0
    private var unitsBeforeViolation = 0

    /// Scans the next `count` bytes of the file; false (and ``violation`` set) once a limit is exceeded.
    mutating func scan(_ bytes: UnsafeRawPointer, count: Int) -> Bool {
        guard violation == nil else { return false }
        let p = bytes.assumingMemoryBound(to: UInt8.self)
        if encoding == .unknown {
            encoding = MarkupLimits.detect(p, count)
            doubleByte = encoding == .bytes && MarkupLimits.declaresDoubleByte(p, count)
        }
        if encoding == .bytes {
            let ok = scanUnits(p, count)
            bytesBeforeViolation = unitsBeforeViolation
            return ok
        }
        // UTF-16: one byte per code unit.
        units.removeAll(keepingCapacity: true)
        var i = 0
        var first: UInt8 = 0
        var haveFirst = false
        let carried = pending == nil ? 0 : 1
        if let b = pending {
            first = b
            haveFirst = true
            pending = nil
        }
        while i < count {
            if !haveFirst {
                first = p[i]
                haveFirst = true
                i += 1
                continue
            }
            let second = p[i]
            i += 1
            haveFirst = false
            let unit = encoding == .utf16LE ? UInt16(first) | UInt16(second) << 8 : UInt16(first) << 8 | UInt16(second)
            units.append(unit < 0x80 ? UInt8(unit) : 0x80)
        }
        if haveFirst { pending = first }
        let scanned = units  // shared, not copied: scanUnits does not touch `units`
        let ok = scanned.withUnsafeBufferPointer { u in u.isEmpty || scanUnits(u.baseAddress!, u.count) }
        bytesBeforeViolation = max(0, unitsBeforeViolation * 2 - carried)
        return ok
    }

    /// UTF-16 by its byte-order mark or by `<?` as 16-bit units (XML 1.0 Appendix F); anything else scans as bytes.
    private static func detect(_ p: UnsafePointer<UInt8>, _ n: Int) -> Encoding {
        guard n >= 2 else { return .bytes }
        if p[0] == 0xFF && p[1] == 0xFE { return .utf16LE }
        if p[0] == 0xFE && p[1] == 0xFF { return .utf16BE }
        guard n >= 4 else { return .bytes }
        if p[0] == 0x3C && p[1] == 0 && p[2] == 0x3F && p[3] == 0 { return .utf16LE }
        if p[0] == 0 && p[1] == 0x3C && p[2] == 0 && p[3] == 0x3F { return .utf16BE }
        return .bytes
    }

    /// Whether the XML declaration at the start names a GB or Big5 encoding.
    private static func declaresDoubleByte(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        let head = Array(UnsafeBufferPointer(start: p, count: min(n, 256)))
        guard let end = head.firstIndex(of: UInt8(ascii: ">")) else { return false }
        let decl = String(decoding: head[..<end], as: UTF8.self)
        guard decl.contains("<?xml"), let e = decl.range(of: "encoding") else { return false }
        let value = decl[e.upperBound...].drop { " \t\r\n=\"'".contains($0) }.prefix {
            $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_"
        }
        let name = value.uppercased()
        return name.hasPrefix("GB") || name.hasPrefix("BIG5") || name == "CP936" || name == "EUC-CN" || name == "WINDOWS-936"
    }

    private static let lt = Int32(UInt8(ascii: "<")), gt = Int32(UInt8(ascii: ">"))
    private static let dq = Int32(UInt8(ascii: "\"")), sq = Int32(UInt8(ascii: "'"))

    /// The state machine over one chunk of 8-bit units.
    private mutating func scanUnits(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        var i = 0
        while i < n {
            switch state {
            case .text:
                guard let q = memchr(p + i, MarkupLimits.lt, n - i) else {
                    i = n
                    continue
                }
                i = UnsafeRawPointer(p).distance(to: q) + 1
                tagStart = i - 1
                tagBytes = 0
                state = .open
            case .open:
                switch p[i] {
                case UInt8(ascii: "/"):
                    state = .endTag
                    i += 1
                case UInt8(ascii: "!"):
                    state = .bang
                    i += 1
                case UInt8(ascii: "?"):
                    state = .pi
                    matched = 0
                    i += 1
                default:
                    depth += 1
                    attributes = 0
                    previous = 0
                    state = .startTag
                    if depth > MarkupLimits.maxDepth {
                        return fail(
                            p, at: i, "elements nested more than \(MarkupLimits.maxDepth) deep (limit); the feed is rejected")
                    }
                }
            case .startTag:
                var prev = previous
                while i < n {
                    let b = p[i]
                    if b == UInt8(ascii: "\"") {
                        state = .doubleQuoted
                        break
                    }
                    if b == UInt8(ascii: "'") {
                        state = .singleQuoted
                        break
                    }
                    if b == UInt8(ascii: ">") {
                        if prev == UInt8(ascii: "/") { depth -= 1 }
                        state = .text
                        break
                    }
                    if b == UInt8(ascii: "=") {
                        attributes += 1
                        if attributes > MarkupLimits.maxAttributes {
                            return fail(
                                p, at: i,
                                "element has more than \(MarkupLimits.maxAttributes) attributes (limit); the feed is rejected")
                        }
                    }
                    prev = b
                    i += 1
                }
                previous = prev
                if i < n {
                    i += 1
                    if state == .text, !tagFits(i) { return fail(p, at: i, MarkupLimits.tagTooLong) }
                }
            case .doubleQuoted, .singleQuoted:
                let q = state == .doubleQuoted ? MarkupLimits.dq : MarkupLimits.sq
                guard let e = memchr(p + i, q, n - i) else {
                    i = n
                    continue
                }
                i = UnsafeRawPointer(p).distance(to: e) + 1
                previous = 0
                state = .startTag
            case .endTag:
                guard let e = memchr(p + i, MarkupLimits.gt, n - i) else {
                    i = n
                    continue
                }
                i = UnsafeRawPointer(p).distance(to: e) + 1
                depth -= 1
                state = .text
                if !tagFits(i) { return fail(p, at: i, MarkupLimits.tagTooLong) }
            case .bang:
                switch p[i] {
                case UInt8(ascii: "-"):
                    state = .bangDash
                    i += 1
                case UInt8(ascii: "["):
                    state = .bangCDATA
                    matched = 0
                    i += 1
                default:
                    state = .doctype
                    brackets = 0
                    quote = 0
                }
            case .bangDash:
                if p[i] == UInt8(ascii: "-") {
                    state = .comment
                    matched = 0
                    i += 1
                } else {
                    state = .doctype
                    brackets = 0
                    quote = 0
                }
            case .bangCDATA:
                let word: StaticString = "CDATA["
                if p[i] == word.utf8Start[matched] {
                    matched += 1
                    i += 1
                    if matched == word.utf8CodeUnitCount {
                        state = .cdata
                        matched = 0
                    }
                } else {
                    state = .doctype
                    brackets = 0
                    quote = 0
                }
            case .comment, .cdata, .pi:
                // The end is `-->`, `]]>` or `?>`: a `>` after enough of the state's mark.
                let mark = state == .comment ? UInt8(ascii: "-") : state == .cdata ? UInt8(ascii: "]") : UInt8(ascii: "?")
                let needed = state == .pi ? 1 : 2
                var m = matched
                while i < n {
                    let b = p[i]
                    i += 1
                    if doubleByte {
                        if skipTrail {
                            skipTrail = false
                            m = 0
                            continue
                        }
                        if b >= 0x81 {
                            skipTrail = true
                            m = 0
                            continue
                        }
                    }
                    if b == mark {
                        m += 1
                    } else if b == UInt8(ascii: ">") && m >= needed {
                        state = .text
                        break
                    } else {
                        m = 0
                    }
                }
                matched = state == .text ? 0 : m
            case .doctype:
                while i < n {
                    let b = p[i]
                    i += 1
                    if doubleByte {
                        if skipTrail {
                            skipTrail = false
                            continue
                        }
                        if b >= 0x81 {
                            skipTrail = true
                            continue
                        }
                    }
                    if quote != 0 {
                        if b == quote { quote = 0 }
                        continue
                    }
                    switch b {
                    case UInt8(ascii: "\""), UInt8(ascii: "'"): quote = b
                    case UInt8(ascii: "["): brackets += 1
                    case UInt8(ascii: "]"): brackets -= 1
                    case UInt8(ascii: ">") where brackets <= 0: state = .text
                    default: break
                    }
                    if state == .text { break }
                }
            }
        }
        // The chunk is done: carry the line count and the current tag's start over to the next one.
        let inTag = state == .open || state == .startTag || state == .endTag || state == .doubleQuoted || state == .singleQuoted
        if inTag {
            let start = max(tagStart, 0)
            if tagStart >= 0 { tagLine = line + MarkupLimits.newlines(p, tagStart) }
            tagBytes += n - start
            if tagBytes > MarkupLimits.maxTagBytes { return fail(p, at: n, MarkupLimits.tagTooLong) }
        }
        tagStart = -1
        line += MarkupLimits.newlines(p, n)
        return true
    }

    private static let tagTooLong = "a tag is longer than \(maxTagBytes >> 20) MiB (limit); the feed is rejected"

    /// Whether the tag that ended just before `end` stayed within ``maxTagBytes``.
    @inline(__always) private func tagFits(_ end: Int) -> Bool {
        tagBytes + end - max(tagStart, 0) <= MarkupLimits.maxTagBytes
    }

    /// Records the violation at the current tag's line.
    private mutating func fail(_ p: UnsafePointer<UInt8>, at i: Int, _ reason: String) -> Bool {
        let violationLine = tagStart >= 0 ? line + MarkupLimits.newlines(p, tagStart) : tagLine
        violation = Violation(line: violationLine, reason: reason)
        unitsBeforeViolation = max(tagStart, 0)
        return false
    }

    /// The line feeds among the first `n` units, 16 at a time (a plain loop ran at 1 GB/s, this at 40).
    static func newlines(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
        let raw = UnsafeRawPointer(p)
        let lf = SIMD16<UInt8>(repeating: 10)
        var count = 0
        var i = 0
        while i + 16 <= n {
            // Each lane counts to at most 254 before the lanes are summed.
            var lanes = SIMD16<UInt8>()
            let last = min(n - 16, i + 16 * 253)
            while i <= last {
                let v = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
                lanes &-= SIMD16<UInt8>(truncatingIfNeeded: unsafeBitCast(v .== lf, to: SIMD16<Int8>.self))
                i += 16
            }
            for k in 0..<16 { count += Int(lanes[k]) }
        }
        while i < n {
            count &+= p[i] == 10 ? 1 : 0
            i += 1
        }
        return count
    }
}
