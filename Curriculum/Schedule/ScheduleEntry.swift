import XinyuCore

/// One planned session in memory: a lesson period of a class, or one meeting of a group in the counseling room.
///
/// For `kind == "group"`, `period` is the 1-based number of the counseling-room window in the rules
/// (`counselingRoom.open`), the session starts at that window's start, and `classId` is the group's label
/// `SCHOOL-ACTIVITY-N` (students are counted, never named).
public struct ScheduleEntry: Sendable, Hashable, Codable {
    public var term: String
    public var school: String
    public var classId: String
    public var grade: Int
    public var date: Day
    public var period: Int
    public var teacher: String
    public var lesson: String
    public var kind: SessionKind
    public var room: String?
    /// Students in a group session (not stored: the store keeps no student data).
    public var groupSize: Int?

    public init(
        term: String, school: String, classId: String, grade: Int, date: Day, period: Int, teacher: String,
        lesson: String, kind: SessionKind = .lesson, room: String? = nil, groupSize: Int? = nil
    ) {
        self.term = term
        self.school = school
        self.classId = classId
        self.grade = grade
        self.date = date
        self.period = period
        self.teacher = teacher
        self.lesson = lesson
        self.kind = kind
        self.room = room
        self.groupSize = groupSize
    }

    public var record: ScheduledSession {
        ScheduledSession(
            term: term, schoolId: school, classId: classId, grade: grade, date: date, period: period,
            teacherId: teacher, lessonId: lesson, kind: kind, room: room)
    }
}
