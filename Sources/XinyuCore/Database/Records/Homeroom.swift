import GRDB

/// The class a class teacher leads as 班主任 (table `homeroom`, feed v1.1 `teacher/@homeroom="G-K"`): class
/// `classNumber` of grade `grade` of the teacher's school, i.e. class id `SCHOOL-G-K`.
///
/// A teacher has at most one homeroom. Feeds set it with `homeroom="G-K"`, leave it with no attribute and clear it
/// with `homeroom=""`; the scheduler uses it only while the teacher's role is `class-teacher`.
public struct Homeroom: Sendable, Codable, Hashable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "homeroom"
    public var teacherId: String
    public var grade: Int
    public var classNumber: Int

    public init(teacherId: String, grade: Int, classNumber: Int) {
        self.teacherId = teacherId
        self.grade = grade
        self.classNumber = classNumber
    }

    /// The class id at the teacher's school: `SCHOOL-G-K`.
    public func classId(school: String) -> String { "\(school)-\(grade)-\(classNumber)" }

    /// `G-K` as feeds write it.
    public var text: String { "\(grade)-\(classNumber)" }

    /// Grade levels a homeroom may name (as a school's grades).
    public static let grades = 1...12
    /// Class numbers a homeroom may name (a grade has at most 40 classes).
    public static let classNumbers = 1...40

    /// Parses `G-K` (grade 1–12, class 1–40, plain digits without leading zeros); nil for anything else.
    public static func parse(_ text: String) -> (grade: Int, classNumber: Int)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let g = number(parts[0]), let k = number(parts[1]),
            grades.contains(g), classNumbers.contains(k)
        else { return nil }
        return (g, k)
    }

    private static func number(_ s: Substring) -> Int? {
        guard (1...2).contains(s.count), s.allSatisfy({ $0.isASCII && $0.isNumber }), s.first != "0" else { return nil }
        return Int(s)
    }
}
