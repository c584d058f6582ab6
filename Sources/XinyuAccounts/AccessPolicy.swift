import XinyuCore

/// The one place that decides what each role may read and do (issue #14). The README's table "Roles and
/// scopes" states the same.
///
/// | role | reads | writes |
/// |---|---|---|
/// | district-admin | everything, the audit trail | imports, schedule builds, training records, users and tokens, |
/// | | | the district library and its review (approve, return) |
/// | district-viewer | everything but the audit trail | nothing |
/// | region-viewer | every district, but the audit trail | nothing |
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
/// Districts (issue #18): a district-admin or district-viewer given a district reads only the schools of that
/// district (``Principal/districtSchools``): another district's school, teacher or certificate is "not found",
/// worded as an unknown id, and its lists are limited to its schools (``ReadScope/schools(district:ids:)``). It
/// writes only inside its district, and imports only feeds whose `district` is its own (checked once the file's
/// root is read, ``Operation/importDistrictFeed(district:)``); what reaches the whole store (every school's
/// schedule at once, users and tokens, revoking certificates) is forbidden to it. The import log, the audit trail
/// (a district-admin's) and the `/` overview are filtered to its district, not forbidden: the import attempts of
/// its district's feeds, the audit lines of its district (``AccountStore/appendAudit(_:)`` says how a line's
/// district is decided) and its district's figures. Lines of no district (IMS Enterprise files, whole-store
/// actions, anything logged before the store recorded districts) are read by unscoped roles only. Without a
/// district these roles reach the whole store, as before districts were a scope. A region-viewer reads like an
/// unscoped district-viewer: every district, the audit trail excepted, and writes nothing.
///
/// Everyone but a feed reads the lesson library, the activity catalog and the API description. Reading something
/// outside one's scope answers "not found" (no hint that it exists); a role that may not do something at all, or
/// a write outside the scope, is "forbidden".
public enum AccessPolicy {
    /// What is read.
    public enum Resource: Sendable, Hashable {
        /// Whole-store data: every school's figures, the totals, the whole import log (forbidden to a
        /// district-scoped role, whose lists, import log and overview are cut to its district by
        /// ``ReadScope/schools(district:ids:)``).
        case district
        /// One school's data (its coverage row, quota, staff, schedule).
        case school(String)
        /// One teacher's data (record, ledger, statuses), with the teacher's school.
        case teacher(id: String, school: String)
        /// The lesson library, the activity catalog, the API description.
        case library
        /// The audit trail: a district-admin's; a district-scoped one reads its district's lines
        /// (``ReadScope/schools(district:ids:)``).
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
        /// `POST /api/v1/imports`, before the feed is read: whether the role sends feeds at all (a feed, a
        /// district-admin, scoped or not).
        case importFeed
        /// `POST /api/v1/imports` once the file's root is read: a district feed of `district`, or (nil) a file that
        /// names no district (IMS Enterprise, or a document that is no district feed). A district-scoped
        /// district-admin imports only its own district's feeds (issue #18).
        case importDistrictFeed(district: String?)
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
        /// Every school of the store.
        case district
        /// The schools of one district (a district-scoped district role).
        case schools(district: String, ids: Set<String>)
        case school(String)
        case teacher(id: String, school: String)
    }

