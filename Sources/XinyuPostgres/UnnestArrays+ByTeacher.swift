import XinyuCore

extension UnnestArrays {
    /// The `attendanceByTeacher` rows (migration v14) of attendance `records` (the batch's record numbers, keys
    /// distinct), as `COPY` text: one row per teacher, in the order teachers first come, holding the teacher's id and
    /// one array per other column of `attendance` (course ids, hours, statuses, results, dates), element *i* of
    /// each from the teacher's *i*-th record in the batch's order. `text(r, c)` is where record `r`'s column `c` has
    /// its text, `field(r, c)` the offset of that field; a NULL field is written as `NULL`, which the table's check
    /// refuses. Records come grouped by teacher (``ImportSession`` keeps a teacher's run in one batch), so a run is
    /// looked up once; a teacher whose records come apart still gets one row.
    static func byTeacher(
        _ p: UnsafeBufferPointer<UInt8>, _ records: [Int], text range: (Int, Int) -> Range<Int>?,
        field: (Int, Int) -> Int
    ) -> [UInt8] {
        // Per teacher, in the order they first come: their records.
        var groups: [[Int]] = []
        var index = ByteKeyMap<Int>()
        var last: (teacher: Range<Int>, at: Int)?
        var nulls: [Int] = []
        for r in records {
            guard let teacher = range(r, 0) else {
                nulls.append(r)
                continue
            }
            if let l = last, l.teacher.count == teacher.count, p[l.teacher].elementsEqual(p[teacher]) {
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
        // A record without a teacher id stays a row of its own: the table's NOT NULL refuses it.
        groups += nulls.map { [$0] }
        let columns = TableColumns.attendance.columns.count
        var out: [UInt8] = []
        out.reserveCapacity(records.count * 64)
        for group in groups {
            appendCopyField(p, at: field(group[0], 0), to: &out)
            for c in 1..<columns {
                out.append(9)
                out.append(UInt8(ascii: "{"))
                for (n, r) in group.enumerated() {
                    if n > 0 { out.append(UInt8(ascii: ",")) }
                    let at = field(r, c)
                    switch p[at] {
                    case 0: appendQuotedElement(p[range(r, c)!], to: &out)
                    case 1:
                        var v: Int64 = 0
                        for k in 0..<8 { v |= Int64(p[at + 1 + k]) << (8 * Int64(k)) }
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
}
