/// Why a lesson-library write was refused; nothing was written.
public enum LessonLibraryStoreError: XinyuError, Hashable {
    /// The id is stored already.
    case duplicateId(String)
    /// No stored item has this id.
    case unknownItem(String)
    /// The owning school is not in the store.
    case unknownSchool(String)
    /// The item is not in a state the change starts from.
    case wrongState(id: String, state: LibraryState, expected: [LibraryState])

    public var description: String {
        switch self {
        case .duplicateId(let id): "library item \(id): the id is taken; choose another"
        case .unknownItem(let id): "library item \(id): no such stored item"
        case .unknownSchool(let s): "school \(s): not in the store; import it first"
        case .wrongState(let id, let state, let expected):
            "library item \(id): it is \(state.rawValue); this needs it "
                + expected.map(\.rawValue).joined(separator: " or ")
        }
    }
}
