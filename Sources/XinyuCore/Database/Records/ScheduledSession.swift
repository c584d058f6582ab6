import GRDB

/// One planned psychology period or group-guidance session (table `scheduledSession`).
///
/// A class is `SCHOOL-GRADE-K` (counted, never named after students).
public struct ScheduledSession: Sendable, Codable, Hashable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "scheduledSession"
    public var id: Int64?
    /// The term, e.g. `2026-fall`.
    public var term: String
    public var schoolId: String
    /// The class id (`S0001-3-2`), or for group sessions the group's label.
    public var classId: String
    public var grade: Int
    public var date: Day
    /// Period of the day, 1-based.
    public var period: Int
    public var teacherId: String
    /// A lesson id from the library (kind `lesson`) or an activity id (kind `group`).
    public var lessonId: String
    public var kind: SessionKind
    public var room: String?

    public init(
        id: Int64? = nil, term: String, schoolId: String, classId: String, grade: Int, date: Day,
        period: Int, teacherId: String, lessonId: String, kind: SessionKind, room: String?
    ) {
        self.id = id
        self.term = term
        self.schoolId = schoolId
        self.classId = classId
        self.grade = grade
        self.date = date
        self.period = period
        self.teacherId = teacherId
        self.lessonId = lessonId
        self.kind = kind
        self.room = room
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
