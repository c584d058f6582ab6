import Foundation
import XinyuCore

/// The `unnest` arguments of a ``RecordBatch`` (``PostgresBulkLoad/unnest``): per record kind, one PostgreSQL array
/// literal per column (`{"a","b\"c",NULL,12}`), written straight from the batch's bytes. Of two records of one key
/// the later one is kept, in the place where its key first came (a statement may not upsert one row twice).
///
/// The same literals as ``PostgresFeedTransaction/arrayLiteral(_:)`` of
/// ``PostgresFeedTransaction/lastOfEachKey(_:key:)`` over ``PostgresFeedTransaction/decode(_:)``, without a
/// `PostgresValue` and a `String` per value: a district feed is millions of records, and the importer packs them
/// while the server writes the ones before.
struct UnnestArrays {
    /// Per kind in the batch: how many records remain, and each column's array literal in the kind's column order.
    private(set) var kinds: [RecordBatch.Kind: (rows: Int, columns: [String])] = [:]
    /// Per kind of ``FeedReferenceKeys/kinds``: the records of teachers for whom `plain` said yes, apart from
    /// ``kinds``, as `COPY … FROM STDIN (FORMAT text)` data in the kind's column order, rows in key order (no stored
    /// or earlier row can have their keys: `COPY` loads them straight into the table); attendance records as
    /// ``PostgresFeedTransaction/attendanceByTeacher`` rows, one per teacher, in the batch's order
    /// (``byTeacher(_:_:offsets:fieldBase:)``).
    private(set) var plainKinds: [RecordBatch.Kind: (rows: Int, copyText: [UInt8])] = [:]
    /// The ids of the batch's teacher records.
    private(set) var teacherIds: Set<String> = []
    /// Per kind of ``FeedReferenceKeys/kinds`` in the batch: the distinct teacher ids and (attendance) course ids
    /// its records name (with ``NamedCourses``, only the courses no earlier batch named).
    private(set) var references: [RecordBatch.Kind: (teachers: Set<String>, courses: Set<String>)] = [:]
    /// With `tracks`: the teachers whose attendance records all went into ``plainKinds`` with a course of a known
    /// track, and their `attendanceSummary` rows (migration v13) as `COPY` text (teacherId, packed, dates): what
    /// `xinyu_summarize_attendance` would build from those records, written by the importer so that the server
    /// does not read them back at the commit. A teacher without a counted record has no row.
    private(set) var summaries: (teachers: Set<String>, copyText: [UInt8]) = ([], [])

