import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The text encodings a CSV file from Excel, WPS or LibreOffice comes in, found from its bytes without being told:
/// a byte-order mark (UTF-8, UTF-16 LE/BE), else UTF-8 when every byte sequence is valid UTF-8, else GB18030 (a
/// superset of GBK and GB2312: what Excel on a Chinese Windows saves as "CSV").
public enum TextEncoding: String, Sendable, Codable {
    case utf8 = "UTF-8"
    case utf16LE = "UTF-16LE"
    case utf16BE = "UTF-16BE"
    case gb18030 = "GB18030"

    /// The encoding of the file at `path` and the length of its byte-order mark; reads the file once, in chunks.
    static func detect(path: String) throws -> (TextEncoding, bom: Int) {
        guard let h = FileHandle(forReadingAtPath: path) else {
            throw FileAccessError(path: path, reason: "cannot open it")
        }
        defer { try? h.close() }
        var validator = UTF8Validator()
        var first = true
        while let chunk = try h.read(upToCount: 1 << 20), !chunk.isEmpty {
            if first {
                first = false
                let b = [UInt8](chunk.prefix(3))
                if b.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8, 3) }
                if b.starts(with: [0xFF, 0xFE]) { return (.utf16LE, 2) }
                if b.starts(with: [0xFE, 0xFF]) { return (.utf16BE, 2) }
            }
            if !chunk.withUnsafeBytes({ validator.feed(UnsafeRawBufferPointer($0)) }) { return (.gb18030, 0) }
        }
        return validator.complete ? (.utf8, 0) : (.gb18030, 0)
    }
}

/// Checks UTF-8 validity across chunk boundaries.
struct UTF8Validator {
    private var need = 0
    private var lower: UInt8 = 0x80, upper: UInt8 = 0xBF

    /// False as soon as an invalid sequence is seen.
    mutating func feed(_ bytes: UnsafeRawBufferPointer) -> Bool {
        for b in bytes {
            if need == 0 {
                lower = 0x80
                upper = 0xBF
                switch b {
                case 0x00...0x7F: need = 0
                case 0xC2...0xDF: need = 1
                case 0xE0: (need, lower) = (2, 0xA0)
                case 0xE1...0xEC, 0xEE, 0xEF: need = 2
                case 0xED: (need, upper) = (2, 0x9F)
                case 0xF0: (need, lower) = (3, 0x90)
                case 0xF1...0xF3: need = 3
                case 0xF4: (need, upper) = (3, 0x8F)
                default: return false
                }
            } else {
                guard b >= lower, b <= upper else { return false }
                need -= 1
                lower = 0x80
                upper = 0xBF
            }
        }
        return true
    }

    /// No sequence left open at the end.
    var complete: Bool { need == 0 }
}

/// Converts a stream of bytes in one encoding to UTF-8 with iconv, chunk by chunk (a character split between two
/// chunks is completed with the next one).
final class UTF8Converter {
    private let cd: iconv_t
    private var pending: [UInt8] = []
    let encoding: TextEncoding

    init(from encoding: TextEncoding) throws {
        self.encoding = encoding
        guard let cd = iconv_open("UTF-8", encoding.rawValue), cd != iconv_t(bitPattern: -1) else {
            throw SheetFileError(file: encoding.rawValue, problem: "this system cannot convert \(encoding.rawValue) text")
        }
        self.cd = cd
    }

    deinit { iconv_close(cd) }

    /// The UTF-8 of `input` (with what was left over before); nil when a byte sequence is not valid in the encoding.
    func convert(_ input: [UInt8], final: Bool) -> [UInt8]? {
        var source = pending + input
        pending = []
        let total = source.count
        var out = [UInt8](repeating: 0, count: total * 2 + 16)
        var written = 0
        var consumed = 0
        while consumed < total {
            let capacity = out.count
            let (inLeft, outLeft, failure): (Int, Int, Int32) = source.withUnsafeMutableBytes { src in
                out.withUnsafeMutableBytes { dst in
                    var inPtr: UnsafeMutablePointer<CChar>? = src.baseAddress!.assumingMemoryBound(to: CChar.self) + consumed
                    var inLeft = total - consumed
                    var outPtr: UnsafeMutablePointer<CChar>? = dst.baseAddress!.assumingMemoryBound(to: CChar.self) + written
                    var outLeft = capacity - written
                    let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                    return (inLeft, outLeft, r == -1 ? errno : 0)
                }
            }
            consumed = total - inLeft
            written = capacity - outLeft
            if failure == 0 { break }
            if failure == E2BIG {
                out += [UInt8](repeating: 0, count: capacity)
                continue
            }
            if failure == EINVAL && !final {
                pending = Array(source[consumed...])
                break
            }
            return nil
        }
        return Array(out[0..<written])
    }
}
