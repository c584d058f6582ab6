extension PostgresStore {
    /// Migration `v10-feed-reference-checks` (issue #18, bulk import speed): the feed's bulk tables
    /// (`attendance`, `counseling`, `lessonPractice`, 95 % of a district feed's rows) keep every reference to their
    /// teacher and course, checked once per statement instead of once per row.
    ///
    /// A foreign key checks each inserted row with its own query (an executor start, an index probe and a row
    /// lock): measured on a release build, that was more than half of the server's time in a district import
    /// (BENCHMARKS.md, "#18 PostgreSQL release-build import and read speed"). The constraints are replaced by
    /// statement-level triggers over the statement's new rows (transition tables): they lock the referenced
    /// teachers and courses `FOR KEY SHARE`, as the foreign key does, once per distinct key, and when fewer rows
    /// were locked than distinct keys were given, raise `foreign_key_violation` (SQLSTATE 23503, the foreign key's
    /// own message) naming the first key that is not stored. The
    /// other side, `ON DELETE RESTRICT`, is a row trigger on `teacher` and `course`: deleting one still referenced,
    /// or changing its id, raises the same error. The SQLite store keeps its foreign keys (SQLite checks them
    /// cheaply in the same B-tree pass).
    static let feedReferencesSchema = """
        ALTER TABLE attendance DROP CONSTRAINT attendance_teacherid_fkey;
        ALTER TABLE attendance DROP CONSTRAINT attendance_courseid_fkey;
        ALTER TABLE counseling DROP CONSTRAINT counseling_teacherid_fkey;
        ALTER TABLE lessonPractice DROP CONSTRAINT lessonpractice_teacherid_fkey;
        CREATE FUNCTION xinyu_feed_references() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            locked BIGINT;
            wanted BIGINT;
            missing TEXT;
        BEGIN
            PERFORM 1 FROM teacher t WHERE t.id IN (SELECT n.teacherId FROM xinyu_new n) FOR KEY SHARE OF t;
            GET DIAGNOSTICS locked = ROW_COUNT;
            SELECT COUNT(DISTINCT n.teacherId) INTO wanted FROM xinyu_new n;
            IF locked < wanted THEN
                SELECT n.teacherId INTO missing FROM xinyu_new n
                    WHERE NOT EXISTS (SELECT 1 FROM teacher t WHERE t.id = n.teacherId) ORDER BY 1 LIMIT 1;
                RAISE EXCEPTION 'insert or update on table "%" violates foreign key constraint "%_teacherid_fkey"',
                    TG_TABLE_NAME, TG_TABLE_NAME
                    USING ERRCODE = 'foreign_key_violation',
                    DETAIL = format('Key (teacherid)=(%s) is not present in table "teacher".', missing);
            END IF;
            IF TG_TABLE_NAME = 'attendance' THEN
                PERFORM 1 FROM course c WHERE c.id IN (SELECT n.courseId FROM xinyu_new n) FOR KEY SHARE OF c;
                GET DIAGNOSTICS locked = ROW_COUNT;
                SELECT COUNT(DISTINCT n.courseId) INTO wanted FROM xinyu_new n;
                IF locked < wanted THEN
                    SELECT n.courseId INTO missing FROM xinyu_new n
                        WHERE NOT EXISTS (SELECT 1 FROM course c WHERE c.id = n.courseId) ORDER BY 1 LIMIT 1;
                    RAISE EXCEPTION 'insert or update on table "%" violates foreign key constraint "%_courseid_fkey"',
                        TG_TABLE_NAME, TG_TABLE_NAME
                        USING ERRCODE = 'foreign_key_violation',
                        DETAIL = format('Key (courseid)=(%s) is not present in table "course".', missing);
                END IF;
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER attendance_references_insert AFTER INSERT ON attendance
            REFERENCING NEW TABLE AS xinyu_new FOR EACH STATEMENT EXECUTE FUNCTION xinyu_feed_references();
        CREATE TRIGGER attendance_references_update AFTER UPDATE ON attendance
            REFERENCING NEW TABLE AS xinyu_new FOR EACH STATEMENT EXECUTE FUNCTION xinyu_feed_references();
        CREATE TRIGGER counseling_references_insert AFTER INSERT ON counseling
            REFERENCING NEW TABLE AS xinyu_new FOR EACH STATEMENT EXECUTE FUNCTION xinyu_feed_references();
        CREATE TRIGGER counseling_references_update AFTER UPDATE ON counseling
            REFERENCING NEW TABLE AS xinyu_new FOR EACH STATEMENT EXECUTE FUNCTION xinyu_feed_references();
        CREATE TRIGGER lessonPractice_references_insert AFTER INSERT ON lessonPractice
            REFERENCING NEW TABLE AS xinyu_new FOR EACH STATEMENT EXECUTE FUNCTION xinyu_feed_references();
        CREATE TRIGGER lessonPractice_references_update AFTER UPDATE ON lessonPractice
            REFERENCING NEW TABLE AS xinyu_new FOR EACH STATEMENT EXECUTE FUNCTION xinyu_feed_references();
        CREATE FUNCTION xinyu_feed_references_kept() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'UPDATE' AND NEW.id = OLD.id THEN
                RETURN NULL;
            END IF;
            IF (TG_TABLE_NAME = 'teacher' AND (EXISTS (SELECT 1 FROM attendance r WHERE r.teacherId = OLD.id)
                    OR EXISTS (SELECT 1 FROM counseling r WHERE r.teacherId = OLD.id)
                    OR EXISTS (SELECT 1 FROM lessonPractice r WHERE r.teacherId = OLD.id)))
                OR (TG_TABLE_NAME = 'course' AND EXISTS (SELECT 1 FROM attendance r WHERE r.courseId = OLD.id)) THEN
                RAISE EXCEPTION 'update or delete on table "%" violates a foreign key constraint of the feed''s records',
                    TG_TABLE_NAME
                    USING ERRCODE = 'foreign_key_violation',
                    DETAIL = format('Key (id)=(%s) is still referenced.', OLD.id);
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER teacher_feed_references_kept AFTER DELETE OR UPDATE OF id ON teacher
            FOR EACH ROW EXECUTE FUNCTION xinyu_feed_references_kept();
        CREATE TRIGGER course_feed_references_kept AFTER DELETE OR UPDATE OF id ON course
            FOR EACH ROW EXECUTE FUNCTION xinyu_feed_references_kept();
        """
}
