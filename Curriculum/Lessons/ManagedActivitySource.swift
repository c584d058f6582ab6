import XinyuCore

/// The group-guidance activities a school may run (issue #19): the bundled catalog first, then the store's managed
/// activities that the school may use: its own (not retired) and the district library's (the district's own in
/// use, and schools' approved ones). Another school's own activity and a retired one are unknown here, as they are
/// on the school's library list.
struct ManagedActivitySource: ActivitySource {
    let store: any XinyuStore
    /// The school running the activity; nil: the district library's only.
    let school: String?
    let bundled: ActivityCatalog

    func activity(id: String) throws -> GroupActivity? {
        if let a = bundled.activity(id) { return a }
        guard let item = try store.libraryItem(id: id), item.kind == .activity, item.state != .retired,
            item.isInDistrictLibrary || (school != nil && item.school == school)
        else { return nil }
        guard case .activity(let a) = try ManagedLibrary.parsed(id: id, version: nil, in: store) else { return nil }
        return a
    }
}
