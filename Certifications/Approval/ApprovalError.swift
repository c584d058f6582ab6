import XinyuCore

/// A review that cannot be made as asked (nothing is changed). Exit status 1.
public enum ApprovalError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `return` without a reason, or a reason too long.
    case reasonRequired
    case reasonTooLong
    /// Neither ids nor a course given, or both.
    case nothingChosen
    /// More ids than one review takes (``Approvals/maxIds``).
    case tooManyIds
    /// A record the action does not apply to in its state (e.g. certify a `submitted` record).
    case notApplicable(id: Int64, action: ApprovalAction, state: RecordState)
    /// The reviewer may not act in the capacity the record's state needs.
    case notAllowed(id: Int64, action: ApprovalAction, capacity: ReviewCapacity)

    public var description: String {
        switch self {
        case .reasonRequired: "a return needs a reason (why the record goes back, 1–\(ApprovalMachine.maxReason) characters)"
        case .reasonTooLong: "a reason is at most \(ApprovalMachine.maxReason) characters"
        case .nothingChosen: "name the records: their ids, or a course (one of the two)"
        case .tooManyIds: "at most \(Approvals.maxIds) records at once (or name their course)"
        case .notApplicable(let id, let action, let state):
            "record \(id) is \(state.rawValue): it cannot be \(action.pastTense) (nothing was changed)"
        case .notAllowed(let id, let action, let capacity):
            "record \(id) can only be \(action.pastTense) by a \(capacity.rawValue) (nothing was changed)"
        }
    }
}

extension ApprovalError: XinyuError {}

extension ApprovalAction {
    var pastTense: String {
        switch self {
        case .approve: "approved"
        case .certify: "certified"
        case .return: "returned"
        }
    }
}