    /// Decides `operation` for `principal`.
    public static func decide(_ principal: Principal, _ operation: Operation) -> Decision {
        let role = principal.role
        let scoped = principal.districtSchools != nil
        switch operation {
        case .read(let resource):
            return read(principal, resource)
        case .importFeed:
            return role == .feed || role == .districtAdmin ? .allow : .forbidden
        case .importDistrictFeed(let district):
            if role == .feed { return .allow }
            guard role == .districtAdmin else { return .forbidden }
            guard let own = principal.district else { return .allow }
            return district == own ? .allow : .forbidden
        case .buildSchedule(let school):
            if role == .districtAdmin {
                guard let school else { return scoped ? .forbidden : .allow }
                return inDistrict(principal, school) ? .allow : .forbidden
            }
            return role == .planner && school != nil && principal.school == school ? .allow : .forbidden
        case .writeTrainingRecords(let school):
            if role == .districtAdmin { return inDistrict(principal, school) ? .allow : .forbidden }
            return role == .schoolAdmin && principal.school == school ? .allow : .forbidden
        case .manageUsers, .revokeCertificate, .reviewLibrary:
            return role == .districtAdmin && !scoped ? .allow : .forbidden
        case .recordDelivery(let teacher, let school):
            switch role {
            case .districtAdmin: return inDistrict(principal, school) ? .allow : .forbidden
            case .schoolAdmin: return principal.school == school ? .allow : .forbidden
            case .teacher: return principal.teacher == teacher && principal.school == school ? .allow : .forbidden
            case .districtViewer, .regionViewer, .planner, .feed: return .forbidden
            }
        case .writeLibrary(let school):
            // The district library is one per store: only an unscoped district-admin writes or reviews it; a
            // district-scoped one writes its own district's schools' plans.
            if role == .districtAdmin {
                guard let school else { return scoped ? .forbidden : .allow }
                return inDistrict(principal, school) ? .allow : .forbidden
            }
            return (role == .schoolAdmin || role == .planner) && school != nil && principal.school == school ? .allow : .forbidden
        }
    }

    /// Whether `school` is within a district-scoped principal's district (always, for an unscoped one).
    static func inDistrict(_ principal: Principal, _ school: String) -> Bool {
        principal.districtSchools?.contains(school) ?? true
    }

    private static func read(_ principal: Principal, _ resource: Resource) -> Decision {
        let role = principal.role
        if role == .feed { return .forbidden }
        let wide = role == .districtAdmin || role == .districtViewer || role == .regionViewer
        switch resource {
        case .auditTrail:
            // A district-scoped district-admin reads its district's lines (the route filters them).
            return role == .districtAdmin ? .allow : .forbidden
        case .library:
            return .allow
        case .district:
            // Whole-store data (the whole import log, the store's overview, lists not cut to a school): a
            // district-scoped role reads its district's through ``readScope(_:)`` instead.
            return wide && principal.districtSchools == nil ? .allow : .forbidden
        case .school(let school):
            if wide { return inDistrict(principal, school) ? .allow : .notFound }
            switch role {
            case .schoolAdmin, .planner: return principal.school == school ? .allow : .notFound
            case .teacher: return principal.school == school ? .forbidden : .notFound
            default: return .forbidden
            }
        case .teacher(let id, let school):
            if wide { return inDistrict(principal, school) ? .allow : .notFound }
            switch role {
            case .schoolAdmin, .planner: return principal.school == school ? .allow : .notFound
            case .teacher: return principal.teacher == id ? .allow : .notFound
            default: return .forbidden
            }
        case .certificate(let id, let school):
            if wide { return inDistrict(principal, school) ? .allow : .notFound }
            switch role {
            case .schoolAdmin: return principal.school == school ? .allow : .notFound
            case .planner: return principal.school == school ? .forbidden : .notFound
            case .teacher: return principal.teacher == id ? .allow : .notFound
            default: return .forbidden
            }
        }
    }

    /// The rows `principal`'s lists show, or nil when the role reads no lists (a feed).
    public static func readScope(_ principal: Principal) -> ReadScope? {
        switch principal.role {
        case .districtAdmin, .districtViewer:
            if let district = principal.district { return .schools(district: district, ids: principal.districtSchools ?? []) }
            return .district
        case .regionViewer: return .district
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
        case .district, .schools: nil
        case .school(let school): school
        case .teacher(_, let school): school
        }
    }

    /// The schools a district-scoped caller's lists are limited to; nil for the others (``school`` limits a
    /// school- or teacher-scoped caller's).
    public var districtSchools: Set<String>? {
        if case .schools(_, let ids) = self { ids } else { nil }
    }

    /// Whether a row of `school` belongs in the caller's lists.
    public func includes(school: String) -> Bool {
        switch self {
        case .district: true
        case .schools(_, let ids): ids.contains(school)
        case .school(let s): s == school
        case .teacher(_, let s): s == school
        }
    }

    /// The teacher a teacher's lists are limited to; nil for other roles.
    public var teacher: String? {
        if case .teacher(let id, _) = self { id } else { nil }
    }
}
