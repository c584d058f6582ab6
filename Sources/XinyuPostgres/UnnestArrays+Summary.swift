import XinyuCore

extension UnnestArrays {
    private static let completed = Array(AttendanceStatus.completed.rawValue.utf8)
    private static let partial = Array(AttendanceStatus.partial.rawValue.utf8)
    private static let fail = Array(CourseResult.fail.rawValue.utf8)
    private static let pass = Array(CourseResult.pass.rawValue.utf8)

    /// The `attendanceSummary` rows of the teachers of attendance records grouped by teacher
    /// (``teacherGroups(_:_:text:)``; `text(r, c)` is where record `r`'s column `c` has its text, `field(r, c)` the
    /// offset of that field), by the rule of `xinyu_summarize_attendance` (migration v13): a record counts if its
    /// status is `completed` or `partial`, its result is not `fail` and its course's track is A, B, C or cpd; it is
    /// packed as tenths × 8 + 4 for a pass + the track's code, with its date's text. A teacher one of whose records
    /// names a course of unknown track (``CourseTracks``), or lacks its hours or date, is left out: the server
    /// rebuilds that teacher's row at the commit.
    static func summaries(
        _ b: [UInt8], _ groups: [[Int]], _ tracks: CourseTracks, text range: (Int, Int) -> Range<Int>?,
        field: (Int, Int) -> Int
    ) -> (teachers: Set<String>, copyText: [UInt8]) {
        struct Summary {
            let first: Int
            let teacher: Range<Int>
            var packed: [Int64] = []
            var dates: [Range<Int>] = []
            var known = true
        }
        var summaries: [Summary] = []
        b.withUnsafeBufferPointer { p in
            func bytes(_ r: Range<Int>) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: p[r]) }
            for group in groups {
                guard let teacher = range(group[0], 0) else { continue }
                var s = Summary(first: group[0], teacher: teacher)
                for r in group {
                    let hours = field(r, 2)
                    guard let course = range(r, 1), let code = tracks.code(course: bytes(course)),
                        let date = range(r, 5), p[hours] == 1
                    else {
                        s.known = false
                        continue
                    }
                    guard code != CourseTracks.uncounted, let status = range(r, 3), let result = range(r, 4),
                        bytes(status).elementsEqual(completed) || bytes(status).elementsEqual(partial),
                        !bytes(result).elementsEqual(fail)
                    else { continue }
                    var tenths: Int64 = 0
                    for k in 0..<8 { tenths |= Int64(p[hours + 1 + k]) << (8 * Int64(k)) }
                    s.packed.append(tenths * 8 + (bytes(result).elementsEqual(pass) ? 4 : 0) + Int64(code))
                    s.dates.append(date)
                }
                summaries.append(s)
            }
        }
        var teachers = Set<String>()
        var out: [UInt8] = []
        out.reserveCapacity(summaries.count * 256)
        b.withUnsafeBufferPointer { p in
            for s in summaries where s.known {
                teachers.insert(String(decoding: p[s.teacher], as: UTF8.self))
                guard !s.packed.isEmpty else { continue }
                appendCopyField(p, at: field(s.first, 0), to: &out)
                out.append(9)
                out.append(UInt8(ascii: "{"))
                for (i, v) in s.packed.enumerated() {
                    if i > 0 { out.append(UInt8(ascii: ",")) }
                    out.append(contentsOf: String(v).utf8)
                }
                out.append(contentsOf: [UInt8(ascii: "}"), 9, UInt8(ascii: "{")])
                for (i, d) in s.dates.enumerated() {
                    if i > 0 { out.append(UInt8(ascii: ",")) }
                    appendQuotedElement(p[d], to: &out)
                }
                out.append(contentsOf: [UInt8(ascii: "}"), 10])
            }
        }
        return (teachers, out)
    }

    /// `bytes` as a quoted array element inside a `COPY` text field: the array's escapes (`\"`, `\\`), then
    /// `COPY`'s (every backslash doubled; tab, newline and carriage return as `\t`, `\n`, `\r`).
    static func appendQuotedElement(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, to out: inout [UInt8]) {
        let backslash = UInt8(ascii: "\\")
        out.append(UInt8(ascii: "\""))
        // Nearly every text (ids, dates, status words) has none of the five bytes to escape: copied whole.
        if !bytes.contains(where: { $0 == UInt8(ascii: "\"") || $0 == backslash || $0 == 9 || $0 == 10 || $0 == 13 }) {
            out.append(contentsOf: bytes)
            out.append(UInt8(ascii: "\""))
            return
        }
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [backslash, backslash, byte])
            case backslash: out.append(contentsOf: [backslash, backslash, backslash, backslash])
            case 9: out.append(contentsOf: [backslash, UInt8(ascii: "t")])
            case 10: out.append(contentsOf: [backslash, UInt8(ascii: "n")])
            case 13: out.append(contentsOf: [backslash, UInt8(ascii: "r")])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
