/// The stored records packed whole, each value in its kind's column order (``RecordBatch/Kind``).
extension RecordBatch {
    /// Packs a teacher.
    public mutating func append(_ t: Teacher) {
        begin(.teacher)
        text(t.id)
        text(t.schoolId)
        text(t.name)
        text(t.role.rawValue)
        text(t.hired?.description)
        text(t.status.rawValue)
    }

    /// Packs a course.
    public mutating func append(_ c: Course) {
        begin(.course)
        text(c.id)
        text(c.title)
        text(c.provider)
        int(c.tier)
        int(c.mode)
        int(c.hoursTenths)
        text(c.start.description)
        text(c.end.description)
        text(c.track.rawValue)
        text(c.category.rawValue)
        int(c.capacity)
    }

    /// Packs an award.
    public mutating func append(_ a: Award) {
        begin(.award)
        text(a.teacherId)
        text(a.level.rawValue)
        text(a.issued.description)
        text(a.number)
        text(a.expires?.description)
    }

    /// Packs an attendance record.
    public mutating func append(_ a: Attendance) {
        begin(.attendance)
        text(a.teacherId)
        text(a.courseId)
        int(a.hoursTenths)
        text(a.status.rawValue)
        text(a.result.rawValue)
        text(a.date.description)
    }

    /// Packs a day of counseling practice.
    public mutating func append(_ c: CounselingPractice) {
        begin(.counseling)
        text(c.teacherId)
        text(c.date.description)
        int(c.hoursTenths)
    }

    /// Packs a day of lesson practice.
    public mutating func append(_ l: LessonPractice) {
        begin(.lesson)
        text(l.teacherId)
        text(l.date.description)
        int(l.periods)
    }

    /// Packs a class teacher's own class.
    public mutating func append(_ h: Homeroom) {
        begin(.homeroom)
        text(h.teacherId)
        int(h.grade)
        int(h.classNumber)
    }
}
