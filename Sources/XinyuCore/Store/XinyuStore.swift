/// The product's store, as every consumer outside the store sees it: its reads (``ReportStore``), the feeds it
/// takes and their log (``FeedStore``), the term schedules (``SchedulingStore``), its maintenance
/// (``MaintenanceStore``), the accounts, tokens, sessions and audit trail (``AccountStore``), the training
/// schools and teachers record themselves with its approvals (``TrainingStore``), the reminders' outbox
/// (``NoticeStore``), printable, verifiable certificates (``CertificateStore``), whether scheduled sessions
/// were given, with the group-guidance sessions run (``DeliveryStore``), and the managed lesson library
/// (``LessonLibraryStore``).
///
/// ``AppDatabase`` (SQLite) implements it, and `PostgresStore` (target `XinyuPostgres`) on PostgreSQL; the
/// conformance suite (`Tests/XinyuCoreTests/Conformance`) is what any implementation must pass.
/// Requirements name no engine type (no GRDB `Database`, writer or statement): what a requirement needs of an
/// engine stays inside it.
public protocol XinyuStore: ReportStore, FeedStore, SchedulingStore, MaintenanceStore, AccountStore, TrainingStore,
    NoticeStore, CertificateStore, DeliveryStore, LessonLibraryStore, Sendable
{}
