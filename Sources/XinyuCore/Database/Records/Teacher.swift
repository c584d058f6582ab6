import GRDB

/// A teacher (table `teacher`). Never deleted: leaving is `status = inactive`.
public struct Teacher: Sendable, Codable, Hashable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "teacher"
    public var id: String
    public var schoolId: String
    public var name: String
    public var role: Role
    public var hired: Day?
    public var status: TeacherStatus

    public init(id: String, schoolId: String, name: String, role: Role, hired: Day?, status: TeacherStatus) {
        self.id = id
        self.schoolId = schoolId
        self.name = name
        self.role = role
        self.hired = hired
        self.status = status
    }
}