    /// `plain(kind, teacher)`: whether the records of that kind and teacher go apart, into ``plainKinds``.
    /// `tracks`: the feed's course tracks, which learns the batch's course records first; with it, the plain
    /// attendance records' ``summaries`` are written.
    /// `courses`: the course ids earlier batches of the feed named; with it, ``references`` gives only the courses
    /// no earlier batch named, and `courses` learns them.
    init(
        _ batch: RecordBatch, tracks: CourseTracks? = nil, courses: NamedCourses? = nil,
        plain: (RecordBatch.Kind, String) -> Bool = { _, _ in false }
    ) throws {
        let b = batch.bytes
        // Every record's kind and the offsets of its fields (one more offset for the record's end).
        var kindOf: [RecordBatch.Kind] = []
        var fieldBase: [Int] = []
        var offsets: [Int] = []
        kindOf.reserveCapacity(batch.count)
        fieldBase.reserveCapacity(batch.count)
        offsets.reserveCapacity(batch.count * 8)
        var i = 0
        for _ in 0..<batch.count {
            guard i < b.count, let kind = RecordBatch.Kind(rawValue: b[i]) else {
                throw PostgresFeedTransaction.BatchError.truncated
            }
            i += 1
            kindOf.append(kind)
            fieldBase.append(offsets.count)
            for _ in kind.columns.columns {
                guard i < b.count else { throw PostgresFeedTransaction.BatchError.truncated }
                offsets.append(i)
                switch b[i] {
                case 0:
                    guard i + 5 <= b.count else { throw PostgresFeedTransaction.BatchError.truncated }
                    var n = 0
                    for k in 0..<4 { n |= Int(b[i + 1 + k]) << (8 * k) }
                    i += 5 + n
                case 1: i += 9
                default: i += 1
                }
                guard i <= b.count else { throw PostgresFeedTransaction.BatchError.truncated }
            }
            offsets.append(i)
        }
        // Per kind, the records kept, in the order their keys first came.
        let slots = Int(RecordBatch.Kind.allCases.map(\.rawValue).max() ?? 0) + 1
        var kept = [[Int]](repeating: [], count: slots)
        // Keys are found with the importer's byte-key map, not a `Set` of SipHash-hashed slices: hashing every
        // record's key that way was a fifth of the importer's CPU in a district import.
        var perKind = [Int](repeating: 0, count: slots)
        for kind in kindOf { perKind[Int(kind.rawValue)] += 1 }
        var index = perKind.map { ByteKeyMap<Int>(capacity: $0) }
        let keyFields = (0..<slots).map { RecordBatch.Kind(rawValue: UInt8($0))?.columns.key.count ?? 0 }
        b.withUnsafeBufferPointer { p in
            for r in 0..<kindOf.count {
                let k = Int(kindOf[r].rawValue)
                let base = fieldBase[r]
                let key = UnsafeBufferPointer(rebasing: p[offsets[base]..<offsets[base + keyFields[k]]])
                if let at = index[k].findOrInsert(kept[k].count, for: key) {
                    kept[k][at] = r
                } else {
                    kept[k].append(r)
                }
            }
        }
        /// Where the text of record `r`'s column `c` lies in the batch's bytes (nil: not a text).
        func textRange(_ r: Int, _ c: Int) -> Range<Int>? {
            let at = offsets[fieldBase[r] + c]
            return b[at] == 0 ? (at + 5)..<offsets[fieldBase[r] + c + 1] : nil
        }
        if let tracks {
            let track = TableColumns.course.columns.firstIndex(of: "track")!
            b.withUnsafeBufferPointer { p in
                for r in kept[Int(RecordBatch.Kind.course.rawValue)] {
                    guard let id = textRange(r, 0) else { continue }
                    tracks.learn(
                        course: UnsafeBufferPointer(rebasing: p[id]),
                        track: textRange(r, track).map { UnsafeBufferPointer(rebasing: p[$0]) })
                }
            }
        }
        func literals(_ kind: RecordBatch.Kind, _ records: [Int]) -> [String] {
            var columns: [String] = []
            for c in 0..<kind.columns.columns.count {
                var out: [UInt8] = [UInt8(ascii: "{")]
                out.reserveCapacity(records.count * 16)
                for (n, r) in records.enumerated() {
                    if n > 0 { out.append(UInt8(ascii: ",")) }
                    Self.appendElement(b, at: offsets[fieldBase[r] + c], to: &out)
                }
                out.append(UInt8(ascii: "}"))
                columns.append(String(decoding: out, as: UTF8.self))
            }
            return columns
        }
        func named(_ records: [Int], _ c: Int, across feed: NamedCourses? = nil) -> Set<String> {
            var seen = ByteKeyMap<Bool>()
            var names = Set<String>()
            b.withUnsafeBufferPointer { p in
                var last: Range<Int>?
                for r in records {
                    guard let range = textRange(r, c) else { continue }
                    // Records come grouped by teacher: a run of one name is looked up once.
                    if let l = last, l.count == range.count, p[l].elementsEqual(p[range]) { continue }
                    last = range
                    let name = UnsafeBufferPointer(rebasing: p[range])
                    if feed?.isFirst(name) ?? (seen.findOrInsert(true, for: name) == nil) {
                        names.insert(String(decoding: name, as: UTF8.self))
                    }
                }
            }
            return names
        }
        for kind in RecordBatch.Kind.allCases where !kept[Int(kind.rawValue)].isEmpty {
            var records = kept[Int(kind.rawValue)]
            if kind == .teacher { teacherIds = named(records, 0) }
            if FeedReferenceKeys.kinds.contains(kind) {
                references[kind] = (named(records, 0), kind == .attendance ? named(records, 1, across: courses) : [])
                // Records come grouped by teacher: one answer per run of one teacher's records.
                var apart: [Int] = []
                var rest: [Int] = []
                b.withUnsafeBufferPointer { p in
                    var last: (teacher: Range<Int>, plain: Bool)?
                    for r in records {
                        guard let teacher = textRange(r, 0) else {
                            rest.append(r)
                            continue
                        }
                        let isPlain: Bool
                        if let last, last.teacher.count == teacher.count,
                            sameBytes(
                                p.baseAddress! + last.teacher.lowerBound, p.baseAddress! + teacher.lowerBound,
                                count: teacher.count)
                        {
                            isPlain = last.plain
                        } else {
                            isPlain = plain(kind, String(decoding: p[teacher], as: UTF8.self))
                            last = (teacher, isPlain)
                        }
                        if isPlain { apart.append(r) } else { rest.append(r) }
                    }
                }
                if !apart.isEmpty && kind == .attendance {
                    // One row per teacher (migration v14); the summaries take the same groups.
                    let groups = b.withUnsafeBufferPointer { Self.teacherGroups($0, apart, text: textRange) }
                    plainKinds[kind] = (
                        apart.count,
                        b.withUnsafeBufferPointer { Self.byTeacher($0, groups, offsets: offsets, fieldBase: fieldBase) }
                    )
                    if let tracks {
                        summaries = Self.summaries(b, groups, tracks, text: textRange) { r, c in offsets[fieldBase[r] + c] }
                    }
                } else if !apart.isEmpty {
                    // In key order (the column's bytes, as `COLLATE "C"` sorts): each row then lands at the
                    // right end of the primary key's index, where the server finds its page without a descent
                    // and a split leaves the full page behind.
                    let keyColumns = kind.columns.key.count
                    let columns = kind.columns.columns.count
                    var out: [UInt8] = []
                    out.reserveCapacity(apart.count * 64)
                    b.withUnsafeBufferPointer { p in
                        func text(_ r: Int, _ c: Int) -> UnsafeBufferPointer<UInt8> {
                            UnsafeBufferPointer(rebasing: p[textRange(r, c) ?? 0..<0])
                        }
                        apart.sort { x, y in
                            for c in 0..<keyColumns {
                                let (a, b) = (text(x, c), text(y, c))
                                let n = memcmp(a.baseAddress!, b.baseAddress!, min(a.count, b.count))
                                if n != 0 { return n < 0 }
                                if a.count != b.count { return a.count < b.count }
                            }
                            return false
                        }
                        for r in apart {
                            for c in 0..<columns {
                                if c > 0 { out.append(9) }
                                Self.appendCopyField(p, at: offsets[fieldBase[r] + c], to: &out)
                            }
                            out.append(10)
                        }
                    }
                    plainKinds[kind] = (apart.count, out)
                }
                records = rest
            }
            if !records.isEmpty { kinds[kind] = (records.count, literals(kind, records)) }
        }
    }

