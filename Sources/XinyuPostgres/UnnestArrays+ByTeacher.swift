import XinyuCore

extension UnnestArrays {
    /// The `attendanceByTeacher` rows (migration v14) of attendance `records` (the batch's record numbers, in key
    /// order: a teacher's records come together, by course id), as `COPY` text: the teacher's id, then one array per
    /// other column of `attendance` (course ids, hours, statuses, results, dates), element *i* of each from the
    /// teacher's *i*-th record. `field(r, c)` is the offset of record `r`'s column `c`; a NULL field is written as
    /// `NULL`, which the table's check refuses.
    static func byTeacher(
        _ p: UnsafeBufferPointer<UInt8>, _ records: [Int], text range: (Int, Int) -> Range<Int>?,
        field: (Int, Int) -> Int
    ) -> [UInt8] {
        let columns = TableColumns.attendance.columns.count
        var out: [UInt8] = []
        out.reserveCapacity(records.count * 64)
        var start = 0
        while start < records.count {
            // One teacher's run of records.
            var end = start + 1
            let teacher = range(records[start], 0)
            while end < records.count, let t = teacher, let u = range(records[end], 0), t.count == u.count,
                p[t].elementsEqual(p[u])
            {
                end += 1
            }
            appendCopyField(p, at: field(records[start], 0), to: &out)
            for c in 1..<columns {
                out.append(9)
                out.append(UInt8(ascii: "{"))
                for n in start..<end {
                    if n > start { out.append(UInt8(ascii: ",")) }
                    let at = field(records[n], c)
                    switch p[at] {
                    case 0: appendQuotedElement(p[range(records[n], c)!], to: &out)
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
            start = end
        }
        return out
    }
}
