/// The SQLite store implements the store protocols: every requirement is one of its own methods (in
/// `AppDatabase+Queries.swift`, `+Certification`, `+Quota`, `+DataVersion`, `+Schedule`, `+Backup`, `+Check` and
/// `AppDatabase.swift`). Its GRDB-facing API (``writer``, ``write(_:_:)``, ``concurrentReads(parts:_:)``,
/// ``recordChange(_:)``, ``teacherSplitPoints(parts:)``) stays off the protocols.
extension AppDatabase: XinyuStore {}
