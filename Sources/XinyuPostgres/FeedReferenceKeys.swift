import XinyuCore

/// The distinct teacher and course ids that a feed's `attendance`, `counseling`, `lessonPractice` and `award`
/// records name, per table: what ``PostgresFeedTransaction/finish()`` checks and locks once per feed (migrations v12
/// and v15). Memory
/// follows the feed's teachers and courses, not its records.
struct FeedReferenceKeys {
    private(set) var teachers: [RecordBatch.Kind: Set<String>] = [:]
    private(set) var courses: [RecordBatch.Kind: Set<String>] = [:]

    /// The record kinds whose rows refer to a teacher (first column) and, for attendance, a course (second).
    static let kinds: [RecordBatch.Kind] = [.attendance, .counseling, .lesson, .award]

    var isEmpty: Bool { teachers.isEmpty && courses.isEmpty }

    mutating func add(_ kind: RecordBatch.Kind, teachers t: Set<String>, courses c: Set<String>) {
        if !t.isEmpty { teachers[kind, default: []].formUnion(t) }
        if !c.isEmpty { courses[kind, default: []].formUnion(c) }
    }
}
