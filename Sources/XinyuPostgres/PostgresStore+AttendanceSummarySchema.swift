extension PostgresStore {
    /// Migration `v13-attendance-summary` (issue #18, report reads at province scale): table `attendanceSummary`
    /// holds, per teacher, the feed records that certification counts whatever the date (status `completed` or
    /// `partial`, result not `fail`, course of track A, B, C or cpd) as two arrays: a packed `bigint` per record
    /// (tenths × 8 + pass × 4 + track 0–3 for A, B, C, cpd) and the record's date text. A report then reads one
    /// row per teacher (a district: 40,000) instead of touching each of the district's 2.5 million attendance rows
    /// (key lookup, course join, grouping: about 1.2 CPU-seconds a district), and leaves out the records dated
    /// after its day itself (``PostgresStore/trackedAttendance(_:asOf:selection:into:)``).
    ///
    /// `xinyu_summarize_attendance(teachers)` rebuilds the rows of the teachers named (a teacher with no counted
    /// record has none). Statement triggers keep the table: every `INSERT`, `UPDATE` or `DELETE` of `attendance`
    /// rebuilds the rows of the teachers it touched, a `TRUNCATE` empties it, and an `UPDATE` of `course` that
    /// changes a course's track rebuilds every teacher who attended it (a scan of `attendance`: rare). The feed
    /// importer sets `xinyu.attendance_summary` to `refreshed at commit` for its transaction and calls the function
    /// once with the teachers its records name before it commits (``PostgresFeedTransaction/finish()``), instead of
    /// once per statement of 4,096 records; the rows of the new teachers it could summarize itself it writes by
    /// `COPY` instead (``UnnestArrays/summaries``, the same rule in Swift: `PostgresStoreTests`'
    /// `theImportersSummaryRowsAreTheServersOwn` compares the two). The words are RULES.md's (`AttendanceStatus`,
    /// `CourseResult`, `Track`); a change of them needs a new migration and the same change in the importer. The
    /// migration fills the table for the records already stored.
    ///
    /// The function plans its statement for each call's own teacher list (`plan_cache_mode = force_custom_plan`):
    /// with the list as a parameter the planner guesses ten teachers and looks each record's course up by index
    /// (4.6 s for a district's 2.4 million records in psql), with the list's values it joins the courses by hash
    /// (1.8 s); a session's sixth call would otherwise keep the generic plan.
    static let attendanceSummarySchema = """
        CREATE TABLE attendanceSummary (
            teacherId TEXT COLLATE "C" PRIMARY KEY, packed BIGINT[] NOT NULL, dates TEXT[] NOT NULL);
        CREATE FUNCTION xinyu_summarize_attendance(teachers TEXT[]) RETURNS void LANGUAGE plpgsql
        SET enable_hashagg = off SET plan_cache_mode = force_custom_plan AS $$
        BEGIN
            DELETE FROM attendanceSummary s USING (SELECT DISTINCT u.id COLLATE "C" AS id FROM unnest(teachers) AS u(id)) n
                WHERE s.teacherId = n.id;
            INSERT INTO attendanceSummary (teacherId, packed, dates)
            SELECT a.teacherId,
                array_agg(a.hoursTenths * 8 + CASE WHEN a.result = 'pass' THEN 4 ELSE 0 END
                    + CASE c.track WHEN 'A' THEN 0 WHEN 'B' THEN 1 WHEN 'C' THEN 2 ELSE 3 END),
                array_agg(a.date)
            FROM (SELECT DISTINCT u.id COLLATE "C" AS id FROM unnest(teachers) AS u(id)) n
                JOIN attendance a ON a.teacherId = n.id JOIN course c ON c.id = a.courseId
            WHERE c.track IN ('A', 'B', 'C', 'cpd') AND a.status IN ('completed', 'partial') AND a.result <> 'fail'
            GROUP BY a.teacherId;
        END $$;
        CREATE FUNCTION xinyu_attendance_summary() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'INSERT' THEN
                PERFORM xinyu_summarize_attendance(ARRAY(SELECT n.teacherId FROM xinyu_new n));
            ELSIF TG_OP = 'UPDATE' THEN
                PERFORM xinyu_summarize_attendance(
                    ARRAY(SELECT n.teacherId FROM xinyu_new n UNION SELECT o.teacherId FROM xinyu_old o));
            ELSIF TG_OP = 'DELETE' THEN
                PERFORM xinyu_summarize_attendance(ARRAY(SELECT o.teacherId FROM xinyu_old o));
            ELSE
                TRUNCATE attendanceSummary;
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER attendance_summary_insert AFTER INSERT ON attendance
            REFERENCING NEW TABLE AS xinyu_new FOR EACH STATEMENT
            WHEN (current_setting('xinyu.attendance_summary', true) IS DISTINCT FROM 'refreshed at commit')
            EXECUTE FUNCTION xinyu_attendance_summary();
        CREATE TRIGGER attendance_summary_update AFTER UPDATE ON attendance
            REFERENCING OLD TABLE AS xinyu_old NEW TABLE AS xinyu_new FOR EACH STATEMENT
            WHEN (current_setting('xinyu.attendance_summary', true) IS DISTINCT FROM 'refreshed at commit')
            EXECUTE FUNCTION xinyu_attendance_summary();
        CREATE TRIGGER attendance_summary_delete AFTER DELETE ON attendance
            REFERENCING OLD TABLE AS xinyu_old FOR EACH STATEMENT
            WHEN (current_setting('xinyu.attendance_summary', true) IS DISTINCT FROM 'refreshed at commit')
            EXECUTE FUNCTION xinyu_attendance_summary();
        CREATE TRIGGER attendance_summary_truncate AFTER TRUNCATE ON attendance
            FOR EACH STATEMENT EXECUTE FUNCTION xinyu_attendance_summary();
        CREATE FUNCTION xinyu_course_track_summary() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF EXISTS (SELECT 1 FROM xinyu_new n JOIN xinyu_old o ON o.id = n.id WHERE n.track IS DISTINCT FROM o.track)
            THEN
                PERFORM xinyu_summarize_attendance(ARRAY(
                    SELECT a.teacherId FROM attendance a WHERE a.courseId IN (
                        SELECT n.id FROM xinyu_new n JOIN xinyu_old o ON o.id = n.id
                        WHERE n.track IS DISTINCT FROM o.track)));
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER course_track_summary AFTER UPDATE ON course
            REFERENCING OLD TABLE AS xinyu_old NEW TABLE AS xinyu_new FOR EACH STATEMENT
            EXECUTE FUNCTION xinyu_course_track_summary();
        SELECT xinyu_summarize_attendance(ARRAY(SELECT DISTINCT teacherId FROM attendance));
        """
}
