import GRDB

/// One period of a school's own master timetable (table `timetableSlot`), imported with `timetable import`: who
/// is busy in that period of every teaching week. A row names a teacher, a class or both; a file row with several
/// teachers or classes is stored as one slot for each pair.
///
/// Psychology periods the school timetabled itself (`psychology`) are kept for display, but they are not busy
/// time for the term scheduler: they are the class's psychology slot, which the scheduler tries first.
public struct TimetableSlot: Sendable, Codable, Hashable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "timetableSlot"
    public var id: Int64?
    public var schoolId: String
    /// ISO weekday: 1 Monday … 7 Sunday.
    public var weekday: Int
    /// Period of the day, 1-based, as the scheduling rules number them.
    public var period: Int
    public var teacherId: String?
    /// The class id (`S0001-3-2`), or nil when the row names only teachers.
    public var classId: String?
    /// The subject as the file names it (may be empty).
    public var subject: String
    /// Whether the subject is psychology (one of the rules' psychology subjects).
    public var psychology: Bool
    /// The 1-based row (line) of the file it came from.
    public var row: Int

    public init(
        id: Int64? = nil, schoolId: String, weekday: Int, period: Int, teacherId: String?, classId: String?,
        subject: String, psychology: Bool, row: Int
    ) {
        self.id = id
        self.schoolId = schoolId
        self.weekday = weekday
        self.period = period
        self.teacherId = teacherId
        self.classId = classId
        self.subject = subject
        self.psychology = psychology
        self.row = row
    }

    /// Read by column position (a build reads every school's slots; this skips the keyed decoder).
    public init(row: Row) throws {
        id = row[0]
        schoolId = row[1]
        weekday = row[2]
        period = row[3]
        teacherId = row[4]
        classId = row[5]
        subject = row[6]
        psychology = row[7]
        self.row = row[8]
    }

    /// The columns in the order ``init(row:)`` reads them.
    public static var databaseSelection: [any SQLSelectable] {
        [
            Column("id"), Column("schoolId"), Column("weekday"), Column("period"), Column("teacherId"), Column("classId"),
            Column("subject"), Column("psychology"), Column("row"),
        ]
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// Weekdays a timetable may name (Saturday and Sunday are kept, though lessons never fall on them).
    public static let weekdays = 1...7
    /// Periods of a day a timetable may name.
    public static let periods = 1...16
}
