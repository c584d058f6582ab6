/// Records an import hands to the store in one go (``FeedTransaction/submit(_:)``), packed as bytes so that the
/// importer's fast paths can queue a record without building strings: per record its ``Kind``, then each value in
/// the order of the kind's columns (``Kind/columns``), as a tag (0 text, 1 integer, 2 NULL) and the value (text: a
/// 4-byte length and the UTF-8 bytes; integer: 8 bytes; both little-endian).
///
/// A record of a kind is an upsert: it replaces the stored record with the same key, and a later record of a key
/// wins over an earlier one, in the batch and across batches. The format is the engines' contract: each engine
/// decodes it into its own statements.
public struct RecordBatch: Sendable {
    /// What a record is, and so which table it is upserted into.
    public enum Kind: UInt8, CaseIterable, Sendable {
        /// `attendance`: teacherId, courseId, hoursTenths, status, result, date (key teacherId, courseId).
        case attendance
        /// `counseling`: teacherId, date, hoursTenths (key teacherId, date).
        case counseling
        /// `lessonPractice`: teacherId, date, periods (key teacherId, date).
        case lesson
        /// `teacher`: id, schoolId, name, role, hired, status (key id).
        case teacher
        /// `course`: id, title, provider, tier, mode, hoursTenths, start, end, track, category, capacity (key id).
        case course
        /// `award`: teacherId, level, issued, number, expires (key teacherId, level, issued).
        case award
        /// `homeroom`: teacherId, grade, classNumber (key teacherId).
        case homeroom

        /// The table's columns in the order a record's values come, and the key columns.
        public var columns: TableColumns {
            switch self {
            case .attendance: .attendance
            case .counseling: .counseling
            case .lesson: .lessonPractice
            case .teacher: .teacher
            case .course: .course
            case .award: .award
            case .homeroom: .homeroom
            }
        }
    }

    /// The packed records.
    public var bytes: [UInt8] { storage }
    /// How many records are packed.
    public var count: Int { records }
    @usableFromInline var storage: [UInt8] = []
    @usableFromInline var records = 0
    /// The records an importer packs before it submits the batch.
    public static let capacity = 4096

    /// An empty batch, with room for ``capacity`` typical records.
    public init() { storage.reserveCapacity(RecordBatch.capacity * 56) }

    /// Starts a record of `kind`; its values follow, one call each, in the kind's column order.
    @inlinable public mutating func begin(_ kind: Kind) {
        appendByte(kind.rawValue)
        records += 1
    }

    /// A text value given as UTF-8 bytes.
    @inlinable public mutating func text(_ t: UnsafeBufferPointer<UInt8>) {
        appendByte(0)
        appendInteger(UInt32(t.count))
        appendBytes(t)
    }

    /// A text value known at compile time.
    @inlinable public mutating func text(_ t: StaticString) {
        t.withUTF8Buffer { text($0) }
    }

    /// A text value, or NULL.
    @inlinable public mutating func text(_ t: String?) {
        guard var t else { return null() }
        t.withUTF8 { text($0) }
    }

    /// An integer value.
    @inlinable public mutating func int(_ v: Int) {
        appendByte(1)
        appendInteger(Int64(v))
    }

    /// An integer value, or NULL.
    @inlinable public mutating func int(_ v: Int?) {
        guard let v else { return null() }
        int(v)
    }

    /// A NULL value.
    @inlinable public mutating func null() { appendByte(2) }

    @inlinable mutating func appendByte(_ b: UInt8) { storage.append(b) }

    @inlinable mutating func appendBytes(_ b: UnsafeBufferPointer<UInt8>) { storage.append(contentsOf: b) }

    @inlinable mutating func appendInteger<I: FixedWidthInteger>(_ v: I) {
        withUnsafeBytes(of: v.littleEndian) { storage.append(contentsOf: $0) }
    }
}
