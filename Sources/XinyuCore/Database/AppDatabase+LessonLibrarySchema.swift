extension AppDatabase {
    /// The tables of migration `v11-lesson-library` (issue #19). Shipped with that migration: never edit it, add a
    /// migration.
    ///
    /// `libraryItem` holds each item's current state and version; `libraryVersion` every saved content, which
    /// triggers keep append-only; `librarySearch` (FTS5, trigram tokenizer, rowid = `libraryItem.n`) indexes the
    /// current version for substring search in any language; `libraryBigram` (FTS5, rowid = `libraryItem.n`) holds
    /// each pair of adjacent letters or digits of the lower-cased `searchText` as a token, so that a two-character
    /// query (情绪: shorter than a trigram) is an index lookup too.
    static let lessonLibrarySchema = """
        CREATE TABLE libraryItem (
            n INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL CHECK (kind IN ('lesson', 'activity')),
            schoolId TEXT REFERENCES school(id) ON DELETE RESTRICT,
            state TEXT NOT NULL CHECK (state IN ('active', 'proposed', 'approved', 'returned', 'retired')),
            reason TEXT,
            version INTEGER NOT NULL,
            band TEXT,
            theme TEXT,
            title TEXT NOT NULL,
            titleEn TEXT NOT NULL,
            searchText TEXT NOT NULL,
            copiedFrom TEXT,
            created DATETIME NOT NULL,
            updated DATETIME NOT NULL
        );
        CREATE INDEX libraryItem_school ON libraryItem(schoolId);
        CREATE INDEX libraryItem_band_theme ON libraryItem(band, theme);
        CREATE TABLE libraryVersion (
            itemId TEXT NOT NULL REFERENCES libraryItem(id) ON DELETE RESTRICT,
            version INTEGER NOT NULL,
            saved DATETIME NOT NULL,
            actor TEXT NOT NULL,
            body TEXT NOT NULL,
            PRIMARY KEY (itemId, version)
        ) WITHOUT ROWID;
        CREATE TRIGGER libraryVersion_no_update BEFORE UPDATE ON libraryVersion
            BEGIN SELECT RAISE(ABORT, 'xinyu: library versions are append-only'); END;
        CREATE TRIGGER libraryVersion_no_delete BEFORE DELETE ON libraryVersion
            BEGIN SELECT RAISE(ABORT, 'xinyu: library versions are append-only'); END;
        CREATE VIRTUAL TABLE librarySearch USING fts5(title, titleEn, objectives, steps, tokenize = 'trigram');
        CREATE VIRTUAL TABLE libraryBigram USING fts5(grams, tokenize = 'unicode61 remove_diacritics 0');
        """
}
