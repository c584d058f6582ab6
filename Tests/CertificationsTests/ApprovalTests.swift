import Foundation
import Testing

@testable import Certifications
@testable import XinyuCore

/// Record states (RULES.md): the approval machine, reviews through the store, and what counts before and after
/// certification (the ledger, the bulk statuses, the quota).
@Suite struct ApprovalTests {
    static let day = Day(year: 2026, month: 6, day: 30)!

    /// Fixture's district with a C-track training of S1 (36 h, a pass) and one teacher's sheet record, `submitted`.
    static func district() throws -> (Fixture, RecordEntry) {
        let f = try Fixture()
        try f.teacher("T1")
        try f.teacher("T2", school: "S2")
        let d = Day(year: 2026, month: 3, day: 1)!
        let c = Course(
            id: "", title: "C级培训", provider: nil, tier: 60, mode: 2, hours: 36, start: d, end: d, track: .C,
            category: .professional, capacity: nil)
        let course = try f.db.addTraining(c, school: "S1", by: "cli:test", at: Date())
        try f.db.enterAttendance(course: course.id, by: "cli:test", capacity: "school", at: Date()) { tx in
            let row = Attendance(teacherId: "T1", courseId: course.id, hours: 36, status: .completed, result: .pass, date: d)
            _ = try tx.enter(row, note: nil)
            return .commit
        }
        return (f, try f.db.recordEntries(RecordFilter(course: course.id))[0])
    }

    @Test func theMachineHasExactlyRulesTransitions() {
        var moves: [String] = []
        for a in ApprovalAction.allCases {
            for s in RecordState.allCases {
                if let t = ApprovalMachine.transition(a, from: s) { moves.append("\(a) \(s)→\(t.to) as \(t.capacity.rawValue)") }
            }
        }
        #expect(
            moves.sorted() == [
                "approve submitted→approved as school-admin", "certify approved→certified as district-admin",
                "return approved→returned as district-admin", "return submitted→returned as school-admin",
            ])
    }

    @Test func theLedgerShowsPendingHoursUntilCertified() throws {
        let (f, record) = try Self.district()
        var ledger = try CertificationEngine.ledger(teacherId: "T1", in: f.db, asOf: Self.day, profile: f.profile)
        #expect(ledger.totalHours == .zero && ledger.pendingHours == 36 && ledger.pending?.map(\.id) == [record.id])
        #expect(ledger.status.level(.C).status == .none)
        let store: any TrainingStore = f.db
        _ = try Approvals.apply(
            .approve, ids: [record.id], course: nil, reason: nil, actor: "cli:admin", scope: .everything,
            store: store)
        ledger = try CertificationEngine.ledger(teacherId: "T1", in: f.db, asOf: Self.day, profile: f.profile)
        #expect(ledger.totalHours == .zero && ledger.pending?.first?.state == .approved)
        // countApproved: true counts the approved record at once.
        var counting = f.profile
        counting.countApproved = true
        #expect(try CertificationEngine.ledger(teacherId: "T1", in: f.db, asOf: Self.day, profile: counting).totalHours == 36)
        let lines = try Approvals.apply(
            .certify, ids: [], course: record.courseId, reason: nil, actor: "cli:district",
            scope: .everything, store: store)
        #expect(lines.map(\.to) == [.certified] && lines[0].capacity == "district-admin")
        #expect(lines[0].auditAction == "record.certify")
        ledger = try CertificationEngine.ledger(teacherId: "T1", in: f.db, asOf: Self.day, profile: f.profile)
        #expect(ledger.totalHours == 36 && ledger.pending == nil && ledger.pendingHours == nil)
        #expect(ledger.hoursByTrack["C"] == 36 && ledger.status.level(.C).status == .eligible)
        #expect(try f.status("T1", "2026-06-30").level(.C).status == .eligible)  // the bulk path agrees
        let year = SchoolYear(containing: Day(year: 2026, month: 3, day: 1)!)
        let quota = try QuotaLedger.load(from: f.db, year: year, school: "S1", rules: QuotaRules.load(profilePath: nil))
        #expect(quota.standings["T1"]?.total == 36 && quota.standings["T1"]?.sessions == 1)
        #expect(try f.db.recordTransitions(entry: record.id).map(\.actor) == ["cli:test", "cli:admin", "cli:district"])
    }

    @Test func returnsNeedAReasonAndTheRightState() throws {
        let (f, record) = try Self.district()
        #expect(throws: ApprovalError.reasonRequired) {
            try Approvals.apply(.return, ids: [record.id], course: nil, reason: "  ", actor: "a", scope: .everything, store: f.db)
        }
        #expect(throws: ApprovalError.notApplicable(id: record.id, action: .certify, state: .submitted)) {
            try Approvals.apply(.certify, ids: [record.id], course: nil, reason: nil, actor: "a", scope: .everything, store: f.db)
        }
        let schoolOnly = ReviewerScope(capacities: [.schoolAdmin], school: "S2")
        #expect(throws: TrainingStoreError.unknownRecord(id: record.id)) {
            try Approvals.apply(.approve, ids: [record.id], course: nil, reason: nil, actor: "a", scope: schoolOnly, store: f.db)
        }
        let lines = try Approvals.apply(
            .return, ids: [record.id], course: nil, reason: "签名缺失", actor: "a",
            scope: ReviewerScope(capacities: [.schoolAdmin], school: "S1"), store: f.db)
        #expect(lines[0].from == .submitted && lines[0].to == .returned && lines[0].reason == "签名缺失")
        let ledger = try CertificationEngine.ledger(teacherId: "T1", in: f.db, asOf: Self.day, profile: f.profile)
        #expect(ledger.returned?.first?.reason == "签名缺失" && ledger.pending == nil)
        #expect(throws: ApprovalError.notApplicable(id: record.id, action: .approve, state: .returned)) {
            try Approvals.apply(.approve, ids: [record.id], course: nil, reason: nil, actor: "a", scope: .everything, store: f.db)
        }
        // A stale move (the state changed since it was read) changes nothing.
        #expect(throws: TrainingStoreError.self) {
            try f.db.moveRecords(
                [RecordMove(entry: record.id, from: .submitted, to: .approved, capacity: "school-admin")],
                by: "a", at: Date(), reason: nil)
        }
    }
}
