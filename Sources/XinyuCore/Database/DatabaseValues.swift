import GRDB

// Domain values stored as plain SQLite values: days as ISO text, enums as their raw values.

extension Day: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { description.databaseValue }
    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Day? {
        String.fromDatabaseValue(dbValue).flatMap { Day($0) }
    }
}

extension Stage: DatabaseValueConvertible {}
extension Role: DatabaseValueConvertible {}
extension TeacherStatus: DatabaseValueConvertible {}
extension Level: DatabaseValueConvertible {}
extension Track: DatabaseValueConvertible {}
extension Category: DatabaseValueConvertible {}
extension AttendanceStatus: DatabaseValueConvertible {}
extension CourseResult: DatabaseValueConvertible {}
extension SessionKind: DatabaseValueConvertible {}
extension ImportStatus: DatabaseValueConvertible {}
extension PlanOutcome: DatabaseValueConvertible {}
