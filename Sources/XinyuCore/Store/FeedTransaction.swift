/// One feed's transaction, as ``FeedStore/applyFeed(_:)`` hands it to the importer: the lookups validation needs
/// and the writes of a feed. It is used from one thread, and only inside the body it was given to.
///
/// Records of the frequent kinds go in ``RecordBatch``es (``submit(_:)``), which an engine may write
/// asynchronously (the SQLite store writes them on a second thread while the importer reads on). Every other
/// method first finishes writing what was submitted, so records and other writes keep their order and a lookup
/// sees every earlier write. An error of an asynchronous write is thrown by the next call.
public protocol FeedTransaction: AnyObject {
    /// True when an attempt with this feed id was logged as one of ``ImportStatus/imported``.
    func isImported(feed: String) throws -> Bool

    /// Whether a school with this id is stored.
    func schoolExists(_ id: String) throws -> Bool

    /// The district code of the stored school with this id, or nil when no school has this id (issue #18: a school
    /// belongs to the district that first sent it; a feed of another district may not change it).
    func schoolDistrict(_ id: String) throws -> String?

    /// Whether a teacher with this id is stored.
    func teacherExists(_ id: String) throws -> Bool

    /// What validation needs of a stored course: its hours and its end, or nil when no course has this id.
    func courseLimits(_ id: String) throws -> CourseLimits?

    /// How many classes grade `grade` of school `school` has, or nil when no such grade is stored.
    func classCount(school: String, grade: Int) throws -> Int?

    /// The stored awards holding one of `numbers` (at most one each: numbers are unique), in any order. The
    /// importer asks for the numbers of a group of a feed's awards at once, never for every stored number.
    func awards(holding numbers: [String]) throws -> [StoredAwardNumber]

    /// Inserts or updates a school and its grades (a stored grade of another level stays).
    func upsertSchool(_ school: School, grades: [Grade]) throws

    /// Inserts a teacher from a roster that knows less than a district feed: a stored teacher keeps its school and
    /// hire date, and its role unless `roleGiven`; name and status are replaced.
    func mergeRosterTeacher(_ teacher: Teacher, roleGiven: Bool) throws

    /// The ids of the school's active teachers, in id order.
    func activeTeacherIds(school: String) throws -> [String]

    /// Makes a teacher inactive (never deleted).
    func deactivateTeacher(id: String) throws

    /// Removes the teacher's homeroom, if one is stored (feed v1.1 `homeroom=""`).
    func clearHomeroom(teacher: String) throws

    /// Queues the batch's records for writing (see ``RecordBatch``).
    func submit(_ batch: RecordBatch) throws

    /// Waits until every submitted record is written; throws the first write error.
    func flush() throws

    /// Inserts the attempt's import-log row in this transaction, so that it commits with the feed's data.
    func logAttempt(_ entry: ImportLogEntry) throws

    /// Raises the store's data version in this transaction (once per feed that changes data).
    func recordChange() throws
}
