import XinyuCore

/// The sign-in sheet the union prints for a training (`xinyu attendance template`): the training's details on
/// top, then a header row and one row per active teacher of the school (id and name filled in, signature, hours and
/// note empty). ``AttendanceSheetImporter`` reads it back as it is (every row not signed in: nothing entered) or
/// filled in.
public enum AttendanceTemplate {
    /// The header row (bilingual, each cell found by ``AttendanceSheetImporter``).
    public static let header = ["工号 / teacher id", "姓名 / name", "签名 / signature", "学时 / hours", "备注 / note"]

    /// Writes the template of `course` to `path` (`.xlsx`, else CSV with a byte-order mark); returns how many
    /// teachers it lists. Throws ``TrainingStoreError`` for a course that is not a school's training.
    @discardableResult
    public static func write(course: String, store: any TrainingStore & ReportStore, to path: String) throws -> Int {
        let session = try store.training(id: course)
        guard session.source == "school" else { throw TrainingStoreError.notASchoolTraining(id: course) }
        let c = session.course
        let schoolName = try store.schoolSummaries().first { $0.id == session.schoolId }?.name ?? session.schoolId
        let teachers = try store.teachers(school: session.schoolId, role: nil, status: .active)
        let writer = try makeSheetWriter(path: path, sheetName: "签到表", widths: [16, 14, 22, 10, 28])
        try writer.write(["培训签到表 Sign-in sheet"], bold: true)
        try writer.write(["培训 Training", c.title])
        try writer.write(["课程编号 Course ID", c.id])
        try writer.write(["学校 School", "\(schoolName) (\(session.schoolId))"])
        try writer.write(["日期 Dates", c.start == c.end ? c.start.description : "\(c.start) – \(c.end)"])
        try writer.write(["学时数 Course hours", c.hours.description])
        try writer.write(["类别 Category", c.category.rawValue, "级别 Tier", String(c.tier), "方式 Mode", String(c.mode)])
        if let provider = c.provider { try writer.write(["主办 Provider", provider]) }
        try writer.write([])
        try writer.write(header, bold: true)
        for t in teachers { try writer.write([t.id, t.name, "", "", ""]) }
        try writer.finish()
        return teachers.count
    }
}
