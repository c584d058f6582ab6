import Foundation
import Testing
import XinyuCore

@testable import Certifications

/// The certification library needs nothing of the store but the protocols (#13): a store that is not an
/// `AppDatabase` gives the same reports.
@Suite struct StoreBoundaryTests {
    /// Another ``XinyuStore``: every requirement relayed to a SQLite store, so only the protocols connect them.
    struct RelayStore: XinyuStore {
        let base: AppDatabase

        func schoolSummaries(district: String?) throws -> [SchoolSummary] { try base.schoolSummaries(district: district) }
        func teachers(school: String?, district: String?, role: Role?, status: TeacherStatus?) throws -> [Teacher] {
            try base.teachers(school: school, district: district, role: role, status: status)
        }
        func teacherPage(
            school: String?, district: String?, role: Role?, status: TeacherStatus?,
            limit: Int, offset: Int
        ) throws -> (total: Int, teachers: [Teacher]) {
            try base.teacherPage(
                school: school, district: district, role: role, status: status, limit: limit, offset: offset)
        }
        func teacher(id: String) throws -> Teacher { try base.teacher(id: id) }
        func requireSchool(_ id: String) throws { try base.requireSchool(id) }
        func healthCounts() throws -> (schools: Int, teachers: Int) { try base.healthCounts() }
        func tableCounts() throws -> [String: Int] { try base.tableCounts() }
        func dataVersion() throws -> String { try base.dataVersion() }
        func trainingRecord(teacherId: String, asOf: Day, counting: [RecordState]) throws -> TeacherTrainingRecord {
            try base.trainingRecord(teacherId: teacherId, asOf: asOf, counting: counting)
        }
        func certificationReadings<T: Sendable>(
            asOf: Day, school: String?, district: String?, includeInactive: Bool, counting: [RecordState], parts: Int,
            withSchools: Bool, _ compute: @escaping @Sendable (CertificationReading) throws -> T
        ) throws -> [T] {
            try base.certificationReadings(
                asOf: asOf, school: school, district: district, includeInactive: includeInactive, counting: counting,
                parts: parts, withSchools: withSchools, compute)
        }
        func quotaYear(
            from first: Day, through last: Day, school: String?, district: String?, counting: [RecordState]
        ) throws -> QuotaYearReading {
            try base.quotaYear(from: first, through: last, school: school, district: district, counting: counting)
        }
        func addTraining(_ course: Course, school: String, by actor: String, at: Date) throws -> Course {
            try base.addTraining(course, school: school, by: actor, at: at)
        }
        func trainings(school: String?, from: Day?, to: Day?) throws -> [TrainingSession] {
            try base.trainings(school: school, from: from, to: to)
        }
        func training(id: String) throws -> TrainingSession { try base.training(id: id) }
        func enterAttendance(
            course: String, by actor: String, capacity: String, at: Date,
            _ body: (any AttendanceSheetTransaction) throws -> FeedTransactionEnd
        ) throws {
            try base.enterAttendance(course: course, by: actor, capacity: capacity, at: at, body)
        }
        func submitTraining(
            _ submission: TrainingSubmission, evidence: StoredEvidence, by actor: String,
            at: Date
        ) throws -> RecordEntry {
            try base.submitTraining(submission, evidence: evidence, by: actor, at: at)
        }
        func resubmitTraining(
            entry id: Int64, _ submission: TrainingSubmission, evidence: StoredEvidence?,
            by actor: String, at: Date
        ) throws -> RecordEntry {
            try base.resubmitTraining(entry: id, submission, evidence: evidence, by: actor, at: at)
        }
        func recordEntries(_ filter: RecordFilter) throws -> [RecordEntry] { try base.recordEntries(filter) }
        func moveRecords(_ moves: [RecordMove], by actor: String, at: Date, reason: String?) throws -> [RecordTransition] {
            try base.moveRecords(moves, by: actor, at: at, reason: reason)
        }
        func recordTransitions(entry: Int64?) throws -> [RecordTransition] { try base.recordTransitions(entry: entry) }
        func evidence(entry: Int64) throws -> StoredEvidence? { try base.evidence(entry: entry) }
        func scheduleInputs(school: String?) throws -> ScheduleInputs { try base.scheduleInputs(school: school) }
        func replaceSchedule(
            term: Term, schools: [String], sessions: [ScheduledSession], plans: [SchedulePlan],
            builtAt: Date
        ) throws {
            try base.replaceSchedule(term: term, schools: schools, sessions: sessions, plans: plans, builtAt: builtAt)
        }
        func storedSchedule(school: String, term: Term?) throws -> StoredSchedule? {
            try base.storedSchedule(school: school, term: term)
        }
        func replaceTimetable(school: String, source: TimetableSource, slots: [TimetableSlot]) throws {
            try base.replaceTimetable(school: school, source: source, slots: slots)
        }
        func timetable(school: String) throws -> StoredTimetable? { try base.timetable(school: school) }
        func backup(to out: String) throws { try base.backup(to: out) }
        func consistencyProblems() throws -> [StoreProblem] { try base.consistencyProblems() }
        func withWriteLockNote<T>(_ what: String, _ body: () throws -> T) throws -> T {
            try base.withWriteLockNote(what, body)
        }
        func applyFeed(_ body: (any FeedTransaction) throws -> FeedTransactionEnd) throws { try base.applyFeed(body) }
        func schoolDistricts() throws -> [String: String] { try base.schoolDistricts() }
        func logImportAttempt(_ entry: ImportLogEntry) throws { try base.logImportAttempt(entry) }
        func importLog() throws -> [ImportLogEntry] { try base.importLog() }
        func importLog(district: String) throws -> [ImportLogEntry] { try base.importLog(district: district) }
        func importLogEntry(id: Int64) throws -> ImportLogEntry? { try base.importLogEntry(id: id) }
        func addAccount(_ account: StoredAccount, audit: AuditEntry) throws { try base.addAccount(account, audit: audit) }
        func accounts() throws -> [StoredAccount] { try base.accounts() }
        func account(named name: String) throws -> StoredAccount? { try base.account(named: name) }
        func updateAccount(_ account: StoredAccount, audit: AuditEntry) throws {
            try base.updateAccount(account, audit: audit)
        }
        func addToken(_ token: StoredToken, audit: AuditEntry) throws { try base.addToken(token, audit: audit) }
        func tokens() throws -> [StoredToken] { try base.tokens() }
        func revokeToken(id: String, at: Date, audit: AuditEntry) throws -> StoredToken {
            try base.revokeToken(id: id, at: at, audit: audit)
        }
        func tokenCredential(hash: String) throws -> (token: StoredToken, account: StoredAccount)? {
            try base.tokenCredential(hash: hash)
        }
        func recordTokenUse(_ uses: [String: Date]) throws { try base.recordTokenUse(uses) }
        func addSession(_ session: StoredSession, audit: AuditEntry) throws { try base.addSession(session, audit: audit) }
        func sessionCredential(hash: String) throws -> (session: StoredSession, account: StoredAccount)? {
            try base.sessionCredential(hash: hash)
        }
        func endSession(hash: String, audit: AuditEntry?) throws { try base.endSession(hash: hash, audit: audit) }
        func appendAudit(_ entries: [AuditEntry]) throws { try base.appendAudit(entries) }
        func auditEntries(
            district: String?, since: Date?, actor: String?, actions: [String]?, target: String?
        ) throws -> [AuditEntry] {
            try base.auditEntries(district: district, since: since, actor: actor, actions: actions, target: target)
        }
        func enqueueNotices(_ notices: [Notice], audit: AuditEntry?) throws -> [Notice] {
            try base.enqueueNotices(notices, audit: audit)
        }
        func storedNoticeKeys(_ keys: [NoticeKey]) throws -> Set<NoticeKey> { try base.storedNoticeKeys(keys) }
        func claimDueNotices(now: Date, leaseUntil: Date, maxAttempts: Int, limit: Int) throws -> [Notice] {
            try base.claimDueNotices(now: now, leaseUntil: leaseUntil, maxAttempts: maxAttempts, limit: limit)
        }
        func recordDelivery(id: Int64, _ outcome: NoticeDelivery) throws { try base.recordDelivery(id: id, outcome) }
        func notices(state: NoticeState?) throws -> [Notice] { try base.notices(state: state) }
        func certificate(number: String) throws -> StoredCertificate? { try base.certificate(number: number) }
        func certificate(code: String) throws -> StoredCertificate? { try base.certificate(code: code) }
        func issueVerificationCode(number: String, code: String, audit: AuditEntry) throws -> String {
            try base.issueVerificationCode(number: number, code: code, audit: audit)
        }
        func revokeCertificate(number: String, _ revocation: CertificateRevocation, audit: AuditEntry) throws {
            try base.revokeCertificate(number: number, revocation, audit: audit)
        }
        func revokedCertificates() throws -> [StoredCertificate] { try base.revokedCertificates() }
        func courses(ids: [String]) throws -> [Course] { try base.courses(ids: ids) }
        func scheduledSession(at key: SessionKey) throws -> ScheduledSession? { try base.scheduledSession(at: key) }
        func recordDelivery(_ record: DeliveryRecord) throws -> DeliveryRecord { try base.recordDelivery(record) }
        func deliveryRecords(school: String, term: Term?, teacher: String?) throws -> [DeliveryRecord] {
            try base.deliveryRecords(school: school, term: term, teacher: teacher)
        }
        func deliveryTallies(school: String, term: Term, asOf: Day) throws -> [DeliveryTally] {
            try base.deliveryTallies(school: school, term: term, asOf: asOf)
        }
        func recordGroupRun(_ run: GroupRun) throws -> GroupRun { try base.recordGroupRun(run) }
        func groupRuns(school: String?, from: Day?, to: Day?) throws -> [GroupRun] {
            try base.groupRuns(school: school, from: from, to: to)
        }
        func createLibraryItems(
            _ items: [LibraryContent], school: String?, copiedFrom: String?, actor: String, at: Date, audit: AuditEntry?
        ) throws -> [LibraryItem] {
            try base.createLibraryItems(items, school: school, copiedFrom: copiedFrom, actor: actor, at: at, audit: audit)
        }
        func saveLibraryVersion(_ content: LibraryContent, actor: String, at: Date, audit: AuditEntry?) throws -> LibraryItem {
            try base.saveLibraryVersion(content, actor: actor, at: at, audit: audit)
        }
        func setLibraryState(
            id: String, to state: LibraryState, from: [LibraryState], reason: String?, at: Date, audit: AuditEntry?
        ) throws -> LibraryItem {
            try base.setLibraryState(id: id, to: state, from: from, reason: reason, at: at, audit: audit)
        }
        func libraryItem(id: String) throws -> LibraryItem? { try base.libraryItem(id: id) }
        func libraryVersions(id: String) throws -> [LibraryVersion] { try base.libraryVersions(id: id) }
        func libraryItems(_ query: LibraryQuery) throws -> [LibraryItem] { try base.libraryItems(query) }
    }

