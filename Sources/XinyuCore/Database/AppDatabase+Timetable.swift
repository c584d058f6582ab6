import GRDB

extension AppDatabase {
    /// Replaces the school's stored timetable (source and slots) in one transaction.
    public func replaceTimetable(school: String, source: TimetableSource, slots: [TimetableSlot]) throws {
        try writer.write { d in
            _ = try School.require(d, id: school)
            try AppDatabase.recordChange(d)
            try d.execute(sql: "DELETE FROM timetableSlot WHERE schoolId = ?", arguments: [school])
            try d.execute(sql: "DELETE FROM timetable WHERE schoolId = ?", arguments: [school])
            var source = source
            source.schoolId = school
            try source.insert(d)
            for var s in slots {
                s.id = nil
                s.schoolId = school
                try s.insert(d)
            }
        }
    }

    /// The school's stored timetable, or nil when none was imported.
    public func timetable(school: String) throws -> StoredTimetable? {
        try reading { d in
            _ = try School.require(d, id: school)
            guard let source = try TimetableSource.fetchOne(d, key: school) else { return nil }
            let slots = try TimetableSlot.filter(Column("schoolId") == school)
                .order(Column("weekday"), Column("period"), Column("row"), Column("id")).fetchAll(d)
            let names = try Teacher.filter(Column("schoolId") == school).fetchAll(d).map { ($0.id, $0.name) }
            return StoredTimetable(source: source, slots: slots, teacherNames: Dictionary(uniqueKeysWithValues: names))
        }
    }
}
