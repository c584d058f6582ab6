extension AppDatabase {
    /// Migration `v12-delivery-records` (issue #19): delivery records, append-only, keyed by the session's school,
    /// class, date and period (a rebuild renumbers `scheduledSession`, so its sessions get an index on that key too),
    /// and the group-guidance runs.
    static let deliverySchema = """
        CREATE TABLE deliveryRecord (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            schoolId TEXT NOT NULL REFERENCES school(id) ON DELETE RESTRICT,
            classId TEXT NOT NULL, date TEXT NOT NULL, period INTEGER NOT NULL,
            term TEXT NOT NULL,
            teacherId TEXT NOT NULL REFERENCES teacher(id) ON DELETE RESTRICT,
            kind TEXT NOT NULL, lessonId TEXT NOT NULL,
            given BOOLEAN NOT NULL, reason TEXT, reflection TEXT,
            supersedes INTEGER REFERENCES deliveryRecord(id) ON DELETE RESTRICT,
            recordedBy TEXT NOT NULL, recordedAt DATETIME NOT NULL,
            CHECK ((given = 1 AND reason IS NULL) OR (given = 0 AND reason IS NOT NULL)));
        CREATE INDEX deliveryRecord_session ON deliveryRecord(schoolId, classId, date, period, id);
        CREATE INDEX deliveryRecord_teacher_date ON deliveryRecord(teacherId, date);
        CREATE INDEX scheduledSession_slot ON scheduledSession(schoolId, classId, date, period);
        CREATE TABLE groupRun (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            schoolId TEXT NOT NULL REFERENCES school(id) ON DELETE RESTRICT,
            date TEXT NOT NULL,
            facilitatorId TEXT NOT NULL REFERENCES teacher(id) ON DELETE RESTRICT,
            activityId TEXT NOT NULL, participants INTEGER NOT NULL CHECK (participants >= 1), notes TEXT,
            recordedBy TEXT NOT NULL, recordedAt DATETIME NOT NULL);
        CREATE INDEX groupRun_school_date ON groupRun(schoolId, date);
        """
}
