import Foundation

/// Whether scheduled sessions were given, and the group-guidance sessions run (issue #19): tables
/// `deliveryRecord` and `groupRun`.
///
/// An engine must guarantee:
/// - Records are appended, never updated or deleted. A session's newest record (highest id) is what it counts as;
///   each record names the one it supersedes, so the history of a session reads in order.
/// - A delivery record is about a session of a stored schedule (``SessionKey``); the store copies the session's
///   term, teacher, kind and lesson into it, so it keeps its meaning after a rebuild drops the slot.
/// - Practice (``ReportStore``'s certification readings): a delivered scheduled lesson is a session of kind
///   `lesson` whose newest record says given, dated on or before the date, counted for the record's teacher — see
///   ``PracticeTotals/scheduledPeriods``.
/// - Every write is one transaction that raises ``ReportStore/dataVersion()``; nothing changes when it throws.
public protocol DeliveryStore: Sendable {
    /// The stored session at `key` (in whichever term holds it), or nil.
    func scheduledSession(at key: SessionKey) throws -> ScheduledSession?

    /// Appends `record` for its session; returns it as stored (numbered, with the session's term, teacher, kind
    /// and lesson, and the record it supersedes). ``DeliveryStoreError/unknownSession(_:)`` when no stored
    /// schedule holds the session, ``DeliveryStoreError/reasonMismatch(_:)`` when `given` and `reason` disagree.
    func recordDelivery(_ record: DeliveryRecord) throws -> DeliveryRecord

    /// Delivery records of `school` (``StoreError/unknownSchool(id:)`` if not stored), every one including the
    /// superseded, by id; `term` and `teacher` narrow them.
    func deliveryRecords(school: String, term: Term?, teacher: String?) throws -> [DeliveryRecord]

    /// Per class and teacher of `school`'s stored `term` schedule: its lessons dated on or before `asOf`, and how
    /// many of them were given and not given by their newest record. Sorted by class then teacher.
    func deliveryTallies(school: String, term: Term, asOf: Day) throws -> [DeliveryTally]

    /// Stores a group-guidance run (numbered); the facilitator must be a teacher of the school
    /// (``StoreError/unknownTeacher(id:)``, ``DeliveryStoreError/facilitatorNotInSchool(teacher:school:)``).
    /// Checking the activity, the count and the notes is the caller's (`Curriculum.recordGroupRun`).
    func recordGroupRun(_ run: GroupRun) throws -> GroupRun

    /// Group-guidance runs by date then id; `school` narrows to one school (``StoreError/unknownSchool(id:)``),
    /// `from`/`to` to dates in that range.
    func groupRuns(school: String?, from: Day?, to: Day?) throws -> [GroupRun]
}
