/// The store's reads: lookups and lists of schools and teachers, what the certification engine and the union quota
/// compute on, and the counts and data version the CLI and the server show. ``AppDatabase`` (SQLite) is the one
/// implementation today; a second engine (PostgreSQL) implements the same contract.
///
/// Contract for every engine:
/// - Each call reads one committed state: a write that has not committed is never seen, and one call never mixes
///   states from before and after another transaction's commit (except the parts of
///   ``certificationReadings(asOf:school:includeInactive:parts:withSchools:_:)``, see there).
/// - Results come in the order each requirement and value type states; where a value type says "in store order",
///   the SQLite engine gives its key order (attendance by teacher, then course), which another engine should
///   reproduce so that reports stay byte-identical.
/// - An unknown id given to a requirement throws ``StoreError/unknownSchool(id:)`` or
///   ``StoreError/unknownTeacher(id:)`` as stated; a store that stays busy or whose disk is full throws
///   ``StoreError/busy(path:holder:waited:)`` or ``StoreError/full(path:)`` (or an engine error that
///   ``StoreError/wrapping(_:path:waited:)`` maps to them). Reads never change stored data.
public protocol ReportStore: Sendable {
    /// Every school, sorted by id, with its class count (the sum of its grades' classes, 0 with none) and its
    /// active-teacher count; with `district`, only that district's schools (none when no school belongs to it).
    func schoolSummaries(district: String?) throws -> [SchoolSummary]

    /// The district (6-digit code) of every school, keyed by school id (issue #18: many districts in one store).
    func schoolDistricts() throws -> [String: String]

    /// Teachers sorted by id; each filter given narrows the list (`district`: the teachers of that district's
    /// schools, none when no school belongs to it). An unknown `school` throws ``StoreError/unknownSchool(id:)``.
    func teachers(school: String?, district: String?, role: Role?, status: TeacherStatus?) throws -> [Teacher]

    /// One page of ``teachers(school:district:role:status:)``: the `limit` teachers after the first `offset` (sorted
    /// by id) and how many match in all, both from one committed state. An unknown `school` throws
    /// ``StoreError/unknownSchool(id:)``.
    func teacherPage(
        school: String?, district: String?, role: Role?, status: TeacherStatus?,
        limit: Int, offset: Int
    ) throws -> (total: Int, teachers: [Teacher])

    /// One teacher, or ``StoreError/unknownTeacher(id:)``.
    func teacher(id: String) throws -> Teacher

    /// Returns when the school is stored; throws ``StoreError/unknownSchool(id:)`` when it is not.
    func requireSchool(_ id: String) throws

    /// How many schools and teachers (every status) the store holds, for `GET /health`: it must stay cheap.
    func healthCounts() throws -> (schools: Int, teachers: Int)

    /// Row counts keyed by table: `school`, `grade`, `teacher`, `course`, `attendance`, `award`, `counseling`,
    /// `lessonPractice` and `importLog`, every key present (0 when empty).
    func tableCounts() throws -> [String: Int]

    /// A token that changes whenever a transaction that changed stored data commits (a write operation may move
    /// it without changing anything; a write that did not commit never does). A cache of computed reports compares
    /// it on every request, so a commit by any process must be seen at the next call: equal tokens mean the same
    /// data. Reading it is cheap and never waits for a writer.
    func dataVersion() throws -> String

    /// One teacher's training as of `asOf` (see ``TeacherTrainingRecord`` for what it holds and its order), from
    /// one committed state. Entered records (``TrainingStore``) count when their record state is one of
    /// `counting`; the others dated on or before `asOf` are listed apart. An unknown id throws
    /// ``StoreError/unknownTeacher(id:)``.
    func trainingRecord(teacherId: String, asOf: Day, counting: [RecordState]) throws -> TeacherTrainingRecord

