/// What the account store refuses, in words any client can read.
public enum AccountStoreError: XinyuError, Equatable {
    case accountExists(name: String)
    case unknownAccount(name: String)
    case unknownToken(id: String)

    public var description: String {
        switch self {
        case .accountExists(let name): "user \(name) already exists"
        case .unknownAccount(let name): "unknown user \(name)"
        case .unknownToken(let id): "unknown token id \(id)"
        }
    }
}
