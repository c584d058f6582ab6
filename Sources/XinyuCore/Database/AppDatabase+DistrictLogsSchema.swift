extension AppDatabase {
    /// The columns of migration `v14-district-logs` (issue #18): the import log records the feed's district, the
    /// audit trail the district a line concerns (see ``AccountStore/appendAudit(_:)``); a district-scoped role
    /// reads only its district's lines. Adding a column fires no trigger, and the audit trail's triggers still
    /// refuse UPDATE and DELETE. Shipped with that migration: never edit it, add a migration.
    static let districtLogsSchema = """
        ALTER TABLE importLog ADD COLUMN district TEXT;
        ALTER TABLE audit ADD COLUMN district TEXT;
        CREATE INDEX importLog_district ON importLog(district, id);
        CREATE INDEX audit_district ON audit(district, id);
        """
}
