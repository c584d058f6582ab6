extension AppDatabase {
    /// The tables of migration `v8-notices-certificates` (issue #16): the reminders' outbox, certificates'
    /// verification codes and revocations. Shipped with that migration: never edit it, add a migration.
    ///
    /// Codes and revocations refer to the award by its key (teacher, level, issued): an award's number may change
    /// in a later feed, its key never does.
    static let noticesCertificatesSchema = """
        CREATE TABLE notice (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            person TEXT NOT NULL,
            kind TEXT NOT NULL,
            noticeWindow TEXT NOT NULL,
            schoolId TEXT,
            recipient TEXT NOT NULL,
            channel TEXT NOT NULL,
            address TEXT NOT NULL,
            language TEXT NOT NULL,
            subject TEXT NOT NULL,
            body TEXT NOT NULL,
            asOf TEXT NOT NULL,
            created DATETIME NOT NULL,
            state TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            lastError TEXT,
            nextAttempt DATETIME,
            sent DATETIME,
            UNIQUE (person, kind, noticeWindow)
        );
        CREATE INDEX notice_due ON notice(state, nextAttempt);
        CREATE TABLE certificateCode (
            code TEXT PRIMARY KEY NOT NULL,
            teacherId TEXT NOT NULL,
            level TEXT NOT NULL,
            issued TEXT NOT NULL,
            created DATETIME NOT NULL,
            UNIQUE (teacherId, level, issued),
            FOREIGN KEY (teacherId, level, issued) REFERENCES award(teacherId, level, issued) ON DELETE RESTRICT
        );
        CREATE TABLE certificateRevocation (
            teacherId TEXT NOT NULL,
            level TEXT NOT NULL,
            issued TEXT NOT NULL,
            revoked DATETIME NOT NULL,
            actor TEXT NOT NULL,
            reason TEXT NOT NULL,
            PRIMARY KEY (teacherId, level, issued),
            FOREIGN KEY (teacherId, level, issued) REFERENCES award(teacherId, level, issued) ON DELETE RESTRICT
        ) WITHOUT ROWID;
        """
}
