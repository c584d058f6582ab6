/// What the term scheduler reads from the store (``SchedulingStore/scheduleInputs(school:)``): the schools (one or
/// all), their grades, their teachers, the class teachers' own classes and the schools' own timetables.
public struct ScheduleInputs: Sendable {
    public var schools: [School]
    public var grades: [Grade]
    public var teachers: [Teacher]
    /// The stored homerooms of those schools' teachers (every role and status; the scheduler decides).
    public var homerooms: [Homeroom]
    /// The slots of those schools' imported timetables.
    public var timetable: [TimetableSlot]

    public init(
        schools: [School], grades: [Grade], teachers: [Teacher], homerooms: [Homeroom] = [],
        timetable: [TimetableSlot] = []
    ) {
        self.schools = schools
        self.grades = grades
        self.teachers = teachers
        self.homerooms = homerooms
        self.timetable = timetable
    }
}
