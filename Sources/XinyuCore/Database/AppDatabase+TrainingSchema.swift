extension AppDatabase {
    /// Issue #15's tables (migration `v7-training-records`): who owns a course a school or teacher entered
    /// (`courseOrigin`), evidence files by SHA-256 (`evidence`), the entered attendance records with their record
    /// state (`attendanceEntry`, one per teacher and course), and their state changes (`recordTransition`, kept
    /// append-only by triggers). The district's feed records stay in `attendance`, certified on arrival.
    static let trainingRecordsSchema = """
        CREATE TABLE courseOrigin (
            courseId TEXT PRIMARY KEY NOT NULL REFERENCES course(id) ON DELETE RESTRICT,
            schoolId TEXT NOT NULL REFERENCES school(id) ON DELETE RESTRICT,
            source TEXT NOT NULL,
            createdBy TEXT NOT NULL,
            createdAt TEXT NOT NULL
        );
        CREATE INDEX courseOrigin_school ON courseOrigin(schoolId, source);
        CREATE TABLE evidence (
            sha256 TEXT PRIMARY KEY NOT NULL,
            mediaType TEXT NOT NULL,
            size INTEGER NOT NULL,
            bytes BLOB NOT NULL
        );
        CREATE TABLE attendanceEntry (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            teacherId TEXT NOT NULL REFERENCES teacher(id) ON DELETE RESTRICT,
            courseId TEXT NOT NULL REFERENCES course(id) ON DELETE RESTRICT,
            hoursTenths INTEGER NOT NULL,
            status TEXT NOT NULL,
            result TEXT NOT NULL DEFAULT 'none',
            date TEXT NOT NULL,
            note TEXT,
            source TEXT NOT NULL,
            state TEXT NOT NULL,
            evidence TEXT REFERENCES evidence(sha256) ON DELETE RESTRICT,
            enteredBy TEXT NOT NULL,
            enteredAt TEXT NOT NULL,
            UNIQUE (teacherId, courseId)
        );
        CREATE INDEX attendanceEntry_course ON attendanceEntry(courseId);
        CREATE INDEX attendanceEntry_state ON attendanceEntry(state, teacherId);
        CREATE TABLE recordTransition (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            entryId INTEGER NOT NULL REFERENCES attendanceEntry(id) ON DELETE RESTRICT,
            fromState TEXT,
            toState TEXT NOT NULL,
            actor TEXT NOT NULL,
            capacity TEXT NOT NULL,
            at TEXT NOT NULL,
            reason TEXT
        );
        CREATE INDEX recordTransition_entry ON recordTransition(entryId);
        CREATE TRIGGER recordTransition_append_only_update BEFORE UPDATE ON recordTransition
        BEGIN SELECT RAISE(ABORT, 'recordTransition is append-only'); END;
        CREATE TRIGGER recordTransition_append_only_delete BEFORE DELETE ON recordTransition
        BEGIN SELECT RAISE(ABORT, 'recordTransition is append-only'); END;
        """
}
