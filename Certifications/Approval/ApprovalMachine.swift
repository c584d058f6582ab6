import XinyuCore

/// RULES.md "Record states", the one definition of the transitions: a school-admin of the record's school moves
/// `submitted` → `approved` or → `returned`; a district-admin moves `approved` → `certified` or → `returned`; a
/// `returned` record corrected and sent again is `submitted` (the store does that when the sheet or submission is
/// sent again). No other transition exists; `certified` is final.
public enum ApprovalMachine {
    /// The capacity in which `action` applies to a record in `state`, and the state it moves to; nil when the
    /// action does not apply to that state.
    public static func transition(
        _ action: ApprovalAction,
        from state: RecordState
    ) -> (capacity: ReviewCapacity, to: RecordState)? {
        switch (action, state) {
        case (.approve, .submitted): (.schoolAdmin, .approved)
        case (.return, .submitted): (.schoolAdmin, .returned)
        case (.certify, .approved): (.districtAdmin, .certified)
        case (.return, .approved): (.districtAdmin, .returned)
        default: nil
        }
    }

    /// The state a record must be in for `action` in `capacity`, or nil when that capacity cannot take it.
    public static func source(of action: ApprovalAction, as capacity: ReviewCapacity) -> RecordState? {
        RecordState.allCases.first { transition(action, from: $0)?.capacity == capacity }
    }

    /// Whether a return needs a reason (always: RULES.md), and the longest reason kept.
    public static let maxReason = 500
}
