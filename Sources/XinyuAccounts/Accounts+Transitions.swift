import XinyuCore

extension Accounts {
    /// Appends one audit line per record transition (issue #15): the transition's action and record, the state
    /// before and after, and the reason. The CLI and the server both call this after the transitions committed.
    public func record(_ transitions: [RecordTransition], by actor: Principal, from address: String? = nil) throws {
        for line in transitions {
            try record(
                line.auditAction, target: line.auditTarget, by: actor, from: address,
                before: ["state": line.from?.rawValue], after: ["state": line.to.rawValue, "reason": line.reason])
        }
    }
}
