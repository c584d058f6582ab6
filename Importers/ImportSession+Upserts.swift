import XinyuCore

/// Every write of an import goes through these. Teachers, courses, awards and the records are packed into the
/// session's ``RecordBatch``; schools, roster teachers and deactivations go to the store's transaction directly
/// (``ImportSession/withStore(_:)``, which keeps them in order with the batches).
extension ImportSession {
    func upsertSchool(_ s: School, grades: [Grade]) throws {
        try withStore { try $0.upsertSchool(s, grades: grades) }
        for g in grades { classCounts["\(s.id)#\(g.level)"] = .some(g.classes) }
        schools.insert(s.id)
        schoolDistricts[s.id] = s.district
        accepted.schools += 1
    }

    /// Packed into the batch (its lookups hit the caches updated here).
    func upsertTeacher(_ t: Teacher) throws {
        try queue { $0.append(t) }
        teachers.insert(t.id)
        accepted.teachers += 1
    }

    /// Sets or clears a teacher's homeroom (already checked); `keep` does nothing.
    func applyHomeroom(_ change: HomeroomChange, teacher: String) throws {
        switch change {
        case .keep: break
        case .clear: try withStore { try $0.clearHomeroom(teacher: teacher) }
        case .set(let g, let k): try queue { $0.append(Homeroom(teacherId: teacher, grade: g, classNumber: k)) }
        }
    }

    /// IMS persons: a stored teacher keeps its school, role and hire date unless the file names a role.
    func upsertIMSTeacher(_ t: Teacher, roleGiven: Bool) throws {
        try withStore { try $0.mergeRosterTeacher(t, roleGiven: roleGiven) }
        teachers.insert(t.id)
        accepted.teachers += 1
    }

    /// Packed into the batch (its lookups hit the caches updated here).
    func upsertCourse(_ c: Course) throws {
        try queue { $0.append(c) }
        courses[c.id] = CourseInfo(hours: c.hoursTenths, end: c.end, endText: c.end.description)
        if courseByBytes.count > 0 { courseByBytes.removeAll() }
        accepted.courses += 1
    }

    /// Packed into the batch after the fast paths' records; `date` is a validated `YYYY-MM-DD`.
    func upsertAttendance(
        teacher: String, course: String, hours: Int, status: AttendanceStatus, result: CourseResult,
        date: String
    ) throws {
        try queue { batch in
            batch.begin(.attendance)
            batch.text(teacher)
            batch.text(course)
            batch.int(hours)
            batch.text(status.rawValue)
            batch.text(result.rawValue)
            batch.text(date)
        }
        accepted.attendance += 1
    }

    /// Queues an award whose other checks passed; its number is checked by ``settleAwards()``, with the awards
    /// queued with it (``ImportOptions/awardsPerLookup`` at most), in the order they came.
    func upsertAward(_ a: Award, line: Int, column: Int, key: String) throws {
        pendingAwards.append(PendingAward(outcome: .check(a), line: line, column: column, key: key))
        if pendingAwards.count >= options.awardsPerLookup { try settleAwards() }
    }

    /// Rejects an award record, after the awards queued before it.
    func rejectAward(_ line: Int, _ column: Int, key: String, _ reason: String) {
        if pendingAwards.isEmpty {
            reject(line, column, "award", key, reason)
        } else {
            pendingAwards.append(PendingAward(outcome: .rejected(reason), line: line, column: column, key: key))
        }
    }

    /// Checks the queued awards' numbers, in order, against this feed's numbers and their stored holders (one
    /// lookup for the group): an award taking a number another award holds is rejected, the others are packed into
    /// the batch. The reader calls it before anything but an award record and at the end of the feed.
    func settleAwards() throws {
        guard !pendingAwards.isEmpty else { return }
        var numbers = Set<String>()
        for p in pendingAwards { if case .check(let a) = p.outcome, let n = a.number { numbers.insert(n) } }
        if !numbers.isEmpty { awardNumbers.lookedUp(try withStore { try $0.awards(holding: numbers.sorted()) }) }
        for p in pendingAwards {
            switch p.outcome {
            case .rejected(let reason):
                reject(p.line, p.column, "award", p.key, reason)
            case .check(let a):
                let key = "\(a.teacherId)/\(a.level.rawValue)/\(a.issued)"
                if let n = a.number, let holder = awardNumbers.holder(of: n), holder != key {
                    reject(p.line, p.column, "award", p.key, "number \(n) is already the number of award \(holder)")
                    continue
                }
                awardNumbers.set(a.number, for: key)
                try queue { $0.append(a) }
                accepted.awards += 1
            }
        }
        pendingAwards.removeAll(keepingCapacity: true)
    }

    func upsertCounseling(teacher: String, date: Day, hours: Int) throws {
        try queue { $0.append(CounselingPractice(teacherId: teacher, date: date, hours: Hours(tenths: hours))) }
        accepted.practice += 1
    }

    func upsertLesson(teacher: String, date: Day, periods: Int) throws {
        try queue { $0.append(LessonPractice(teacherId: teacher, date: date, periods: periods)) }
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
