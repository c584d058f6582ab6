extension PostgresStore {
    /// Migration `v7-lesson-library` (issue #19): the managed lesson library and its append-only versions, as the
    /// SQLite store's `v11-lesson-library`. Search reads the lower-cased `searchText` column with `strpos` (no
    /// extension such as pg_trgm is needed). Shipped with that migration: never edit it, add a migration.
    static let lessonLibrarySchema = """
        CREATE TABLE libraryItem (
            id TEXT COLLATE "C" PRIMARY KEY,
            kind TEXT COLLATE "C" NOT NULL CHECK (kind IN ('lesson', 'activity')),
            schoolId TEXT COLLATE "C" REFERENCES school(id) ON DELETE RESTRICT,
            state TEXT COLLATE "C" NOT NULL
                CHECK (state IN ('active', 'proposed', 'approved', 'returned', 'retired')),
            reason TEXT COLLATE "C", version BIGINT NOT NULL,
            band TEXT COLLATE "C", theme TEXT COLLATE "C",
            title TEXT COLLATE "C" NOT NULL, titleEn TEXT COLLATE "C" NOT NULL, searchText TEXT COLLATE "C" NOT NULL,
            copiedFrom TEXT COLLATE "C", created TIMESTAMPTZ NOT NULL, updated TIMESTAMPTZ NOT NULL);
        CREATE INDEX libraryItem_school ON libraryItem(schoolId);
        CREATE INDEX libraryItem_band_theme ON libraryItem(band, theme);
        CREATE TABLE libraryVersion (
            itemId TEXT COLLATE "C" NOT NULL REFERENCES libraryItem(id) ON DELETE RESTRICT,
            version BIGINT NOT NULL, saved TIMESTAMPTZ NOT NULL, actor TEXT COLLATE "C" NOT NULL,
            body TEXT COLLATE "C" NOT NULL, PRIMARY KEY (itemId, version));
        CREATE FUNCTION xinyu_library_versions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'xinyu: library versions are append-only';
        END $$;
        CREATE TRIGGER libraryVersion_append_only BEFORE UPDATE OR DELETE ON libraryVersion
            FOR EACH ROW EXECUTE FUNCTION xinyu_library_versions_append_only();
        """
}
