/// What ``TrainingStore`` refuses, typed.
public enum TrainingStoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No course has this id.
    case unknownCourse(id: String)
    /// The course is not a training a school entered (its attendance comes in the district's feed).
    case notASchoolTraining(id: String)
    /// No entered record has this number.
    case unknownRecord(id: Int64)
    /// The record is no longer in the state the move expected (someone moved it first); nothing was changed.
    case stateChanged(id: Int64, expected: RecordState, now: RecordState)
    /// A record of this kind cannot be changed in its state.
    case cannotChange(id: Int64, state: RecordState)

    public var description: String {
        switch self {
        case .unknownCourse(let id): "no course with id \(id)"
        case .notASchoolTraining(let id):
            "course \(id) is not a training a school entered (its attendance comes in the district's feed)"
        case .unknownRecord(let id): "no entered record with id \(id)"
        case .stateChanged(let id, let expected, let now):
            "record \(id) is \(now.rawValue), not \(expected.rawValue) any more; nothing was changed"
        case .cannotChange(let id, let state):
            "record \(id) is \(state.rawValue): it can only be corrected while submitted or returned"
        }
    }
}

extension TrainingStoreError: XinyuError {}
