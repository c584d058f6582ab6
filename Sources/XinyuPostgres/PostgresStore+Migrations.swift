import NIOPosix
import XinyuCore

extension PostgresStore {
    /// Every schema change of the PostgreSQL store, in order: the same tables, columns, keys and rules as the
    /// SQLite store's migrations (days as `YYYY-MM-DD` text, hours as integer tenths, instants as `timestamptz`).
    /// Text sorts by its bytes (`COLLATE "C"`), as SQLite's does, so that lists come in the same order.
    /// Table `xinyuSchema` holds how many have run. Never edit a shipped migration: add one.
    static let migrations: [(name: String, sql: String)] = [
        ("v1-core", coreSchema),
        ("v2-accounts", accountsSchema),
        ("v3-timetable-homeroom", timetableHomeroomSchema),
        ("v4-training-records", trainingRecordsSchema),
        ("v5-notices-certificates", noticesCertificatesSchema),
        ("v6-districts", districtsSchema),
        ("v7-lesson-library", lessonLibrarySchema),
        ("v8-delivery-records", deliverySchema),
        // Issue #18: a district role limited to one district; NULL: the whole store.
        ("v9-account-district", "ALTER TABLE account ADD COLUMN district TEXT COLLATE \"C\""),
        // Issue #18: the bulk tables' references checked once per statement (PostgresStore+FeedReferencesSchema).
        ("v10-feed-reference-checks", feedReferencesSchema),
        // Issue #18: the district each import-log and audit line concerns (NULL: none, or the whole store).
        ("v11-district-logs", districtLogsSchema),
        // Issue #18: the feed importer checks its records' references once per feed, at its commit.
        ("v12-feed-references-at-commit", feedReferencesAtCommitSchema),
        // Issue #18: each teacher's counted feed records in one row, kept by triggers and the feed importer.
        ("v13-attendance-summary", attendanceSummarySchema),
        // Issue #18: the feed's attendance records stored one row per teacher; `attendance` is a view of them.
        ("v14-attendance-by-teacher", attendanceByTeacherSchema),
        // Issue #18: an award's teacher and a teacher's school checked once per statement (the award's: per feed).
        ("v15-award-and-teacher-references", awardAndTeacherReferencesSchema),
    ]

    /// Runs the migrations not yet run, in one transaction under the write lock; a database whose schema is newer
    /// than this xinyu's is refused untouched (``StoreError/newerSchema(path:)``).
    /// `through` (tests): stop after that many migrations, to build a store as an older xinyu left it.
    func migrate(through count: Int = migrations.count) throws {
        // Nearly every open finds the schema current: it reads the version without the store's write lock, which a
        // running district feed holds shared (``writing(district:_:)``), so that opening the store (every CLI
        // command does) never waits for the imports in progress. Only a migration takes the lock, and reads the
        // version again under it.
        if let version = try withSession({ s -> Int? in
            guard try s.rows("SELECT to_regclass('xinyuschema') IS NOT NULL").first?.bool(0) == true else { return nil }
            return try s.rows("SELECT version FROM xinyuSchema").first?.int(0)
        }) {
            guard version <= Self.migrations.count else { throw StoreError.newerSchema(path: url) }
            if version >= count { return }
        }
        try write { s in
            try s.execute("CREATE TABLE IF NOT EXISTS xinyuSchema (version BIGINT NOT NULL)")
            if try s.int("SELECT COUNT(*) FROM xinyuSchema") == 0 {
                try s.execute("INSERT INTO xinyuSchema (version) VALUES (0)")
            }
            let version = try s.int("SELECT version FROM xinyuSchema")
            guard version <= Self.migrations.count else { throw StoreError.newerSchema(path: url) }
            for m in Self.migrations.prefix(count).dropFirst(version) {
                try s.script(m.sql)
            }
            try s.execute("UPDATE xinyuSchema SET version = ?", [.int(max(version, count))])
        }
    }

    /// Opens `target` migrated through the first `count` migrations only: the store an older xinyu left (tests).
    static func open(_ target: PostgresURL, through count: Int) throws -> PostgresStore {
        let store = PostgresStore(
            target: target, group: MultiThreadedEventLoopGroup(numberOfThreads: 1), ownsGroup: true,
            lockTimeout: AppDatabase.defaultBusyTimeout)
        try store.migrate(through: count)
        return store
    }

