import Foundation
import XinyuCore

/// ``TrainingStore`` on PostgreSQL: not yet available. Every requirement throws
/// ``PostgresStoreError/unsupported(feature:)`` before touching the database, so a PostgreSQL store holds no
/// trainings, sheets, submissions, evidence or entered records; the ``ReportStore`` reads count the feed's
/// attendance only. README "PostgreSQL" lists what is missing; a SQLite store has all of it.
extension PostgresStore {
    /// The feature named in the error of every ``TrainingStore`` requirement.
    public static let trainingFeature =
        "training recorded by schools and teachers (issue #15: trainings, sign-in sheets, "
        + "submissions, approvals)"

    private static var noTraining: PostgresStoreError { .unsupported(feature: trainingFeature) }

    public func addTraining(_ course: Course, school: String, by actor: String, at: Date) throws -> Course {
        throw Self.noTraining
    }

    public func trainings(school: String?, from: Day?, to: Day?) throws -> [TrainingSession] {
        throw Self.noTraining
    }

    public func training(id: String) throws -> TrainingSession {
        throw Self.noTraining
    }

    public func enterAttendance(
        course: String, by actor: String, capacity: String, at: Date,
        _ body: (any AttendanceSheetTransaction) throws -> FeedTransactionEnd
    ) throws {
        throw Self.noTraining
    }

    public func submitTraining(
        _ submission: TrainingSubmission, evidence: StoredEvidence, by actor: String,
        at: Date
    ) throws -> RecordEntry {
        throw Self.noTraining
    }

    public func resubmitTraining(
        entry id: Int64, _ submission: TrainingSubmission, evidence: StoredEvidence?,
        by actor: String, at: Date
    ) throws -> RecordEntry {
        throw Self.noTraining
    }

    public func recordEntries(_ filter: RecordFilter) throws -> [RecordEntry] {
        throw Self.noTraining
    }

    public func moveRecords(
        _ moves: [RecordMove], by actor: String, at: Date,
        reason: String?
    ) throws -> [RecordTransition] {
        throw Self.noTraining
    }

    public func recordTransitions(entry: Int64?) throws -> [RecordTransition] {
        throw Self.noTraining
    }

    public func evidence(entry: Int64) throws -> StoredEvidence? {
        throw Self.noTraining
    }
}
