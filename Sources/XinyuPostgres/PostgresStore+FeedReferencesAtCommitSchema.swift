extension PostgresStore {
    /// Migration `v12-feed-references-at-commit` (issue #18, bulk import speed): the reference checks of
    /// `attendance`, `counseling` and `lessonPractice` (migration v10) are done once per feed by the importer
    /// instead of once per statement, and more cheaply when a statement does them.
    ///
    /// `xinyu_lock_references(table, teachers, courses)` locks each distinct referenced teacher and course
    /// `FOR KEY SHARE` (what a foreign key does) and raises `foreign_key_violation` (SQLSTATE 23503, the foreign
    /// key's own message) naming the first id not stored. The statement triggers call it with the statement's
    /// distinct ids (the v10 version counted and sorted every row twice per key column), unless the transaction
    /// set `xinyu.feed_references` to `checked at commit` (`set_config(…, true)`: this transaction only): the
    /// feed importer does so, keeps the distinct teacher and course ids its records name, and calls the function
    /// once per table with them before it commits (``PostgresFeedTransaction/finish()``), inside the same
    /// transaction, so that the same rows are refused and the same rows locked as by the triggers, once per feed
    /// instead of once per statement of 4,096 records. Every other writer keeps the per-statement check. A
    /// session that sets the variable takes the check on itself: the store's own code does so only in a feed's
    /// transaction (measured: BENCHMARKS.md, "#18 PostgreSQL import: reference checks once per feed").
    static let feedReferencesAtCommitSchema = """
        CREATE FUNCTION xinyu_lock_references(tbl TEXT, teachers TEXT[], courses TEXT[]) RETURNS void LANGUAGE plpgsql AS $$
        DECLARE
            missing TEXT;
        BEGIN
            SELECT n.id INTO missing FROM (SELECT DISTINCT u.id FROM unnest(teachers) AS u(id)) n
                LEFT JOIN LATERAL (SELECT 1 AS found FROM teacher t WHERE t.id = n.id FOR KEY SHARE) t ON true
                WHERE t.found IS NULL ORDER BY 1 LIMIT 1;
            IF missing IS NOT NULL THEN
                RAISE EXCEPTION 'insert or update on table "%" violates foreign key constraint "%_teacherid_fkey"', tbl, tbl
                    USING ERRCODE = 'foreign_key_violation',
                    DETAIL = format('Key (teacherid)=(%s) is not present in table "teacher".', missing);
            END IF;
            SELECT n.id INTO missing FROM (SELECT DISTINCT u.id FROM unnest(courses) AS u(id)) n
                LEFT JOIN LATERAL (SELECT 1 AS found FROM course c WHERE c.id = n.id FOR KEY SHARE) c ON true
                WHERE c.found IS NULL ORDER BY 1 LIMIT 1;
            IF missing IS NOT NULL THEN
                RAISE EXCEPTION 'insert or update on table "%" violates foreign key constraint "%_courseid_fkey"', tbl, tbl
                    USING ERRCODE = 'foreign_key_violation',
                    DETAIL = format('Key (courseid)=(%s) is not present in table "course".', missing);
            END IF;
        END $$;
        CREATE OR REPLACE FUNCTION xinyu_feed_references() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_TABLE_NAME = 'attendance' THEN
                PERFORM xinyu_lock_references(TG_TABLE_NAME, ARRAY(SELECT DISTINCT n.teacherId FROM xinyu_new n),
                    ARRAY(SELECT DISTINCT n.courseId FROM xinyu_new n));
            ELSE
                PERFORM xinyu_lock_references(TG_TABLE_NAME, ARRAY(SELECT DISTINCT n.teacherId FROM xinyu_new n), NULL);
            END IF;
            RETURN NULL;
        END $$;
        DROP TRIGGER attendance_references_insert ON attendance;
        DROP TRIGGER attendance_references_update ON attendance;
        DROP TRIGGER counseling_references_insert ON counseling;
        DROP TRIGGER counseling_references_update ON counseling;
        DROP TRIGGER lessonPractice_references_insert ON lessonPractice;
        DROP TRIGGER lessonPractice_references_update ON lessonPractice;
        CREATE TRIGGER attendance_references_insert AFTER INSERT ON attendance
            REFERENCING NEW TABLE AS xinyu_new FOR EACH STATEMENT
            WHEN (current_setting('xinyu.feed_references', true) IS DISTINCT FROM 'checked at commit')
            EXECUTE FUNCTION xinyu_feed_references();
        CREATE TRIGGER attendance_references_update AFTER UPDATE ON attendance
            REFERENCING NEW TABLE AS xinyu_new FOR EACH STATEMENT
            WHEN (current_setting('xinyu.feed_references', true) IS DISTINCT FROM 'checked at commit')
            EXECUTE FUNCTION xinyu_feed_references();
        CREATE TRIGGER counseling_references_insert AFTER INSERT ON counseling
            REFERENCING NEW TABLE AS xinyu_new FOR EACH STATEMENT
            WHEN (current_setting('xinyu.feed_references', true) IS DISTINCT FROM 'checked at commit')
            EXECUTE FUNCTION xinyu_feed_references();
        CREATE TRIGGER counseling_references_update AFTER UPDATE ON counseling
            REFERENCING NEW TABLE AS xinyu_new FOR EACH STATEMENT
            WHEN (current_setting('xinyu.feed_references', true) IS DISTINCT FROM 'checked at commit')
            EXECUTE FUNCTION xinyu_feed_references();
        CREATE TRIGGER lessonPractice_references_insert AFTER INSERT ON lessonPractice
            REFERENCING NEW TABLE AS xinyu_new FOR EACH STATEMENT
            WHEN (current_setting('xinyu.feed_references', true) IS DISTINCT FROM 'checked at commit')
            EXECUTE FUNCTION xinyu_feed_references();
        CREATE TRIGGER lessonPractice_references_update AFTER UPDATE ON lessonPractice
            REFERENCING NEW TABLE AS xinyu_new FOR EACH STATEMENT
            WHEN (current_setting('xinyu.feed_references', true) IS DISTINCT FROM 'checked at commit')
            EXECUTE FUNCTION xinyu_feed_references();
        """
}
