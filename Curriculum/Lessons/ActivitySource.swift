/// Where group-guidance activities are looked up by id (issue #19): every caller that needs an activity goes
/// through one of these, so that activities a store manages can join the bundled catalog behind the same call.
public protocol ActivitySource: Sendable {
    /// The activity with this id, or nil when there is none.
    func activity(id: String) throws -> GroupActivity?
}

extension ActivityCatalog: ActivitySource {
    public func activity(id: String) throws -> GroupActivity? { activity(id) }
}