    static let coreSchema = """
        CREATE TABLE school (
            id TEXT COLLATE "C" PRIMARY KEY, name TEXT COLLATE "C" NOT NULL, stage TEXT COLLATE "C" NOT NULL,
            counselingRoom BOOLEAN NOT NULL DEFAULT FALSE, district TEXT COLLATE "C" NOT NULL);
        CREATE TABLE grade (
            schoolId TEXT COLLATE "C" NOT NULL REFERENCES school(id) ON DELETE RESTRICT, level BIGINT NOT NULL,
            classes BIGINT NOT NULL, PRIMARY KEY (schoolId, level));
        CREATE TABLE teacher (
            id TEXT COLLATE "C" PRIMARY KEY,
            schoolId TEXT COLLATE "C" NOT NULL REFERENCES school(id) ON DELETE RESTRICT,
            name TEXT COLLATE "C" NOT NULL, role TEXT COLLATE "C" NOT NULL, hired TEXT COLLATE "C",
            status TEXT COLLATE "C" NOT NULL DEFAULT 'active');
        CREATE INDEX teacher_schoolId ON teacher(schoolId);
        CREATE TABLE course (
            id TEXT COLLATE "C" PRIMARY KEY, title TEXT COLLATE "C" NOT NULL, provider TEXT COLLATE "C",
            tier BIGINT NOT NULL, mode BIGINT NOT NULL,
            hoursTenths BIGINT NOT NULL, start TEXT COLLATE "C" NOT NULL, "end" TEXT COLLATE "C" NOT NULL,
            track TEXT COLLATE "C" NOT NULL DEFAULT 'none',
            category TEXT COLLATE "C" NOT NULL DEFAULT 'professional', capacity BIGINT);
        CREATE TABLE attendance (
            teacherId TEXT COLLATE "C" NOT NULL REFERENCES teacher(id) ON DELETE RESTRICT,
            courseId TEXT COLLATE "C" NOT NULL REFERENCES course(id) ON DELETE RESTRICT,
            hoursTenths BIGINT NOT NULL, status TEXT COLLATE "C" NOT NULL,
            result TEXT COLLATE "C" NOT NULL DEFAULT 'none', date TEXT COLLATE "C" NOT NULL,
            PRIMARY KEY (teacherId, courseId));
        CREATE TABLE award (
            teacherId TEXT COLLATE "C" NOT NULL REFERENCES teacher(id) ON DELETE RESTRICT,
            level TEXT COLLATE "C" NOT NULL,
            issued TEXT COLLATE "C" NOT NULL, number TEXT COLLATE "C" UNIQUE, expires TEXT COLLATE "C",
            PRIMARY KEY (teacherId, level, issued));
        CREATE TABLE counseling (
            teacherId TEXT COLLATE "C" NOT NULL REFERENCES teacher(id) ON DELETE RESTRICT,
            date TEXT COLLATE "C" NOT NULL,
            hoursTenths BIGINT NOT NULL, PRIMARY KEY (teacherId, date));
        CREATE TABLE lessonPractice (
            teacherId TEXT COLLATE "C" NOT NULL REFERENCES teacher(id) ON DELETE RESTRICT,
            date TEXT COLLATE "C" NOT NULL,
            periods BIGINT NOT NULL, PRIMARY KEY (teacherId, date));
        CREATE TABLE importLog (
            id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, feedId TEXT COLLATE "C",
            format TEXT COLLATE "C" NOT NULL,
            file TEXT COLLATE "C" NOT NULL, digest TEXT COLLATE "C" NOT NULL,
            importedAt TIMESTAMPTZ NOT NULL, status TEXT COLLATE "C" NOT NULL,
            accepted TEXT COLLATE "C" NOT NULL, rejectedCount BIGINT NOT NULL, rejections TEXT COLLATE "C" NOT NULL);
        CREATE INDEX importLog_feedId ON importLog(feedId);
        CREATE TABLE scheduledSession (
            id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, term TEXT COLLATE "C" NOT NULL,
            schoolId TEXT COLLATE "C" NOT NULL REFERENCES school(id) ON DELETE RESTRICT,
            classId TEXT COLLATE "C" NOT NULL,
            grade BIGINT NOT NULL, date TEXT COLLATE "C" NOT NULL, period BIGINT NOT NULL,
            teacherId TEXT COLLATE "C" NOT NULL REFERENCES teacher(id) ON DELETE RESTRICT,
            lessonId TEXT COLLATE "C" NOT NULL,
            kind TEXT COLLATE "C" NOT NULL, room TEXT COLLATE "C");
        CREATE INDEX scheduledSession_term_school ON scheduledSession(term, schoolId);
        CREATE INDEX scheduledSession_teacher_date ON scheduledSession(teacherId, date);
        CREATE TABLE storeVersion (id BIGINT PRIMARY KEY CHECK (id = 1), version BIGINT NOT NULL);
        INSERT INTO storeVersion (id, version) VALUES (1, 0);
        CREATE FUNCTION xinyu_is_day(t TEXT) RETURNS BOOLEAN LANGUAGE plpgsql IMMUTABLE AS $$
        BEGIN
            IF t !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN RETURN FALSE; END IF;
            RETURN to_char(t::date, 'YYYY-MM-DD') = t;
        EXCEPTION WHEN OTHERS THEN RETURN FALSE;
        END $$;
        """

