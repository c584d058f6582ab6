/// The product's store, as every consumer outside the store sees it: its reads (``ReportStore``), the term
/// schedules (``SchedulingStore``) and its maintenance (``MaintenanceStore``).
///
/// ``AppDatabase`` (SQLite) is the one implementation today; the PostgreSQL issue implements these same protocols.
/// Requirements name no engine type (no GRDB `Database`, writer or statement): what a requirement needs of an
/// engine stays inside it. Feed importing still takes ``AppDatabase`` (Importers) until it has a protocol here.
public protocol XinyuStore: ReportStore, SchedulingStore, MaintenanceStore, Sendable {}
