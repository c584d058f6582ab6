import Foundation
import XinyuCore

/// Reviews entered records: the approval machine applied to records read from the store, the moves written in one
/// transaction (``TrainingStore/moveRecords(_:by:at:reason:)`` re-checks each state, so two reviewers never both
/// move one record). The returned transition lines are the audit trail's (``RecordTransition/auditAction``).
public enum Approvals {
    /// The most ids one review takes.
    public static let maxIds = 1000

    /// Applies `action` to the records `ids`, or to every record of `course` the action applies to (one click
    /// approves a whole course's sheet), as `actor` within `scope`. Records outside the scope's school are
    /// ``TrainingStoreError/unknownRecord(id:)``. With ids, every record must take the action
    /// (``ApprovalError``), else nothing changes.
    public static func apply(
        _ action: ApprovalAction, ids: [Int64], course: String?, reason: String?, actor: String,
        scope: ReviewerScope, at: Date = Date(), store: any TrainingStore
    ) throws -> [RecordTransition] {
        let reason = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
        if action == .return && (reason ?? "").isEmpty { throw ApprovalError.reasonRequired }
        if let reason, reason.count > ApprovalMachine.maxReason { throw ApprovalError.reasonTooLong }
        guard ids.isEmpty != (course == nil) else { throw ApprovalError.nothingChosen }
        guard ids.count <= maxIds else { throw ApprovalError.tooManyIds }
        var moves: [RecordMove] = []
        if let course {
            _ = try store.training(id: course)
            let states = ReviewCapacity.allCases.filter { scope.capacities.contains($0) }
                .compactMap { ApprovalMachine.source(of: action, as: $0) }
            let records = try store.recordEntries(RecordFilter(school: scope.school, course: course, states: states))
            for r in records {
                guard let t = ApprovalMachine.transition(action, from: r.state), scope.capacities.contains(t.capacity) else {
                    continue
                }
                moves.append(RecordMove(entry: r.id, from: r.state, to: t.to, capacity: t.capacity.rawValue))
            }
        } else {
            let records = try store.recordEntries(RecordFilter(ids: ids, school: scope.school))
            let byId = Dictionary(uniqueKeysWithValues: records.map { ($0.id, $0) })
            for id in ids {
                guard let r = byId[id] else { throw TrainingStoreError.unknownRecord(id: id) }
                guard let t = ApprovalMachine.transition(action, from: r.state) else {
                    throw ApprovalError.notApplicable(id: id, action: action, state: r.state)
                }
                guard scope.capacities.contains(t.capacity) else {
                    throw ApprovalError.notAllowed(id: id, action: action, capacity: t.capacity)
                }
                if moves.contains(where: { $0.entry == id }) { continue }
                moves.append(RecordMove(entry: id, from: r.state, to: t.to, capacity: t.capacity.rawValue))
            }
        }
        return try store.moveRecords(moves, by: actor, at: at, reason: reason?.isEmpty == true ? nil : reason)
    }
}
