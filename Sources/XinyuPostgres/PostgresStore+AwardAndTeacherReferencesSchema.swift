extension PostgresStore {
    /// Migration `v15-award-and-teacher-references` (issue #18, bulk import speed): two more foreign keys that
    /// checked every inserted row with its own query are replaced by statement-level checks, as the feed tables'
    /// were (migrations v10 and v12). Measured on a district's import (40,000 teachers, 42,000 awards), where
    /// nothing else is left to overlap with them: `award` → `teacher` was 0.27 s of the awards' 0.48 s, and
    /// `teacher` → `school` 0.26 s of the teachers' 0.41 s.
    ///
    /// - `award.teacherId`: the statement triggers check each statement's distinct teachers
    ///   (`xinyu_feed_references`), or the feed importer checks its awards' teachers once, before its commit
    ///   (``FeedReferenceKeys``), with the foreign key's error (SQLSTATE 23503, its message and name). A new
    ///   teacher's awards then go by `COPY`, as the teacher's other records do.
    /// - `teacher.schoolId`: a statement trigger locks the statement's distinct schools `FOR KEY SHARE` (a feed's
    ///   statement of 1,000 teachers names a few schools) and raises the foreign key's error naming the first
    ///   school not stored. It always runs: it costs a few index probes per statement.
    /// - The other side, `ON DELETE RESTRICT`: deleting a teacher who holds an award, or a school that has a
    ///   teacher, or changing their id, raises the foreign key's error as before: row triggers on `teacher` and
    ///   `school` run `xinyu_references_kept(table, column, constraint)`, one function for both.
    ///
    /// The SQLite store keeps its foreign keys (SQLite checks them cheaply in the same B-tree pass).
    static let awardAndTeacherReferencesSchema = """
        ALTER TABLE award DROP CONSTRAINT award_teacherid_fkey;
        CREATE TRIGGER award_references_insert AFTER INSERT ON award
            REFERENCING NEW TABLE AS xinyu_new FOR EACH STATEMENT
            WHEN (current_setting('xinyu.feed_references', true) IS DISTINCT FROM 'checked at commit')
            EXECUTE FUNCTION xinyu_feed_references();
        CREATE TRIGGER award_references_update AFTER UPDATE ON award
            REFERENCING NEW TABLE AS xinyu_new FOR EACH STATEMENT
            WHEN (current_setting('xinyu.feed_references', true) IS DISTINCT FROM 'checked at commit')
            EXECUTE FUNCTION xinyu_feed_references();
        ALTER TABLE teacher DROP CONSTRAINT teacher_schoolid_fkey;
        CREATE FUNCTION xinyu_teacher_schools() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            missing TEXT;
        BEGIN
            SELECT n.id INTO missing FROM (SELECT DISTINCT t.schoolId AS id FROM xinyu_new t) n
                LEFT JOIN LATERAL (SELECT 1 AS found FROM school s WHERE s.id = n.id FOR KEY SHARE) s ON true
                WHERE s.found IS NULL ORDER BY 1 LIMIT 1;
            IF missing IS NOT NULL THEN
                RAISE EXCEPTION 'insert or update on table "teacher" violates foreign key constraint "teacher_schoolid_fkey"'
                    USING ERRCODE = 'foreign_key_violation',
                    DETAIL = format('Key (schoolid)=(%s) is not present in table "school".', missing);
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER teacher_schools_insert AFTER INSERT ON teacher
            REFERENCING NEW TABLE AS xinyu_new FOR EACH STATEMENT EXECUTE FUNCTION xinyu_teacher_schools();
        CREATE TRIGGER teacher_schools_update AFTER UPDATE ON teacher
            REFERENCING NEW TABLE AS xinyu_new FOR EACH STATEMENT EXECUTE FUNCTION xinyu_teacher_schools();
        CREATE FUNCTION xinyu_references_kept() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            referenced BOOLEAN;
        BEGIN
            IF TG_OP = 'UPDATE' AND NEW.id = OLD.id THEN
                RETURN NULL;
            END IF;
            EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I r WHERE r.%I = $1)', TG_ARGV[0], TG_ARGV[1])
                INTO referenced USING OLD.id;
            IF referenced THEN
                RAISE EXCEPTION 'update or delete on table "%" violates foreign key constraint "%" on table "%"',
                    TG_TABLE_NAME, TG_ARGV[2], TG_ARGV[0]
                    USING ERRCODE = 'foreign_key_violation',
                    DETAIL = format('Key (id)=(%s) is still referenced from table "%s".', OLD.id, TG_ARGV[0]);
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER award_references_kept AFTER DELETE OR UPDATE OF id ON teacher
            FOR EACH ROW EXECUTE FUNCTION xinyu_references_kept('award', 'teacherid', 'award_teacherid_fkey');
        CREATE TRIGGER teacher_references_kept AFTER DELETE OR UPDATE OF id ON school
            FOR EACH ROW EXECUTE FUNCTION xinyu_references_kept('teacher', 'schoolid', 'teacher_schoolid_fkey');
        """
}
