/// What the term scheduler reads from the store (``SchedulingStore/scheduleInputs(school:)``): the schools (one or
/// all), their grades and their teachers.
public struct ScheduleInputs: Sendable {
    public var schools: [School]
    public var grades: [Grade]
    public var teachers: [Teacher]

    public init(schools: [School], grades: [Grade], teachers: [Teacher]) {
        self.schools = schools
        self.grades = grades
        self.teachers = teachers
    }
}