    static let accountsSchema = """
        CREATE TABLE account (
            name TEXT COLLATE "C" PRIMARY KEY, role TEXT COLLATE "C" NOT NULL,
            schoolId TEXT COLLATE "C" REFERENCES school(id) ON DELETE RESTRICT,
            teacherId TEXT COLLATE "C" REFERENCES teacher(id) ON DELETE RESTRICT,
            passwordHash TEXT COLLATE "C", disabled BOOLEAN NOT NULL DEFAULT FALSE, created TIMESTAMPTZ NOT NULL);
        CREATE TABLE accessToken (
            id TEXT COLLATE "C" PRIMARY KEY,
            accountName TEXT COLLATE "C" NOT NULL REFERENCES account(name) ON DELETE RESTRICT,
            hash TEXT COLLATE "C" NOT NULL UNIQUE, label TEXT COLLATE "C", created TIMESTAMPTZ NOT NULL,
            expires TIMESTAMPTZ,
            lastUsed TIMESTAMPTZ, revoked TIMESTAMPTZ);
        CREATE TABLE session (
            hash TEXT COLLATE "C" PRIMARY KEY,
            accountName TEXT COLLATE "C" NOT NULL REFERENCES account(name) ON DELETE RESTRICT,
            created TIMESTAMPTZ NOT NULL, expires TIMESTAMPTZ NOT NULL);
        CREATE INDEX session_account ON session(accountName);
        CREATE TABLE audit (
            id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, at TIMESTAMPTZ NOT NULL,
            actor TEXT COLLATE "C" NOT NULL,
            address TEXT COLLATE "C", action TEXT COLLATE "C" NOT NULL, target TEXT COLLATE "C" NOT NULL,
            before TEXT COLLATE "C", after TEXT COLLATE "C");
        CREATE INDEX audit_target_at ON audit(target, at);
        CREATE INDEX audit_actor_at ON audit(actor, at);
        CREATE FUNCTION xinyu_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'xinyu: the audit trail is append-only';
        END $$;
        CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit
            FOR EACH ROW EXECUTE FUNCTION xinyu_audit_append_only();
        CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit
            FOR EACH STATEMENT EXECUTE FUNCTION xinyu_audit_append_only();
        """

    /// Issue #18: the import log records the feed's district, the audit trail the district a line concerns (see
    /// ``AccountStore/appendAudit(_:)``); a district-scoped role reads only its district's lines. Adding a column
    /// fires no trigger, and the audit trail's triggers still refuse UPDATE, DELETE and TRUNCATE.
    static let districtLogsSchema = """
        ALTER TABLE importLog ADD COLUMN district TEXT COLLATE "C";
        ALTER TABLE audit ADD COLUMN district TEXT COLLATE "C";
        CREATE INDEX importLog_district ON importLog(district, id);
        CREATE INDEX audit_district ON audit(district, id);
        """

    /// Issue #18, many districts in one database: the data version becomes one row per district whose feeds
    /// changed data (id: the 6-digit code) besides row 1 (every other write), summed by ``dataVersion()``, so that
    /// two districts' feeds never wait for each other's row; and schools are found by district.
    static let districtsSchema = """
        ALTER TABLE storeVersion DROP CONSTRAINT storeversion_id_check;
        CREATE INDEX school_district ON school(district, id);
        """
}
