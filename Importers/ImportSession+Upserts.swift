import XinyuCore

/// Every write of an import goes through these. Teachers, courses, awards and the records are packed into the
/// session's ``RecordBatch``; schools, roster teachers and deactivations go to the store's transaction directly
/// (``ImportSession/withStore(_:)``, which keeps them in order with the batches).
extension ImportSession {
    func upsertSchool(_ s: School, grades: [Grade]) throws {
        try withStore { try $0.upsertSchool(s, grades: grades) }
        schools.insert(s.id)
        accepted.schools += 1
    }

    /// Packed into the batch (its lookups hit the caches updated here).
    func upsertTeacher(_ t: Teacher) throws {
        try queue(.teacher) { batch in
            batch.text(t.id)
            batch.text(t.schoolId)
            batch.text(t.name)
            batch.text(t.role.rawValue)
            batch.text(t.hired?.description)
            batch.text(t.status.rawValue)
        }
        teachers.insert(t.id)
        accepted.teachers += 1
    }

    /// IMS persons: a stored teacher keeps its school, role and hire date unless the file names a role.
    func upsertIMSTeacher(_ t: Teacher, roleGiven: Bool) throws {
        try withStore { try $0.mergeRosterTeacher(t, roleGiven: roleGiven) }
        teachers.insert(t.id)
        accepted.teachers += 1
    }

    /// Packed into the batch (its lookups hit the caches updated here).
    func upsertCourse(_ c: Course) throws {
        try queue(.course) { batch in
            batch.text(c.id)
            batch.text(c.title)
            batch.text(c.provider)
            batch.int(c.tier)
            batch.int(c.mode)
            batch.int(c.hoursTenths)
            batch.text(c.start.description)
            batch.text(c.end.description)
            batch.text(c.track.rawValue)
            batch.text(c.category.rawValue)
            batch.int(c.capacity)
        }
        courses[c.id] = CourseInfo(hours: c.hoursTenths, end: c.end, endText: c.end.description)
        if courseByBytes.count > 0 { courseByBytes.removeAll() }
        accepted.courses += 1
    }

    /// Packed into the batch after the fast paths' records; `date` is a validated `YYYY-MM-DD`.
    func upsertAttendance(teacher: String, course: String, hours: Int, status: AttendanceStatus, result: CourseResult,
                          date: String) throws {
        try queue(.attendance) { batch in
            batch.text(teacher)
            batch.text(course)
            batch.int(hours)
            batch.text(status.rawValue)
            batch.text(result.rawValue)
            batch.text(date)
        }
        accepted.attendance += 1
    }

    /// Packed into the batch; the award numbers known to the session follow.
    func upsertAward(_ a: Award) throws {
        try loadAwardNumbers()
        awardNumbers.set(a.number, for: "\(a.teacherId)/\(a.level.rawValue)/\(a.issued)")
        try queue(.award) { batch in
            batch.text(a.teacherId)
            batch.text(a.level.rawValue)
            batch.text(a.issued.description)
            batch.text(a.number)
            batch.text(a.expires?.description)
        }
        accepted.awards += 1
    }

    func upsertCounseling(teacher: String, date: Day, hours: Int) throws {
        try queue(.counseling) { batch in
            batch.text(teacher)
            batch.text(date.description)
            batch.int(hours)
        }
        accepted.practice += 1
    }

    func upsertLesson(teacher: String, date: Day, periods: Int) throws {
        try queue(.lesson) { batch in
            batch.text(teacher)
            batch.text(date.description)
            batch.int(periods)
        }
        accepted.practice += 1
    }

    /// mode="full": active teachers of the listed schools that the feed never mentioned become inactive.
    func deactivateMissingTeachers() throws {
        try withStore { store in
            for school in listedSchools.sorted() {
                for id in try store.activeTeacherIds(school: school) where !mentionedTeachers.contains(id) {
                    try store.deactivateTeacher(id: id)
                    deactivated += 1
                }
            }
        }
    }
}
