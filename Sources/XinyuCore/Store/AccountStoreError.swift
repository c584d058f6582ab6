/// What the account store refuses, in words any client can read.
public enum AccountStoreError: XinyuError, Equatable {
    case accountExists(name: String)
    case unknownAccount(name: String)
    case unknownToken(id: String)

    public var description: String {
        switch self {
        case let .accountExists(name): "user \(name) already exists"
        case let .unknownAccount(name): "unknown user \(name)"
        case let .unknownToken(id): "unknown token id \(id)"
        }
    }
}
