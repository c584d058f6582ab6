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
    /// ``kinds``, as `COPY … FROM STDIN (FORMAT text)` data in the kind's column order (no stored or earlier row can
    /// have their keys: `COPY` loads them straight into the table).
    private(set) var plainKinds: [RecordBatch.Kind: (rows: Int, copyText: [UInt8])] = [:]
    /// The ids of the batch's teacher records.
    private(set) var teacherIds: Set<String> = []
    /// Per kind of ``FeedReferenceKeys/kinds`` in the batch: the distinct teacher ids and (attendance) course ids
    /// its records name.
    private(set) var references: [RecordBatch.Kind: (teachers: Set<String>, courses: Set<String>)] = [:]

    /// `plain(kind, teacher)`: whether the records of that kind and teacher go apart, into ``plainKinds``.
    init(_ batch: RecordBatch, plain: (RecordBatch.Kind, String) -> Bool = { _, _ in false }) throws {
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
        var index = [ByteKeyMap<Int>](repeating: ByteKeyMap(), count: slots)
        let keyFields = (0..<slots).map { RecordBatch.Kind(rawValue: UInt8($0))?.columns.key.count ?? 0 }
        b.withUnsafeBufferPointer { p in
            for r in 0..<kindOf.count {
                let k = Int(kindOf[r].rawValue)
                let base = fieldBase[r]
                let key = UnsafeBufferPointer(rebasing: p[offsets[base]..<offsets[base + keyFields[k]]])
                if let at = index[k].find(key) {
                    kept[k][at] = r
                } else {
                    index[k].insert(kept[k].count, for: key)
                    kept[k].append(r)
                }
            }
        }
        func text(_ r: Int, _ c: Int) -> ArraySlice<UInt8>? {
            let at = offsets[fieldBase[r] + c]
            return b[at] == 0 ? b[(at + 5)..<offsets[fieldBase[r] + c + 1]] : nil
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
        func named(_ records: [Int], _ c: Int) -> Set<String> {
            var seen = ByteKeyMap<Bool>()
            var names = Set<String>()
            b.withUnsafeBufferPointer { p in
                var last: Range<Int>?
                for r in records {
                    let at = offsets[fieldBase[r] + c]
                    guard p[at] == 0 else { continue }
                    let range = (at + 5)..<offsets[fieldBase[r] + c + 1]
                    // Records come grouped by teacher: a run of one name is looked up once.
                    if let l = last, l.count == range.count, p[l].elementsEqual(p[range]) { continue }
                    last = range
                    let name = UnsafeBufferPointer(rebasing: p[range])
                    if seen.find(name) == nil {
                        seen.insert(true, for: name)
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
                references[kind] = (named(records, 0), kind == .attendance ? named(records, 1) : [])
                // Records come grouped by teacher: one answer per run of one teacher's records.
                var apart: [Int] = []
                var rest: [Int] = []
                var last: (teacher: ArraySlice<UInt8>, plain: Bool)?
                for r in records {
                    guard let teacher = text(r, 0) else {
                        rest.append(r)
                        continue
                    }
                    let isPlain: Bool
                    if let last, last.teacher.elementsEqual(teacher) {
                        isPlain = last.plain
                    } else {
                        isPlain = plain(kind, String(decoding: teacher, as: UTF8.self))
                        last = (teacher, isPlain)
                    }
                    if isPlain { apart.append(r) } else { rest.append(r) }
                }
                if !apart.isEmpty {
                    var out: [UInt8] = []
                    out.reserveCapacity(apart.count * 64)
                    for r in apart {
                        for c in 0..<kind.columns.columns.count {
                            if c > 0 { out.append(9) }
                            Self.appendCopyField(b, at: offsets[fieldBase[r] + c], to: &out)
                        }
                        out.append(10)
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
    private static func appendCopyField(_ b: [UInt8], at i: Int, to out: inout [UInt8]) {
        switch b[i] {
        case 0:
            var n = 0
            for k in 0..<4 { n |= Int(b[i + 1 + k]) << (8 * k) }
            for byte in b[(i + 5)..<(i + 5 + n)] {
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
