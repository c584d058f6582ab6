/// What ``DeliveryStore`` refuses, typed.
public enum DeliveryStoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No stored schedule has a session at this key.
    case unknownSession(SessionKey)
    /// A record said given with a reason, or not given without one.
    case reasonMismatch(SessionKey)
    /// The facilitator is not a teacher of the school.
    case facilitatorNotInSchool(teacher: String, school: String)

    public var description: String {
        switch self {
        case .unknownSession(let key):
            "no scheduled session \(key) (SCHOOL/CLASS/DATE/PERIOD); list them with the school's schedule"
        case .reasonMismatch(let key):
            "session \(key): a session not given needs a reason (exam, holiday, event, illness, other); a given one has none"
        case .facilitatorNotInSchool(let teacher, let school):
            "teacher \(teacher) is not a teacher of school \(school)"
        }
    }
}

extension DeliveryStoreError: XinyuError {}
