import GRDB

extension AppDatabase {
    /// Every schema change of the product, in order. Never edit a shipped migration: add a new one.
    public static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1-core") { db in
            try db.create(table: "school") { t in
                t.primaryKey("id", .text)
                t.column("name", .text).notNull()
                t.column("stage", .text).notNull()
                t.column("counselingRoom", .boolean).notNull().defaults(to: false)
                t.column("district", .text).notNull()
            }
            try db.create(table: "grade") { t in
                t.column("schoolId", .text).notNull().references("school", onDelete: .restrict)
                t.column("level", .integer).notNull()
                t.column("classes", .integer).notNull()
                t.primaryKey(["schoolId", "level"])
            }
            try db.create(table: "teacher") { t in
                t.primaryKey("id", .text)
                t.column("schoolId", .text).notNull().indexed().references("school", onDelete: .restrict)
                t.column("name", .text).notNull()
                t.column("role", .text).notNull()
                t.column("hired", .text)
                t.column("status", .text).notNull().defaults(to: "active")
            }
            try db.create(table: "course") { t in
                t.primaryKey("id", .text)
                t.column("title", .text).notNull()
                t.column("provider", .text)
                t.column("tier", .integer).notNull()
                t.column("mode", .integer).notNull()
                t.column("hoursTenths", .integer).notNull()
                t.column("start", .text).notNull()
                t.column("end", .text).notNull()
                t.column("track", .text).notNull().defaults(to: "none")
                t.column("category", .text).notNull().defaults(to: "professional")
                t.column("capacity", .integer)
            }
            try db.create(table: "attendance") { t in
                t.column("teacherId", .text).notNull().references("teacher", onDelete: .restrict)
                t.column("courseId", .text).notNull().indexed().references("course", onDelete: .restrict)
                t.column("hoursTenths", .integer).notNull()
                t.column("status", .text).notNull()
                t.column("result", .text).notNull().defaults(to: "none")
                t.column("date", .text).notNull()
                t.primaryKey(["teacherId", "courseId"])
            }
            try db.create(table: "award") { t in
                t.column("teacherId", .text).notNull().references("teacher", onDelete: .restrict)
                t.column("level", .text).notNull()
                t.column("issued", .text).notNull()
                t.column("number", .text).unique()
                t.column("expires", .text)
                t.primaryKey(["teacherId", "level", "issued"])
            }
            try db.create(table: "counseling") { t in
                t.column("teacherId", .text).notNull().references("teacher", onDelete: .restrict)
                t.column("date", .text).notNull()
                t.column("hoursTenths", .integer).notNull()
                t.primaryKey(["teacherId", "date"])
            }
            try db.create(table: "lessonPractice") { t in
                t.column("teacherId", .text).notNull().references("teacher", onDelete: .restrict)
                t.column("date", .text).notNull()
                t.column("periods", .integer).notNull()
                t.primaryKey(["teacherId", "date"])
            }
            try db.create(table: "importLog") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("feedId", .text).indexed()
                t.column("format", .text).notNull()
                t.column("file", .text).notNull()
                t.column("digest", .text).notNull()
                t.column("importedAt", .datetime).notNull()
                t.column("status", .text).notNull()
                t.column("accepted", .text).notNull()
                t.column("rejectedCount", .integer).notNull()
                t.column("rejections", .text).notNull()
            }
        }
        m.registerMigration("v2-schedule") { db in
            try db.create(table: "scheduledSession") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("term", .text).notNull()
                t.column("schoolId", .text).notNull().references("school", onDelete: .restrict)
                t.column("classId", .text).notNull()
                t.column("grade", .integer).notNull()
                t.column("date", .text).notNull()
                t.column("period", .integer).notNull()
                t.column("teacherId", .text).notNull().references("teacher", onDelete: .restrict)
                t.column("lessonId", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("room", .text)
            }
            try db.create(index: "scheduledSession_term_school", on: "scheduledSession", columns: ["term", "schoolId"])
            try db.create(index: "scheduledSession_teacher_date", on: "scheduledSession", columns: ["teacherId", "date"])
        }
        // Attendance is stored clustered on its key (teacherId, courseId) and loses its courseId index. Every
        // reader goes by teacher or scans the table whole; the index made each imported record a random-order
        // b-tree insert (two thirds of a large feed's write time). Courses are never deleted, so the
        // ON DELETE RESTRICT check never needs it.
        m.registerMigration("v3-attendance-by-teacher") { db in
            try db.create(table: "attendance_v3", options: [.withoutRowID]) { t in
                t.column("teacherId", .text).notNull().references("teacher", onDelete: .restrict)
                t.column("courseId", .text).notNull().references("course", onDelete: .restrict)
                t.column("hoursTenths", .integer).notNull()
                t.column("status", .text).notNull()
                t.column("result", .text).notNull().defaults(to: "none")
                t.column("date", .text).notNull()
                t.primaryKey(["teacherId", "courseId"])
            }
            try db.execute(
                sql: """
                    INSERT INTO attendance_v3 (teacherId, courseId, hoursTenths, status, result, date)
                    SELECT teacherId, courseId, hoursTenths, status, result, date FROM attendance
                    """)
            try db.drop(table: "attendance")
            try db.rename(table: "attendance_v3", to: "attendance")
        }
        // Counseling, lesson practice and awards are stored clustered on their keys, which all start with the
        // teacher: every reader goes by teacher (or a range of teachers), and a rowid table made each of those
        // reads an index probe plus a table lookup per row. Same columns and constraints as v1.
        m.registerMigration("v4-practice-and-awards-by-teacher") { db in
            try db.create(table: "counseling_v4", options: [.withoutRowID]) { t in
                t.column("teacherId", .text).notNull().references("teacher", onDelete: .restrict)
                t.column("date", .text).notNull()
                t.column("hoursTenths", .integer).notNull()
                t.primaryKey(["teacherId", "date"])
            }
            try db.create(table: "lessonPractice_v4", options: [.withoutRowID]) { t in
                t.column("teacherId", .text).notNull().references("teacher", onDelete: .restrict)
                t.column("date", .text).notNull()
                t.column("periods", .integer).notNull()
                t.primaryKey(["teacherId", "date"])
            }
            try db.create(table: "award_v4", options: [.withoutRowID]) { t in
                t.column("teacherId", .text).notNull().references("teacher", onDelete: .restrict)
                t.column("level", .text).notNull()
                t.column("issued", .text).notNull()
                t.column("number", .text).unique()
                t.column("expires", .text)
                t.primaryKey(["teacherId", "level", "issued"])
            }
            try db.execute(
                sql: """
                    INSERT INTO counseling_v4 (teacherId, date, hoursTenths) SELECT teacherId, date, hoursTenths FROM counseling;
                    INSERT INTO lessonPractice_v4 (teacherId, date, periods) SELECT teacherId, date, periods FROM lessonPractice;
                    INSERT INTO award_v4 (teacherId, level, issued, number, expires)
                        SELECT teacherId, level, issued, number, expires FROM award;
                    """)
            for table in ["counseling", "lessonPractice", "award"] {
                try db.drop(table: table)
                try db.rename(table: "\(table)_v4", to: table)
            }
        }
        // One counter that every write transaction of the product raises (``AppDatabase/recordChange(_:)``), so a
        // cache of computed reports can tell, with one small read, that anything changed, whichever process wrote.
        m.registerMigration("v5-store-version") { db in
            try db.execute(
                sql: """
                    CREATE TABLE storeVersion (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);
                    INSERT INTO storeVersion (id, version) VALUES (1, 0);
                    """)
        }
        // Issue #14: accounts, their API tokens (SHA-256 only) and browser sessions (SHA-256 only), and the audit
        // trail, which triggers keep append-only.
        m.registerMigration("v7-accounts") { db in
            try db.execute(sql: AppDatabase.accountsSchema)
        }
        // Issue #15: training recorded where it happens: the owners of courses schools and teachers enter, evidence
        // files, entered attendance records with their record state, and their transitions (append-only).
        m.registerMigration("v8-training-records") { db in
            try db.execute(sql: AppDatabase.trainingRecordsSchema)
        }
        // Issue #17. Class teachers' own classes (feed v1.1 `homeroom`), each school's own master timetable
        // (replaced whole by every import), and what each stored build gave every class, placed or not.
        m.registerMigration("v9-timetable-homeroom") { db in
            try db.create(table: "homeroom", options: [.withoutRowID]) { t in
                t.primaryKey("teacherId", .text).references("teacher", onDelete: .restrict)
                t.column("grade", .integer).notNull()
                t.column("classNumber", .integer).notNull()
            }
            try db.create(table: "timetable") { t in
                t.primaryKey("schoolId", .text).references("school", onDelete: .restrict)
                t.column("file", .text).notNull()
                t.column("format", .text).notNull()
                t.column("importedAt", .datetime).notNull()
                t.column("rows", .integer).notNull()
            }
            try db.create(table: "timetableSlot") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("schoolId", .text).notNull().indexed().references("timetable", onDelete: .cascade)
                t.column("weekday", .integer).notNull()
                t.column("period", .integer).notNull()
                t.column("teacherId", .text).indexed().references("teacher", onDelete: .restrict)
                t.column("classId", .text)
                t.column("subject", .text).notNull()
                t.column("psychology", .boolean).notNull()
                t.column("row", .integer).notNull()
            }
            try db.create(table: "scheduleBuild") { t in
                t.column("term", .text).notNull()
                t.column("schoolId", .text).notNull().references("school", onDelete: .restrict)
                t.column("builtAt", .datetime).notNull()
                t.primaryKey(["term", "schoolId"])
            }
            try db.create(table: "schedulePlan", options: [.withoutRowID]) { t in
                t.column("term", .text).notNull()
                t.column("schoolId", .text).notNull()
                t.column("classId", .text).notNull()
                t.column("grade", .integer).notNull()
                t.column("kind", .text).notNull()
                t.column("outcome", .text).notNull()
                t.column("everyWeeks", .integer)
                t.column("rulesEveryWeeks", .integer)
                t.column("periods", .integer).notNull()
                t.column("teacherId", .text).references("teacher", onDelete: .restrict)
                t.column("cause", .text)
                t.column("reason", .text).notNull()
                t.primaryKey(["term", "schoolId", "classId"])
                t.foreignKey(["term", "schoolId"], references: "scheduleBuild", onDelete: .cascade)
            }
        }
        // Issue #16: the reminders' outbox, certificates' verification codes and revocations.
        m.registerMigration("v10-notices-certificates") { db in
            try db.execute(sql: AppDatabase.noticesCertificatesSchema)
        }
        // Issue #19: the managed lesson library (schools' and the district's lesson plans and activities), its
        // append-only versions and a trigram full-text index for Chinese and English substring search.
        m.registerMigration("v11-lesson-library") { db in
            try db.execute(sql: AppDatabase.lessonLibrarySchema)
        }
        // Issue #19: whether scheduled sessions were given, and the group-guidance sessions run.
        m.registerMigration("v12-delivery-records") { db in
            try db.execute(sql: AppDatabase.deliverySchema)
        }
        // Issue #18: a district role limited to one district (a feed's `district` code); NULL: the whole store.
        m.registerMigration("v13-account-district") { db in
            try db.execute(sql: "ALTER TABLE account ADD COLUMN district TEXT")
        }
        // Issue #18: the import log and the audit trail record the district each line concerns, so that a
        // district-scoped role reads its district's lines (NULL: none, or the whole store; such lines are read only
        // by unscoped roles). Adding a column fires no trigger: the audit trail stays append-only.
        m.registerMigration("v14-district-logs") { db in
            try db.execute(sql: AppDatabase.districtLogsSchema)
        }
        return m
    }
}
