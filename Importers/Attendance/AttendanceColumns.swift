/// The columns of a sign-in sheet, found by their header in Chinese or English, in any order (other columns are
/// ignored). A header cell may name a column in both languages (`工号 / teacher id`): each part separated by `/`,
/// `|`, brackets or a line break is tried. Spaces, `_`, `-` and a trailing colon do not matter, nor letter case.
struct AttendanceColumns {
    enum Field: String, CaseIterable {
        case teacherId, name, hours, status, signature, result, note, date

        /// The header words of each field.
        var aliases: [String] {
            switch self {
            case .teacherId: ["工号", "教师编号", "教师工号", "职工号", "编号", "教工号", "教师id", "teacherid", "id", "staffid", "employeeid"]
            case .name: ["姓名", "教师姓名", "名字", "name", "teachername", "teacher"]
            case .hours: ["学时", "培训学时", "课时", "时长", "hours", "hour", "hrs"]
            case .status: ["签到", "状态", "签到状态", "出勤", "出勤情况", "考勤", "status", "attendance", "signin"]
            case .signature: ["签名", "本人签名", "签字", "签名确认", "signature", "sign"]
            case .result: ["成绩", "考核", "考核结果", "结果", "result", "grade"]
            case .note: ["备注", "说明", "note", "notes", "remark", "remarks", "comment"]
            case .date: ["日期", "签到日期", "培训日期", "date"]
            }
        }

        static let byAlias: [String: Field] = {
            var m: [String: Field] = [:]
            for f in Field.allCases { for a in f.aliases where m[a] == nil { m[a] = f } }
            return m
        }()
    }

    /// Field → 0-based column.
    var index: [Field: Int] = [:]
    /// The header row's cells, for messages and the errors file.
    var header: [String] = []
    var row = 0

    /// The columns of `row` when it is a header: it names a teacher (id or name) and a sign-in (hours, status or
    /// signature); nil otherwise.
    static func header(_ row: SheetRow) -> AttendanceColumns? {
        var found = AttendanceColumns()
        for (i, cell) in row.cells.enumerated() {
            guard let f = field(of: cell), found.index[f] == nil else { continue }
            found.index[f] = i
        }
        let teacher = found.index[.teacherId] != nil || found.index[.name] != nil
        let signIn = found.index[.hours] != nil || found.index[.status] != nil || found.index[.signature] != nil
        guard teacher && signIn else { return nil }
        found.header = row.cells
        found.row = row.number
        return found
    }

    /// The field a header cell names, if any.
    static func field(of cell: String) -> Field? {
        if let f = Field.byAlias[normalize(cell)] { return f }
        let separators: Set<Character> = ["/", "|", "(", ")", "（", "）", "\n", "／", "｜", "[", "]"]
        for part in cell.split(whereSeparator: { separators.contains($0) }) {
            if let f = Field.byAlias[normalize(String(part))] { return f }
        }
        return nil
    }

    static func normalize(_ s: String) -> String {
        var out = s.lowercased().filter { !$0.isWhitespace && $0 != "_" && $0 != "-" && $0 != "*" }
        while out.hasSuffix(":") || out.hasSuffix("：") { out.removeLast() }
        return out
    }

    /// The cell of `field` in `row`, trimmed; "" when the sheet has no such column.
    func cell(_ field: Field, _ row: SheetRow) -> String {
        guard let i = index[field] else { return "" }
        return SheetValues.trimmed(row[i])
    }

    /// How a message names the column of `field`: its letter and its header, e.g. `C (学时)`.
    func describe(_ field: Field) -> String {
        guard let i = index[field] else { return field.rawValue }
        let title = i < header.count ? header[i].trimmingCharacters(in: .whitespacesAndNewlines) : ""
        return SheetRow.columnName(i) + (title.isEmpty ? "" : " (\(title))")
    }
}
