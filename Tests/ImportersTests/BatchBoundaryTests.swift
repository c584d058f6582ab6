import Foundation
import Testing

@testable import Importers
@testable import XinyuCore

/// A full batch waits for the rest of the attendance records of the teacher whose record filled it, so that one
/// teacher's records reach the store in one batch (the PostgreSQL store writes a new teacher's attendance summary
/// from them), up to twice the batch's capacity; any other record, or a statement, sends the batch first.
@Suite struct BatchBoundaryTests {
    /// A feed transaction that keeps what was submitted: each batch's teachers, in order, by record.
    final class Spy: FeedTransaction {
        var batches: [[String]] = []
        func isImported(feed: String) throws -> Bool { false }
        func schoolExists(_ id: String) throws -> Bool { true }
        func schoolDistrict(_ id: String) throws -> String? { nil }
        func teacherExists(_ id: String) throws -> Bool { true }
        func courseLimits(_ id: String) throws -> CourseLimits? { nil }
        func classCount(school: String, grade: Int) throws -> Int? { nil }
        func awards(holding numbers: [String]) throws -> [StoredAwardNumber] { [] }
        func upsertSchool(_ school: School, grades: [Grade]) throws {}
        func mergeRosterTeacher(_ teacher: Teacher, roleGiven: Bool) throws {}
        func activeTeacherIds(school: String) throws -> [String] { [] }
        func deactivateTeacher(id: String) throws {}
        func clearHomeroom(teacher: String) throws {}
        func flush() throws {}
        func logAttempt(_ entry: ImportLogEntry) throws {}
        func recordChange() throws {}
        func submit(_ batch: RecordBatch) throws {
            // Every record kind's first value is its teacher: a tag 0, a 4-byte length and the text.
            var teachers: [String] = []
            let b = batch.bytes
            var i = 0
            for _ in 0..<batch.count {
                let kind = RecordBatch.Kind(rawValue: b[i])!
                i += 1
                for c in kind.columns.columns.indices {
                    switch b[i] {
                    case 0:
                        let n = (0..<4).reduce(0) { $0 | Int(b[i + 1 + $1]) << (8 * $1) }
                        if c == 0 { teachers.append(String(decoding: b[(i + 5)..<(i + 5 + n)], as: UTF8.self)) }
                        i += 5 + n
                    case 1: i += 9
                    default: i += 1
                    }
                }
            }
            batches.append(teachers)
        }
    }

    @Test func aTeachersAttendanceStaysInOneBatchUpToTwiceTheCapacity() throws {
        let spy = Spy()
        let session = ImportSession(store: spy, options: ImportOptions())
        let capacity = RecordBatch.capacity
        let date = Array("2025-03-01".utf8)
        func attendance(_ teacher: String, _ count: Int) throws {
            for n in 0..<count {
                let (t, c) = (Array(teacher.utf8), Array("C\(n)".utf8))
                try t.withUnsafeBufferPointer { t in
                    try c.withUnsafeBufferPointer { c in
                        try date.withUnsafeBufferPointer { d in
                            try session.queueAttendance(
                                teacher: t, course: c, date: d.baseAddress!, tenths: 30, status: 0, result: 0)
                        }
                    }
                }
            }
        }
        try attendance("A", capacity - 6)
        try attendance("B", 100)  // fills the batch at its 6th record: the other 94 join it
        try attendance("C", capacity + 904)  // more than a batch, less than two: one batch
        try attendance("D", 2 * capacity + 808)  // more than two: cut at twice the capacity
        try date.withUnsafeBufferPointer { d in
            try Array("D".utf8).withUnsafeBufferPointer { t in
                try session.queuePractice(.counseling, teacher: t, date: d.baseAddress!, value: 5)
            }
        }
        try session.withStore { _ in }
        #expect(spy.batches.map(\.count) == [capacity + 94, capacity + 904, 2 * capacity, 809])
        #expect(spy.batches.map { Set($0).sorted() } == [["A", "B"], ["C"], ["D"], ["D"]])
    }
}
