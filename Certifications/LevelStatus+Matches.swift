import XinyuCore

extension LevelStatus {
    /// Whether this level is in status `s`, as a status filter means it (nil: any status but none). A level can
    /// be in several at once (certified and expiring; lapsed and in training).
    public func matches(_ s: CertStatus?) -> Bool {
        switch s {
        case nil: status != .none
        case .none?: status == .none
        case .inTraining?: inTraining
        case .eligible?: eligible
        case .certified?: certified
        case .expiring?: expiring
        case .lapsed?: lapsed
        }
    }
}