    /// One field of the batch as an array element: a quoted text (quotes and backslashes escaped), an integer, or
    /// NULL.
    private static func appendElement(_ b: [UInt8], at i: Int, to out: inout [UInt8]) {
        switch b[i] {
        case 0:
            var n = 0
            for k in 0..<4 { n |= Int(b[i + 1 + k]) << (8 * k) }
            out.append(UInt8(ascii: "\""))
            for byte in b[(i + 5)..<(i + 5 + n)] {
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { out.append(UInt8(ascii: "\\")) }
                out.append(byte)
            }
            out.append(UInt8(ascii: "\""))
        case 1:
            var v: Int64 = 0
            for k in 0..<8 { v |= Int64(b[i + 1 + k]) << (8 * Int64(k)) }
            out.append(contentsOf: String(v).utf8)
        default:
            out.append(contentsOf: "NULL".utf8)
        }
    }

    /// One field of the batch in `COPY`'s text format: the text with backslash, tab, newline and carriage return
    /// escaped, an integer, or `\N` (NULL): what ``PostgresSession/copyText(_:)`` writes for the decoded record.
    /// A text with none of those four bytes (nearly every one) is copied whole.
    static func appendCopyField(_ b: UnsafeBufferPointer<UInt8>, at i: Int, to out: inout [UInt8]) {
        switch b[i] {
        case 0:
            var n = 0
            for k in 0..<4 { n |= Int(b[i + 1 + k]) << (8 * k) }
            let text = UnsafeBufferPointer(rebasing: b[(i + 5)..<(i + 5 + n)])
            guard text.contains(where: { $0 == UInt8(ascii: "\\") || $0 == 9 || $0 == 10 || $0 == 13 }) else {
                out.append(contentsOf: text)
                return
            }
            for byte in text {
                switch byte {
                case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
                case 9: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
                case 10: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
                case 13: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
                default: out.append(byte)
                }
            }
        case 1:
            var v: Int64 = 0
            for k in 0..<8 { v |= Int64(b[i + 1 + k]) << (8 * Int64(k)) }
            out.append(contentsOf: String(v).utf8)
        default:
            out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "N")])
        }
    }
}
