import XinyuCore

/// A delivery record or a group-guidance run that cannot be stored as given (issue #19). Exit status 2.
public enum DeliveryInputError: XinyuError, Equatable {
    /// No activity has this id.
    case unknownActivity(id: String)
    /// The number of participants is outside the activity's group size.
    case participants(activity: String, count: Int, min: Int, max: Int)
    /// A text field looks like it identifies a student.
    case studentData(field: String, finding: StudentDataCheck.Finding)
    /// A text field is longer than allowed.
    case tooLong(field: String, max: Int)

    public var exitStatus: Int32 { 2 }

    public var description: String {
        switch self {
        case .unknownActivity(let id): "no group-guidance activity with id \(id); list them with the activity catalog"
        case .participants(let activity, let count, let min, let max):
            "\(count) participants do not fit activity \(activity), which takes \(min)–\(max)"
        case .studentData(let field, let finding):
            "\(field) holds what looks like \(finding.rawValue); never write a student's name or number "
                + "(write dates with dashes, e.g. 2026-09-07)"
        case .tooLong(let field, let max): "\(field) is longer than \(max) characters"
        }
    }
}
