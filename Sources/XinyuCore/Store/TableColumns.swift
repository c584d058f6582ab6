/// The columns of a table as the store writes them, and its key: the one definition from which the import upserts
/// are built. Shipped migrations are never edited, so they keep their own text; `TableColumnsTests` checks each
/// definition against the schema the migrations build, so the two cannot drift apart.
public struct TableColumns: Sendable, Hashable {
    /// The table's name.
    public let table: String
    /// Every column a write gives, in the order its values come.
    public let columns: [String]
    /// The primary-key columns (a subset of ``columns``): a write of a stored key updates the other columns.
    public let key: [String]

    public static let school = TableColumns(
        table: "school", columns: ["id", "name", "stage", "counselingRoom", "district"],
        key: ["id"])
    public static let grade = TableColumns(
        table: "grade", columns: ["schoolId", "level", "classes"], key: ["schoolId", "level"])
    public static let teacher = TableColumns(
        table: "teacher", columns: ["id", "schoolId", "name", "role", "hired", "status"],
        key: ["id"])
    public static let course = TableColumns(
        table: "course",
        columns: ["id", "title", "provider", "tier", "mode", "hoursTenths", "start", "end", "track", "category", "capacity"],
        key: ["id"])
    public static let attendance = TableColumns(
        table: "attendance", columns: ["teacherId", "courseId", "hoursTenths", "status", "result", "date"],
        key: ["teacherId", "courseId"])
    public static let counseling = TableColumns(
        table: "counseling", columns: ["teacherId", "date", "hoursTenths"],
        key: ["teacherId", "date"])
    public static let lessonPractice = TableColumns(
        table: "lessonPractice", columns: ["teacherId", "date", "periods"],
        key: ["teacherId", "date"])
    public static let award = TableColumns(
        table: "award", columns: ["teacherId", "level", "issued", "number", "expires"],
        key: ["teacherId", "level", "issued"])

    /// A class teacher's own class (feed v1.1 `homeroom`); clearing it is a delete, not an upsert.
    public static let homeroom = TableColumns(
        table: "homeroom", columns: ["teacherId", "grade", "classNumber"],
        key: ["teacherId"])

    /// Every definition, for the schema check.
    public static let all: [TableColumns] = [
        school, grade, teacher, course, attendance, counseling, lessonPractice, award,
        homeroom,
    ]

    /// The columns that are not part of the key: what an upsert of a stored key replaces.
    public var updated: [String] { columns.filter { !key.contains($0) } }
}
