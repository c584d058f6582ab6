import XinyuCore

/// The one place that decides what each role may read and do (issue #14). The README's table "Roles and
/// scopes" states the same.
///
/// | role | reads | writes |
/// |---|---|---|
/// | district-admin | everything, the audit trail | imports, schedule builds, training records, users and tokens, |
/// | | | the district library and its review (approve, return) |
/// | district-viewer | everything but the audit trail | nothing |
/// | school-admin | its school | its school's training records and approvals, delivery records and group sessions, |
/// | | | its own lesson plans |
/// | planner | its school | its school's schedule builds, its own lesson plans |
/// | teacher | itself: its record, ledger and statuses, its own lessons, its school's name | its sessions' records (#19) |
/// | feed | nothing | imports |
///
/// Delivery records and group-guidance runs (issue #19): the session's teacher (the facilitator), a school-admin
/// of its school, or a district-admin (the command line's operator); anyone else is forbidden.
///
/// A certificate's page (issue #16) is for the teacher, their school's school-admins and the district roles; a
/// planner of the same school is forbidden, anyone else's school's is not found. Only a district-admin revokes.
///
/// Everyone but a feed reads the lesson library, the activity catalog and the API description. Reading something
/// outside one's scope answers "not found" (no hint that it exists); a role that may not do something at all, or
/// a write outside the scope, is "forbidden".
public enum AccessPolicy {
    /// What is read.
    public enum Resource: Sendable, Hashable {
        /// District-wide data: every school's figures, district totals, the import log.
        case district
        /// One school's data (its coverage row, quota, staff, schedule).
        case school(String)
        /// One teacher's data (record, ledger, statuses), with the teacher's school.
        case teacher(id: String, school: String)
        /// The lesson library, the activity catalog, the API description.
        case library
        /// The audit trail.
        case auditTrail
        /// Delivery records and group-guidance runs (issue #19): the session's teacher (the facilitator), a school-admin
        /// of its school, or a district-admin (the command line's operator); anyone else is forbidden.
        ///
        /// A certificate's page (issue #16), with its teacher and the teacher's school.
        case certificate(teacher: String, school: String)
    }

    /// What is asked.
    public enum Operation: Sendable, Hashable {
        case read(Resource)
        /// `POST /api/v1/imports`.
        case importFeed
        /// Building (replacing) a school's term schedule; nil: every school's at once (district-admin only).
        case buildSchedule(school: String?)
        /// Entering or approving a school's training records.
        case writeTrainingRecords(school: String)
        /// Adding, disabling and changing users and their tokens.
        case manageUsers
        /// Revoking a certificate (issue #16).
        case revokeCertificate
        /// Recording whether `teacher`'s scheduled session of `school` was given, or a group-guidance session
        /// `teacher` facilitated (issue #19).
        case recordDelivery(teacher: String, school: String)
        /// Adding, copying into, editing, retiring or proposing a school's own lesson plans and activities (issue
        /// #19); nil: the district library's own.
        case writeLibrary(school: String?)
        /// Approving or returning a school's proposed plan (issue #19).
        case reviewLibrary
    }

    /// The answer.
    public enum Decision: Sendable, Hashable {
        case allow
        /// Outside the caller's scope: answered as if it did not exist (404).
        case notFound
        /// Not allowed (403).
        case forbidden
    }

    /// Which rows a caller's lists are filtered to.
    public enum ReadScope: Sendable, Hashable {
        case district
        case school(String)
        case teacher(id: String, school: String)
    }

    /// Decides `operation` for `principal`.
    public static func decide(_ principal: Principal, _ operation: Operation) -> Decision {
        let role = principal.role
        switch operation {
        case .read(let resource):
            return read(principal, resource)
        case .importFeed:
            return role == .districtAdmin || role == .feed ? .allow : .forbidden
        case .buildSchedule(let school):
            if role == .districtAdmin { return .allow }
            return role == .planner && school != nil && principal.school == school ? .allow : .forbidden
        case .writeTrainingRecords(let school):
            if role == .districtAdmin { return .allow }
            return role == .schoolAdmin && principal.school == school ? .allow : .forbidden
        case .manageUsers, .revokeCertificate, .reviewLibrary:
            return role == .districtAdmin ? .allow : .forbidden
        case .recordDelivery(let teacher, let school):
            switch role {
            case .districtAdmin: return .allow
            case .schoolAdmin: return principal.school == school ? .allow : .forbidden
            case .teacher: return principal.teacher == teacher && principal.school == school ? .allow : .forbidden
            case .districtViewer, .planner, .feed: return .forbidden
            }
        case .writeLibrary(let school):
            if role == .districtAdmin { return .allow }
            return (role == .schoolAdmin || role == .planner) && school != nil && principal.school == school ? .allow : .forbidden
        }
    }

    private static func read(_ principal: Principal, _ resource: Resource) -> Decision {
        let role = principal.role
        if role == .feed { return .forbidden }
        switch resource {
        case .auditTrail:
            return role == .districtAdmin ? .allow : .forbidden
        case .library:
            return .allow
        case .district:
            return role == .districtAdmin || role == .districtViewer ? .allow : .forbidden
        case .school(let school):
            switch role {
            case .districtAdmin, .districtViewer: return .allow
            case .schoolAdmin, .planner: return principal.school == school ? .allow : .notFound
            case .teacher: return principal.school == school ? .forbidden : .notFound
            case .feed: return .forbidden
            }
        case .teacher(let id, let school):
            switch role {
            case .districtAdmin, .districtViewer: return .allow
            case .schoolAdmin, .planner: return principal.school == school ? .allow : .notFound
            case .teacher: return principal.teacher == id ? .allow : .notFound
            case .feed: return .forbidden
            }
        case .certificate(let id, let school):
            switch role {
            case .districtAdmin, .districtViewer: return .allow
            case .schoolAdmin: return principal.school == school ? .allow : .notFound
            case .planner: return principal.school == school ? .forbidden : .notFound
            case .teacher: return principal.teacher == id ? .allow : .notFound
            case .feed: return .forbidden
            }
        }
    }

    /// The rows `principal`'s lists show, or nil when the role reads no lists (a feed).
    public static func readScope(_ principal: Principal) -> ReadScope? {
        switch principal.role {
        case .districtAdmin, .districtViewer: return .district
        case .schoolAdmin, .planner: return principal.school.map { .school($0) }
        case .teacher:
            guard let id = principal.teacher, let school = principal.school else { return nil }
            return .teacher(id: id, school: school)
        case .feed: return nil
        }
    }
}

extension AccessPolicy.ReadScope {
    /// The school a school- or teacher-scoped caller's lists are limited to; nil for district roles.
    public var school: String? {
        switch self {
        case .district: nil
        case .school(let school): school
        case .teacher(_, let school): school
        }
    }

    /// The teacher a teacher's lists are limited to; nil for other roles.
    public var teacher: String? {
        if case .teacher(let id, _) = self { id } else { nil }
    }
}