    /// Reads what the certification engine needs of the teachers as of `asOf` (see ``CertificationReading``) and
    /// calls `compute` on it; returns what `compute` returned for each part, the parts in teacher-id order.
    ///
    /// `school` nil is the whole district, which the engine may cut into at most `parts` ranges of teacher ids
    /// read and computed at once (`compute` may run concurrently); a school, or a district the engine does not cut,
    /// is one part. With `withSchools`, the first part's reading holds the schools with their names (every school,
    /// or the one `school`) and the other parts' hold nil. An unknown `school` throws
    /// ``StoreError/unknownSchool(id:)`` before anything is computed (with `withSchools`), or gives no teachers.
    /// Every part reads one committed state, and no write made through this store lands between the parts' reads;
    /// the SQLite engine cannot hold off another process's commit in the instant between two parts' starts.
    /// Entered records count when their record state is one of `counting`.
    ///
    /// `district` (issue #18) limits the reading, in the store's queries, to the teachers of that district's schools
    /// (and, with `withSchools`, to its schools): a district's reading costs what the district holds, not the whole
    /// store. The engine may cut it into parts as it cuts the whole store; a code no school belongs to gives no
    /// schools and no teachers.
    func certificationReadings<T: Sendable>(
        asOf: Day, school: String?, district: String?, includeInactive: Bool, counting: [RecordState], parts: Int,
        withSchools: Bool, _ compute: @escaping @Sendable (CertificationReading) throws -> T
    ) throws -> [T]

    /// A school year's reading for the union quota (see ``QuotaYearReading``), from one committed state: the
    /// schools in scope, their active teachers, and those teachers' attendance dated from `first` through `last`
    /// (entered records only in the states of `counting`). `school` limits it to one school
    /// (``StoreError/unknownSchool(id:)`` if not stored); `district` to the schools of one district (issue #18, in
    /// the store's queries; a code no school belongs to gives nothing).
    func quotaYear(
        from first: Day, through last: Day, school: String?, district: String?, counting: [RecordState]
    ) throws -> QuotaYearReading
}

extension ReportStore {
    /// ``schoolSummaries(district:)`` of every district.
    public func schoolSummaries() throws -> [SchoolSummary] { try schoolSummaries(district: nil) }

    /// ``teachers(school:district:role:status:)`` of every district.
    public func teachers(school: String?, role: Role?, status: TeacherStatus?) throws -> [Teacher] {
        try teachers(school: school, district: nil, role: role, status: status)
    }

    /// ``teacherPage(school:district:role:status:limit:offset:)`` of every district.
    public func teacherPage(
        school: String?, role: Role?, status: TeacherStatus?,
        limit: Int, offset: Int
    ) throws -> (total: Int, teachers: [Teacher]) {
        try teacherPage(school: school, district: nil, role: role, status: status, limit: limit, offset: offset)
    }

    /// ``certificationReadings(asOf:school:district:includeInactive:counting:parts:withSchools:_:)`` of every
    /// district.
    public func certificationReadings<T: Sendable>(
        asOf: Day, school: String?, includeInactive: Bool, counting: [RecordState], parts: Int, withSchools: Bool,
        _ compute: @escaping @Sendable (CertificationReading) throws -> T
    ) throws -> [T] {
        try certificationReadings(
            asOf: asOf, school: school, district: nil, includeInactive: includeInactive, counting: counting,
            parts: parts, withSchools: withSchools, compute)
    }

    /// ``quotaYear(from:through:school:district:counting:)`` of every district.
    public func quotaYear(
        from first: Day, through last: Day, school: String?, counting: [RecordState]
    ) throws -> QuotaYearReading {
        try quotaYear(from: first, through: last, school: school, district: nil, counting: counting)
    }

    /// ``trainingRecord(teacherId:asOf:counting:)`` under the default profile (only `certified` records count).
    public func trainingRecord(teacherId: String, asOf: Day) throws -> TeacherTrainingRecord {
        try trainingRecord(teacherId: teacherId, asOf: asOf, counting: RecordState.countedByDefault)
    }

    /// ``certificationReadings(asOf:school:includeInactive:counting:parts:withSchools:_:)`` under the default
    /// profile (only `certified` records count).
    public func certificationReadings<T: Sendable>(
        asOf: Day, school: String?, includeInactive: Bool, parts: Int, withSchools: Bool,
        _ compute: @escaping @Sendable (CertificationReading) throws -> T
    ) throws -> [T] {
        try certificationReadings(
            asOf: asOf, school: school, includeInactive: includeInactive,
            counting: RecordState.countedByDefault, parts: parts, withSchools: withSchools, compute)
    }

    /// ``quotaYear(from:through:school:counting:)`` under the default profile (only `certified` records count).
    public func quotaYear(from first: Day, through last: Day, school: String?) throws -> QuotaYearReading {
        try quotaYear(from: first, through: last, school: school, counting: RecordState.countedByDefault)
    }
}
