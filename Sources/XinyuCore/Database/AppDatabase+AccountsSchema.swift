extension AppDatabase {
    /// The tables of migration `v7-accounts` (issue #14). Shipped with that migration: never edit it, add a
    /// migration.
    static let accountsSchema = """
        CREATE TABLE account (
            name TEXT PRIMARY KEY NOT NULL,
            role TEXT NOT NULL,
            schoolId TEXT REFERENCES school(id) ON DELETE RESTRICT,
            teacherId TEXT REFERENCES teacher(id) ON DELETE RESTRICT,
            passwordHash TEXT,
            disabled BOOLEAN NOT NULL DEFAULT 0,
            created DATETIME NOT NULL
        );
        CREATE TABLE accessToken (
            id TEXT PRIMARY KEY NOT NULL,
            accountName TEXT NOT NULL REFERENCES account(name) ON DELETE RESTRICT,
            hash TEXT NOT NULL UNIQUE,
            label TEXT,
            created DATETIME NOT NULL,
            expires DATETIME,
            lastUsed DATETIME,
            revoked DATETIME
        );
        CREATE TABLE session (
            hash TEXT PRIMARY KEY NOT NULL,
            accountName TEXT NOT NULL REFERENCES account(name) ON DELETE RESTRICT,
            created DATETIME NOT NULL,
            expires DATETIME NOT NULL
        );
        CREATE INDEX session_account ON session(accountName);
        CREATE TABLE audit (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at DATETIME NOT NULL,
            actor TEXT NOT NULL,
            address TEXT,
            action TEXT NOT NULL,
            target TEXT NOT NULL,
            before TEXT,
            after TEXT
        );
        CREATE INDEX audit_target_at ON audit(target, at);
        CREATE INDEX audit_actor_at ON audit(actor, at);
        CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
            BEGIN SELECT RAISE(ABORT, 'xinyu: the audit trail is append-only'); END;
        CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
            BEGIN SELECT RAISE(ABORT, 'xinyu: the audit trail is append-only'); END;
        """
}