    @Test func reportsThroughAnotherStoreAreTheSame() throws {
        let db = try PartitionedStatusesTests.district()
        let relay: any XinyuStore = RelayStore(base: db)
        let profile = try RuleProfile.load(path: nil)
        let day = Day(year: 2026, month: 9, day: 1)!
        #expect(
            try CoverageReport.compute(in: relay, asOf: day, school: nil, profile: profile)
                == CoverageReport.compute(in: db, asOf: day, school: nil, profile: profile))
        #expect(
            try CertificationEngine.statuses(in: relay, asOf: day, profile: profile, parts: 2)
                == CertificationEngine.statuses(in: db, asOf: day, profile: profile, parts: 2))
        #expect(
            try CertificationEngine.ledger(teacherId: "T00007", in: relay, asOf: day, profile: profile)
                == CertificationEngine.ledger(teacherId: "T00007", in: db, asOf: day, profile: profile))
        let year = SchoolYear(containing: day)
        let quota = { (store: any ReportStore) in
            try JSONOutput.encoder().encode(
                QuotaReport.compute(
                    in: store, year: year, school: nil, includeTeachers: true,
                    profilePath: nil))
        }
        #expect(try quota(relay) == quota(db))
        let stats = { (store: any ReportStore) in
            try HoursStatistics.compute(
                in: store, year: year, school: nil, rules: QuotaRules.load(profilePath: nil),
                bands: .standard)
        }
        #expect(try stats(relay) == stats(db))
        #expect(throws: StoreError.self) { try CoverageReport.compute(in: relay, asOf: day, school: "S404", profile: profile) }
    }

    @Test func reviewsThroughAnotherStoreAreTheSame() throws {
        let (f, record) = try ApprovalTests.district()
        let relay: any XinyuStore = RelayStore(base: f.db)
        _ = try Approvals.apply(
            .approve, ids: [record.id], course: nil, reason: nil, actor: "relay", scope: .everything,
            store: relay)
        _ = try Approvals.apply(
            .certify, ids: [], course: record.courseId, reason: nil, actor: "relay", scope: .everything,
            store: relay)
        let day = Day(year: 2026, month: 6, day: 30)!
        #expect(
            try CertificationEngine.ledger(teacherId: "T1", in: relay, asOf: day, profile: f.profile)
                == CertificationEngine.ledger(teacherId: "T1", in: f.db, asOf: day, profile: f.profile))
        #expect(try relay.recordTransitions(entry: record.id).map(\.actor) == ["cli:test", "relay", "relay"])
    }
}
