import XinyuCore

/// A scheduled lesson with its newest delivery record (issue #19), for lists and the teacher's page.
public struct DeliverySession: Sendable, Codable, Hashable {
    /// The session's id for `schedule record` and the API: `SCHOOL/CLASS/DATE/PERIOD`.
    public var session: SessionKey
    public var teacherId: String
    public var lessonId: String
    /// `given`, `not given` or `unrecorded`.
    public var outcome: String
    public var reason: String?
    public var reflection: String?
}

extension Curriculum {
    /// `school`'s lessons of `term` (nil: the latest stored) dated on or before `asOf` (newest first), each with
    /// its newest record; `teacher` narrows to one teacher's. Empty when the school has no stored schedule.
    public static func deliverySessions(
        in store: any XinyuStore, school: String, term: Term? = nil, teacher: String? = nil, asOf: Day
    ) throws -> [DeliverySession] {
        guard let stored = try store.storedSchedule(school: school, term: term) else { return [] }
        var newest: [SessionKey: DeliveryRecord] = [:]
        for r in try store.deliveryRecords(school: school, term: stored.term, teacher: teacher) { newest[r.session] = r }
        return stored.sessions.filter { s in
            s.kind == .lesson && s.date <= asOf && (teacher == nil || s.teacherId == teacher)
        }.reversed().map { s in
            let key = SessionKey(s)
            let r = newest[key]
            return DeliverySession(
                session: key, teacherId: s.teacherId, lessonId: s.lessonId,
                outcome: r.map { $0.given ? "given" : "not given" } ?? "unrecorded", reason: r?.reason?.rawValue,
                reflection: r?.reflection)
        }
    }
}
