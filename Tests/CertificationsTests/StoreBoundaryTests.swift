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

        func schoolSummaries() throws -> [SchoolSummary] { try base.schoolSummaries() }
        func teachers(school: String?, role: Role?, status: TeacherStatus?) throws -> [Teacher] {
            try base.teachers(school: school, role: role, status: status)
        }
        func teacherPage(school: String?, role: Role?, status: TeacherStatus?,
                         limit: Int, offset: Int) throws -> (total: Int, teachers: [Teacher]) {
            try base.teacherPage(school: school, role: role, status: status, limit: limit, offset: offset)
        }
        func teacher(id: String) throws -> Teacher { try base.teacher(id: id) }
        func requireSchool(_ id: String) throws { try base.requireSchool(id) }
        func healthCounts() throws -> (schools: Int, teachers: Int) { try base.healthCounts() }
        func tableCounts() throws -> [String: Int] { try base.tableCounts() }
        func dataVersion() throws -> String { try base.dataVersion() }
        func trainingRecord(teacherId: String, asOf: Day) throws -> TeacherTrainingRecord {
            try base.trainingRecord(teacherId: teacherId, asOf: asOf)
        }
        func certificationReadings<T: Sendable>(
            asOf: Day, school: String?, includeInactive: Bool, parts: Int, withSchools: Bool,
            _ compute: @escaping @Sendable (CertificationReading) throws -> T
        ) throws -> [T] {
            try base.certificationReadings(asOf: asOf, school: school, includeInactive: includeInactive, parts: parts,
                                           withSchools: withSchools, compute)
        }
        func quotaYear(from first: Day, through last: Day, school: String?) throws -> QuotaYearReading {
            try base.quotaYear(from: first, through: last, school: school)
        }
        func scheduleInputs(school: String?) throws -> ScheduleInputs { try base.scheduleInputs(school: school) }
        func replaceSchedule(term: Term, schools: [String], sessions: [ScheduledSession], plans: [SchedulePlan],
                             builtAt: Date) throws {
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
        func logImportAttempt(_ entry: ImportLogEntry) throws { try base.logImportAttempt(entry) }
        func importLog() throws -> [ImportLogEntry] { try base.importLog() }
        func importLogEntry(id: Int64) throws -> ImportLogEntry? { try base.importLogEntry(id: id) }
    }

    @Test func reportsThroughAnotherStoreAreTheSame() throws {
        let db = try PartitionedStatusesTests.district()
        let relay: any XinyuStore = RelayStore(base: db)
        let profile = try RuleProfile.load(path: nil)
        let day = Day(year: 2026, month: 9, day: 1)!
        #expect(try CoverageReport.compute(in: relay, asOf: day, school: nil, profile: profile)
                == CoverageReport.compute(in: db, asOf: day, school: nil, profile: profile))
        #expect(try CertificationEngine.statuses(in: relay, asOf: day, profile: profile, parts: 2)
                == CertificationEngine.statuses(in: db, asOf: day, profile: profile, parts: 2))
        #expect(try CertificationEngine.ledger(teacherId: "T00007", in: relay, asOf: day, profile: profile)
                == CertificationEngine.ledger(teacherId: "T00007", in: db, asOf: day, profile: profile))
        let year = SchoolYear(containing: day)
        let quota = { (store: any ReportStore) in
            try JSONOutput.encoder().encode(QuotaReport.compute(in: store, year: year, school: nil, includeTeachers: true,
                                                                profilePath: nil))
        }
        #expect(try quota(relay) == quota(db))
        #expect(throws: StoreError.self) { try CoverageReport.compute(in: relay, asOf: day, school: "S404", profile: profile) }
    }
}
