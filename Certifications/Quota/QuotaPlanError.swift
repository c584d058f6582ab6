import XinyuCore

/// A quota-plan parameter that cannot be used. Exit status 1 (a usage error).
public enum QuotaPlanError: XinyuError, Equatable {
    /// The budget text is not an amount in yuan such as `12000` or `12000.50`.
    case badBudget(String)

    public var description: String {
        switch self {
        case .badBudget(let text): "budget \(text): not an amount like 12000 or 12000.50 (yuan, no sign)"
        }
    }
}
