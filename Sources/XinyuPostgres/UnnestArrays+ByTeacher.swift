import XinyuCore

extension UnnestArrays {
    /// The `attendanceByTeacher` rows (migration v14) of attendance `records` (the batch `b`'s record numbers, keys
    /// distinct), as `COPY` text: one row per teacher, in the order teachers first come, holding the teacher's id and
    /// one array per other column of `attendance` (course ids, hours, statuses, results, dates), element *i* of
    /// each from the teacher's *i*-th record in the batch's order. Record `r`'s column `c` starts at
    /// `offsets[fieldBase[r] + c]` and ends where the next one starts; a NULL field is written as `NULL`, which the
    /// table's check refuses. Records come grouped by teacher (``ImportSession`` keeps a teacher's run in one batch),
    /// so a run is looked up once; a teacher whose records come apart still gets one row.
    static func byTeacher(
        _ b: UnsafeBufferPointer<UInt8>, _ records: [Int], offsets: [Int], fieldBase: [Int]
    ) -> [UInt8] {
        /// The text of a field that starts at `at` and ends at `end`, or nil for an integer or NULL.
        @inline(__always) func text(_ at: Int, _ end: Int) -> Range<Int>? { b[at] == 0 ? (at + 5)..<end : nil }
        // Per teacher, in the order they first come: their records.
        var groups: [[Int]] = []
        var index = ByteKeyMap<Int>()
        var last: (teacher: Range<Int>, at: Int)?
        var nulls: [Int] = []
        for r in records {
            let f = fieldBase[r]
            guard let teacher = text(offsets[f], offsets[f + 1]) else {
                nulls.append(r)
                continue
            }
            if let l = last, l.teacher.count == teacher.count,
                sameBytes(b.baseAddress! + l.teacher.lowerBound, b.baseAddress! + teacher.lowerBound, count: teacher.count)
            {
                groups[l.at].append(r)
                continue
            }
            let at: Int
            if let found = index.findOrInsert(groups.count, for: UnsafeBufferPointer(rebasing: b[teacher])) {
                at = found
                groups[at].append(r)
            } else {
                at = groups.count
                groups.append([r])
            }
            last = (teacher, at)
        }
        // A record without a teacher id stays a row of its own: the table's NOT NULL refuses it.
        groups += nulls.map { [$0] }
        let columns = TableColumns.attendance.columns.count
        var out: [UInt8] = []
        out.reserveCapacity((offsets.last ?? 0) + records.count * 8)
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
            && !(bytes.count == 4 && String(decoding: bytes, as: UTF8.self).lowercased() == "null")
        if plain {
            out.append(contentsOf: bytes)
        } else {
            appendQuotedElement(bytes[...], to: &out)
        }
    }
}
