/// What a teacher record (or an IMS person) does to the teacher's stored homeroom (feed v1.1).
enum HomeroomChange: Equatable {
    /// No `homeroom` given: the stored one stays.
    case keep
    /// `homeroom=""`: the stored one is removed.
    case clear
    /// `homeroom="G-K"`.
    case set(grade: Int, classNumber: Int)
}

/// Why a record is rejected, as a value (for the readers' small parsing helpers).
struct RecordProblem: Error {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}
