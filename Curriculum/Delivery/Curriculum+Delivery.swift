import Foundation
import XinyuCore

/// Issue #19: whether scheduled sessions were given, and the group-guidance sessions run. The CLI and the server
/// call these after checking who may (``AccessPolicy``); the checks on the values are here, once.
extension Curriculum {
    /// The longest reflection or notes kept, in characters.
    public static let maxNoteLength = 2000

    /// The activities a group run of `school` may name: the bundled catalog and the store's managed activities
    /// that school may use (``ManagedActivitySource``: its own, and the district library's).
    public static func activitySource(store: any XinyuStore, school: String? = nil) throws -> any ActivitySource {
        ManagedActivitySource(store: store, school: school, bundled: try ActivityCatalog.bundled())
    }

    /// Every activity `school` may run, in one store read: the bundled catalog, then its own and the district
    /// library's stored activities (current versions, by id), as ``activitySource(store:school:)`` finds them.
    public static func runnableActivities(store: any XinyuStore, school: String) throws -> [GroupActivity] {
        var out = try ActivityCatalog.bundled().activities
        let decoder = JSONDecoder()
        for item in try store.libraryItems(LibraryQuery(kind: .activity, visibleTo: school, withBody: true))
        where out.allSatisfy({ $0.id != item.id }) {
            if let a = try? decoder.decode(GroupActivity.self, from: Data(item.body.utf8)) { out.append(a) }
        }
        return out
    }

    /// Records whether the session at `session` was given (`reason` when not), with an optional reflection
    /// (课后反思, never a student's name or number: ``StudentDataCheck``). Appends a record; earlier ones stay.
    public static func recordDelivery(
        in store: any XinyuStore, session: SessionKey, given: Bool, reason: DeliveryReason?, reflection: String?,
        by actor: String, at: Date = Date()
    ) throws -> DeliveryRecord {
        let text = try checkedText(reflection, field: "reflection")
        return try store.recordDelivery(
            DeliveryRecord(session: session, given: given, reason: reason, reflection: text, recordedBy: actor, recordedAt: at))
    }

    /// Records a group-guidance run after checking its activity (through `activities`), that the number of
    /// participants fits the activity's group size, and that the notes name no student.
    public static func recordGroupRun(
        in store: any XinyuStore, _ run: GroupRun, activities: any ActivitySource
    ) throws -> GroupRun {
        guard let a = try activities.activity(id: run.activityId) else {
            throw DeliveryInputError.unknownActivity(id: run.activityId)
        }
        guard (a.minSize...a.maxSize).contains(run.participants) else {
            throw DeliveryInputError.participants(activity: a.id, count: run.participants, min: a.minSize, max: a.maxSize)
        }
        var checked = run
        checked.notes = try checkedText(run.notes, field: "notes")
        return try store.recordGroupRun(checked)
    }

    /// `text` trimmed (nil when empty), refused when too long or when it looks like a student's ID or number.
    static func checkedText(_ text: String?, field: String) throws -> String? {
        guard let t = text?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
        guard t.count <= maxNoteLength else { throw DeliveryInputError.tooLong(field: field, max: maxNoteLength) }
        if let f = StudentDataCheck.finding(in: t) { throw DeliveryInputError.studentData(field: field, finding: f) }
        return t
    }
}
