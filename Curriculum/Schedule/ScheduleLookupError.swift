import XinyuCore

/// A stored schedule that is not there. Exit status 1; the HTTP API answers 404.
public enum ScheduleLookupError: XinyuError, Equatable {
    /// No schedule of any term is stored for the school (it was never built).
    case noScheduleStored(school: String)
    /// The school was never built for this term.
    case termNotBuilt(school: String, term: String)

    public var description: String {
        switch self {
        case .noScheduleStored(let school): "\(school): no schedule stored"
        case .termNotBuilt(let school, let term): "\(school): no schedule stored for \(term)"
        }
    }
}
