/// A school's stored master timetable (``SchedulingStore/timetable(school:)``): where it came from and its slots.
public struct StoredTimetable: Sendable {
    public var source: TimetableSource
    /// By weekday, period, then file row.
    public var slots: [TimetableSlot]
    /// Teacher id → name, for the school's teachers.
    public var teacherNames: [String: String]

    public init(source: TimetableSource, slots: [TimetableSlot], teacherNames: [String: String]) {
        self.source = source
        self.slots = slots
        self.teacherNames = teacherNames
    }
}
