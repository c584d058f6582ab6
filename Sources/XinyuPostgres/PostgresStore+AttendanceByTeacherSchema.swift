extension PostgresStore {
    /// Migration `v14-attendance-by-teacher` (issue #18, a district's import within 6× `xmllint --stream`): the feed's
    /// attendance records are stored one row per teacher, in table `attendanceByTeacher`, as five arrays
    /// (`courseIds`, `hoursTenths`, `statuses`, `results`, `dates`; element *i* of each is one record; the order of
    /// the records means nothing: the merge writes them by course id, the importer's `COPY` in the feed's order).
    /// `attendance` is now a view that turns those rows back into one row per record, with the same columns as the
    /// table it replaces, so that every reading (reports, `teachers show`, the consistency check, the v10 and v13
    /// functions) reads it as before.
    ///
    /// Why: a district feed holds 2.5 million attendance records for 40,000 teachers. As rows, the server's one
    /// backend spent about 3.5 µs on each at import (primary-key index insertion 39 %, heap 18 %, file extension
    /// 15 %, WAL 14 %), which alone kept the import above 6× `xmllint --stream` (BENCHMARKS.md, "#18 province scale,
    /// fourth run"). As one row per teacher, the index, heap and WAL work is per teacher, 60 times less; the
    /// attendance summary (migration v13) already stored the counted records this way.
    ///
    /// The rules the table kept are kept:
    /// - One record per teacher and course: every writer builds a teacher's arrays from distinct course ids
    ///   (`xinyu_merge_attendance`, the importer's `COPY` of new teachers' rows), and the view's writes refuse a
    ///   second record of a key with the primary key's error (SQLSTATE 23505). No constraint checks it on the
    ///   table itself (a check per row would cost the import a sort of every teacher's courses): SQL that writes
    ///   `attendanceByTeacher` directly is trusted to keep a row's course ids distinct.
    /// - No NULL element and arrays of one length (a `CHECK`); a row has at least one record.
    /// - References: the statement triggers of v10/v12 (`xinyu_lock_references`, every course of the rows written)
    ///   and the attendance summary's of v13 move to the new table, with the same `WHEN` conditions, so the feed
    ///   importer still does that work once per feed at its commit.
    ///
    /// Writers:
    /// - `xinyu_merge_attendance(teachers, courses, hours, statuses, results, dates)` upserts records given as
    ///   column arrays (the later of two records of one key wins): each teacher named gets their stored records
    ///   of other courses plus the given ones. The stored records are read in `ON CONFLICT … DO UPDATE`, from the
    ///   row as it is once locked, so two transactions merging records of one teacher at once (two districts'
    ///   feeds naming a teacher who moved) both keep theirs. The feed importer calls it for teachers already stored
    ///   (``PostgresFeedTransaction``) and `COPY`s new teachers' rows straight into the table.
    /// - `INSERT`, `UPDATE` and `DELETE` on the view still work, one record at a time (an `INSTEAD OF` row
    ///   trigger): for a DBA's hand correction, not for bulk work. `TRUNCATE` is of `attendanceByTeacher`.
    ///
    /// `ANALYZE` (autovacuum's, after each import) skips the array columns here and in `attendanceSummary`
    /// (`SET STATISTICS 0`): no query filters on their elements, and sorting every sampled array for their
    /// statistics took a quarter of the server's CPU time during a district's import.
    ///
    /// Rows stay inline up to 8,160 bytes (`toast_tuple_target`), so a teacher's row is neither compressed nor moved
    /// to the TOAST table unless it holds more than about a hundred records. The migration moves the records already
    /// stored into the new table: nothing is lost.
    static let attendanceByTeacherSchema = """
        CREATE TABLE attendanceByTeacher (
            teacherId TEXT COLLATE "C" PRIMARY KEY,
            courseIds TEXT[] COLLATE "C" NOT NULL, hoursTenths BIGINT[] NOT NULL, statuses TEXT[] COLLATE "C" NOT NULL,
            results TEXT[] COLLATE "C" NOT NULL, dates TEXT[] COLLATE "C" NOT NULL,
            CONSTRAINT attendanceByTeacher_records CHECK (
                cardinality(courseIds) > 0 AND array_ndims(courseIds) = 1
                AND cardinality(hoursTenths) = cardinality(courseIds) AND cardinality(statuses) = cardinality(courseIds)
                AND cardinality(results) = cardinality(courseIds) AND cardinality(dates) = cardinality(courseIds)
                AND array_position(courseIds, NULL) IS NULL AND array_position(hoursTenths, NULL) IS NULL
                AND array_position(statuses, NULL) IS NULL AND array_position(results, NULL) IS NULL
                AND array_position(dates, NULL) IS NULL)
        ) WITH (toast_tuple_target = 8160);
        ALTER TABLE attendanceByTeacher ALTER COLUMN courseIds SET STATISTICS 0,
            ALTER COLUMN hoursTenths SET STATISTICS 0, ALTER COLUMN statuses SET STATISTICS 0,
            ALTER COLUMN results SET STATISTICS 0, ALTER COLUMN dates SET STATISTICS 0;
        ALTER TABLE attendanceSummary ALTER COLUMN packed SET STATISTICS 0, ALTER COLUMN dates SET STATISTICS 0;
        INSERT INTO attendanceByTeacher (teacherId, courseIds, hoursTenths, statuses, results, dates)
        SELECT teacherId, array_agg(courseId ORDER BY courseId), array_agg(hoursTenths ORDER BY courseId),
            array_agg(status ORDER BY courseId), array_agg(result ORDER BY courseId), array_agg(date ORDER BY courseId)
        FROM attendance GROUP BY teacherId;
        DROP TABLE attendance;
        CREATE VIEW attendance AS
            SELECT b.teacherId, u.courseId, u.hoursTenths, u.status, u.result, u.date
            FROM attendanceByTeacher b
            CROSS JOIN LATERAL unnest(b.courseIds, b.hoursTenths, b.statuses, b.results, b.dates)
                AS u(courseId, hoursTenths, status, result, date);
        ALTER VIEW attendance ALTER COLUMN result SET DEFAULT 'none';
        CREATE FUNCTION xinyu_merge_attendance(
            teachers TEXT[], courses TEXT[], hours BIGINT[], statuses TEXT[], results TEXT[], dates TEXT[]
        ) RETURNS void LANGUAGE sql AS $$
            INSERT INTO attendanceByTeacher AS b (teacherId, courseIds, hoursTenths, statuses, results, dates)
            SELECT n.t, array_agg(n.c ORDER BY n.c), array_agg(n.h ORDER BY n.c), array_agg(n.s ORDER BY n.c),
                array_agg(n.r ORDER BY n.c), array_agg(n.d ORDER BY n.c)
            FROM (
                SELECT DISTINCT ON (g.t, g.c) g.t, g.c, g.h, g.s, g.r, g.d
                FROM (SELECT u.t COLLATE "C" AS t, u.c COLLATE "C" AS c, u.h, u.s COLLATE "C" AS s,
                        u.r COLLATE "C" AS r, u.d COLLATE "C" AS d, u.o
                    FROM unnest(teachers, courses, hours, statuses, results, dates) WITH ORDINALITY AS u(t, c, h, s, r, d, o)) g
                ORDER BY g.t, g.c, g.o DESC) n
            GROUP BY n.t
            ON CONFLICT (teacherId) DO UPDATE SET (courseIds, hoursTenths, statuses, results, dates) = (
                SELECT array_agg(m.c ORDER BY m.c), array_agg(m.h ORDER BY m.c), array_agg(m.s ORDER BY m.c),
                    array_agg(m.r ORDER BY m.c), array_agg(m.d ORDER BY m.c)
                FROM (
                    SELECT e.c, e.h, e.s, e.r, e.d
                    FROM unnest(excluded.courseIds, excluded.hoursTenths, excluded.statuses, excluded.results,
                        excluded.dates) AS e(c, h, s, r, d)
                    UNION ALL
                    SELECT o.c, o.h, o.s, o.r, o.d
                    FROM unnest(b.courseIds, b.hoursTenths, b.statuses, b.results, b.dates) AS o(c, h, s, r, d)
                    WHERE o.c <> ALL (excluded.courseIds)) m);
        $$;
        CREATE FUNCTION xinyu_attendance_row() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP <> 'INSERT' THEN
                DELETE FROM attendanceByTeacher b WHERE b.teacherId = OLD.teacherId AND b.courseIds = ARRAY[OLD.courseId];
                IF NOT FOUND THEN
                    UPDATE attendanceByTeacher b SET (courseIds, hoursTenths, statuses, results, dates) = (
                        SELECT array_agg(u.c ORDER BY u.c), array_agg(u.h ORDER BY u.c), array_agg(u.s ORDER BY u.c),
                            array_agg(u.r ORDER BY u.c), array_agg(u.d ORDER BY u.c)
                        FROM unnest(b.courseIds, b.hoursTenths, b.statuses, b.results, b.dates) AS u(c, h, s, r, d)
                        WHERE u.c <> OLD.courseId)
                    WHERE b.teacherId = OLD.teacherId AND OLD.courseId = ANY(b.courseIds);
                END IF;
            END IF;
            IF TG_OP = 'DELETE' THEN
                RETURN OLD;
            END IF;
            IF NEW.teacherId IS NULL OR NEW.courseId IS NULL OR NEW.hoursTenths IS NULL OR NEW.status IS NULL
                OR NEW.result IS NULL OR NEW.date IS NULL THEN
                RAISE EXCEPTION 'null value in a column of relation "attendance" violates not-null constraint'
                    USING ERRCODE = 'not_null_violation';
            END IF;
            IF EXISTS (SELECT 1 FROM attendanceByTeacher b
                    WHERE b.teacherId = NEW.teacherId AND NEW.courseId = ANY(b.courseIds)) THEN
                RAISE EXCEPTION 'duplicate key value violates unique constraint "attendance_pkey"'
                    USING ERRCODE = 'unique_violation',
                    DETAIL = format('Key (teacherid, courseid)=(%s, %s) already exists.', NEW.teacherId, NEW.courseId);
            END IF;
            PERFORM xinyu_merge_attendance(ARRAY[NEW.teacherId], ARRAY[NEW.courseId], ARRAY[NEW.hoursTenths],
                ARRAY[NEW.status], ARRAY[NEW.result], ARRAY[NEW.date]);
            RETURN NEW;
        END $$;
        CREATE TRIGGER attendance_write INSTEAD OF INSERT OR UPDATE OR DELETE ON attendance
            FOR EACH ROW EXECUTE FUNCTION xinyu_attendance_row();
        CREATE FUNCTION xinyu_attendance_references() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM xinyu_lock_references('attendance', ARRAY(SELECT n.teacherId FROM xinyu_new n),
                ARRAY(SELECT DISTINCT u.c FROM xinyu_new n CROSS JOIN LATERAL unnest(n.courseIds) AS u(c)));
            RETURN NULL;
        END $$;
        CREATE TRIGGER attendance_references_insert AFTER INSERT ON attendanceByTeacher
            REFERENCING NEW TABLE AS xinyu_new FOR EACH STATEMENT
            WHEN (current_setting('xinyu.feed_references', true) IS DISTINCT FROM 'checked at commit')
            EXECUTE FUNCTION xinyu_attendance_references();
        CREATE TRIGGER attendance_references_update AFTER UPDATE ON attendanceByTeacher
            REFERENCING NEW TABLE AS xinyu_new FOR EACH STATEMENT
            WHEN (current_setting('xinyu.feed_references', true) IS DISTINCT FROM 'checked at commit')
            EXECUTE FUNCTION xinyu_attendance_references();
        CREATE TRIGGER attendance_summary_insert AFTER INSERT ON attendanceByTeacher
            REFERENCING NEW TABLE AS xinyu_new FOR EACH STATEMENT
            WHEN (current_setting('xinyu.attendance_summary', true) IS DISTINCT FROM 'refreshed at commit')
            EXECUTE FUNCTION xinyu_attendance_summary();
        CREATE TRIGGER attendance_summary_update AFTER UPDATE ON attendanceByTeacher
            REFERENCING OLD TABLE AS xinyu_old NEW TABLE AS xinyu_new FOR EACH STATEMENT
            WHEN (current_setting('xinyu.attendance_summary', true) IS DISTINCT FROM 'refreshed at commit')
            EXECUTE FUNCTION xinyu_attendance_summary();
        CREATE TRIGGER attendance_summary_delete AFTER DELETE ON attendanceByTeacher
            REFERENCING OLD TABLE AS xinyu_old FOR EACH STATEMENT
            WHEN (current_setting('xinyu.attendance_summary', true) IS DISTINCT FROM 'refreshed at commit')
            EXECUTE FUNCTION xinyu_attendance_summary();
        CREATE TRIGGER attendance_summary_truncate AFTER TRUNCATE ON attendanceByTeacher
            FOR EACH STATEMENT EXECUTE FUNCTION xinyu_attendance_summary();
        """
}
