import XinyuCore

extension UnnestArrays {
    /// Attendance `records` (the batch `p`'s record numbers) grouped by teacher, in the order teachers first come,
    /// each group's records in the batch's order; a record without a teacher id is a group of its own. Records come
    /// grouped by teacher (``ImportSession`` keeps a teacher's run in one batch), so a run is looked up once; a
    /// teacher whose records come apart still gets one group. `text(r, c)` is where record `r`'s column `c` has its
    /// text.
    static func teacherGroups(
        _ p: UnsafeBufferPointer<UInt8>, _ records: [Int], text range: (Int, Int) -> Range<Int>?
    ) -> [[Int]] {
        var groups: [[Int]] = []
        var index = ByteKeyMap<Int>()
        var last: (teacher: Range<Int>, at: Int)?
        var nulls: [Int] = []
        for r in records {
            guard let teacher = range(r, 0) else {
                nulls.append(r)
                continue
            }
            if let l = last, l.teacher.count == teacher.count,
                sameBytes(p.baseAddress! + l.teacher.lowerBound, p.baseAddress! + teacher.lowerBound, count: teacher.count)
            {
                groups[l.at].append(r)
                continue
            }
            let at: Int
            if let found = index.findOrInsert(groups.count, for: UnsafeBufferPointer(rebasing: p[teacher])) {
                at = found
                groups[at].append(r)
            } else {
                at = groups.count
                groups.append([r])
            }
            last = (teacher, at)
        }
        return groups + nulls.map { [$0] }
    }

    /// The `attendanceByTeacher` rows (migration v14) of attendance records grouped by teacher
    /// (``teacherGroups(_:_:text:)``), as `COPY` text: per group, the teacher's id and one array per other column of
    /// `attendance` (course ids, hours, statuses, results, dates), element *i* of each from the group's *i*-th
    /// record. Record `r`'s column `c` starts at `offsets[fieldBase[r] + c]` and ends where the next one starts; a
    /// NULL field is written as `NULL`, which the table's check refuses (a record without a teacher id: its
    /// `NOT NULL`).
    static func byTeacher(
        _ b: UnsafeBufferPointer<UInt8>, _ groups: [[Int]], offsets: [Int], fieldBase: [Int]
    ) -> [UInt8] {
        let columns = TableColumns.attendance.columns.count
        var out: [UInt8] = []
        out.reserveCapacity((offsets.last ?? 0) + groups.count * 64)
        for group in groups {
            appendCopyField(b, at: offsets[fieldBase[group[0]]], to: &out)
            for c in 1..<columns {
                out.append(9)
                out.append(UInt8(ascii: "{"))
                for (n, r) in group.enumerated() {
                    if n > 0 { out.append(UInt8(ascii: ",")) }
                    let f = fieldBase[r] + c
                    let at = offsets[f]
                    switch b[at] {
                    case 0: appendArrayElement(UnsafeBufferPointer(rebasing: b[(at + 5)..<offsets[f + 1]]), to: &out)
                    case 1:
                        var v: Int64 = 0
                        for k in 0..<8 { v |= Int64(b[at + 1 + k]) << (8 * Int64(k)) }
                        out.append(contentsOf: String(v).utf8)
                    default: out.append(contentsOf: "NULL".utf8)
                    }
                }
                out.append(UInt8(ascii: "}"))
            }
            out.append(10)
        }
        return out
    }

    /// `bytes` as an array element inside a `COPY` text field: as they are when the array's parser takes them so
    /// (not empty, not `NULL` in any case, none of `{`, `}`, `"`, `,`, `\` or white space: ids, dates and the rules'
    /// words), else quoted and escaped (``appendQuotedElement(_:to:)``).
    static func appendArrayElement(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        let plain =
            !bytes.isEmpty
            && !bytes.contains { byte in
                switch byte {
                case UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "\""), UInt8(ascii: ","), UInt8(ascii: "\\"),
                    UInt8(ascii: " "), 9, 10, 11, 12, 13:
                    true
                default: false
                }
            }
            && !(bytes.count == 4 && zip(bytes, "null".utf8).allSatisfy { $0 | 0x20 == $1 })
        if plain {
            out.append(contentsOf: bytes)
        } else {
            appendQuotedElement(bytes[...], to: &out)
        }
    }
}
