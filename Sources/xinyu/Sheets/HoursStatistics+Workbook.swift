import Certifications
import XinyuCore

extension HoursStatistics {
    /// The statistics as a workbook a district files: sheet 1 the table per school with the district's total
    /// line, sheet 2 the 不达标名单. Each sheet has a title row, two header rows with merged group cells
    /// (学时分段, 按培训级别, 按类别; 已计学时, 尚缺学时), and a footer with 填表人 / 审核人 / 日期 lines.
    func workbook(_ lang: ReportLanguage) -> XLSXWorkbook {
        XLSXWorkbook(sheets: [schoolSheet(lang), belowMinimumSheet(lang)])
    }

    /// The footer row: who filled it in, who checked it, the date, spread over `width` columns.
    static func footer(_ lang: ReportLanguage, width: Int, row: Int) -> (cells: [XLSXWorkbook.Cell], merges: [String]) {
        let third = max(1, width / 3)
        let parts = [
            lang.pick("填表人：________________", "Prepared by: ________________"),
            lang.pick("审核人：________________", "Checked by: ________________"),
            lang.pick("日期：________年____月____日", "Date: ______________"),
        ]
        var cells = [XLSXWorkbook.Cell](repeating: .empty(), count: width)
        var merges: [String] = []
        for (i, text) in parts.enumerated() {
            let from = i * third
            let to = i == 2 ? width - 1 : from + third - 1
            cells[from] = .text(text, .note)
            if to > from { merges.append("\(XLSXWorkbook.ref(row, from)):\(XLSXWorkbook.ref(row, to))") }
        }
        return (cells, merges)
    }

    func schoolSheet(_ lang: ReportLanguage) -> XLSXWorkbook.Sheet {
        typealias C = XLSXWorkbook.Cell
        let cats = XinyuCore.Category.allCases
        let nb = bands.count
        let nt = Self.tierKeys.count
        let nc = cats.count
        let width = 3 + nb + nt + nc + 2
        var sheet = XLSXWorkbook.Sheet(name: lang.pick("学时统计", "Hours"))
        func span(_ r1: Int, _ c1: Int, _ r2: Int, _ c2: Int) {
            sheet.merges.append("\(XLSXWorkbook.ref(r1, c1)):\(XLSXWorkbook.ref(r2, c2))")
        }
        func padded(_ cells: [C]) -> [C] { cells + [C](repeating: .empty(), count: max(0, width - cells.count)) }
        sheet.rows.append(
            padded([
                .text(
                    lang.pick(
                        "\(year)学年 中小学教师继续教育学时统计表",
                        "Teachers' continuing-education hours, school year \(year)"), .title)
            ]))
        span(0, 0, 0, width - 1)
        sheet.rows.append(
            padded([
                .text(
                    lang.pick(
                        "统计范围：\(schools.count) 所学校的在职教师 \(district.teachers) 人；学时为已认定的学时；单位：人、学时",
                        "Scope: \(district.teachers) active teachers of \(schools.count) schools; counted hours; "
                            + "units: teachers, hours"
                    ),
                    .note)
            ]))
        span(1, 0, 1, width - 1)
        // Two header rows: single headers span both rows, group headers span their columns.
        var top = [C](repeating: .empty(.header), count: width)
        var second = [C](repeating: .empty(.header), count: width)
        let singles = [
            (0, lang.pick("学校代码", "School")), (1, lang.pick("学校名称", "Name")),
            (2, lang.pick("在职教师数", "Teachers")), (width - 2, lang.pick("合计学时", "Total hours")),
            (width - 1, lang.pick("不达标人数", "Below minimum")),
        ]
        for (c, text) in singles {
            top[c] = .text(text, .header)
            span(2, c, 3, c)
        }
        let groups = [
            (3, nb, lang.pick("学时分段（人数）", "Teachers by yearly hours")),
            (3 + nb, nt, lang.pick("按培训级别（学时）", "Hours by training tier")),
            (3 + nb + nt, nc, lang.pick("按类别（学时）", "Hours by category")),
        ]
        for (c, n, text) in groups {
            top[c] = .text(text, .header)
            span(2, c, 2, c + n - 1)
        }
        for (i, b) in bands.enumerated() { second[3 + i] = .text(b, .header) }
        for (i, k) in Self.tierKeys.enumerated() { second[3 + nb + i] = .text(Self.tierName(k, lang), .header) }
        for (i, c) in cats.enumerated() { second[3 + nb + nt + i] = .text(Self.categoryName(c, lang), .header) }
        sheet.rows += [top, second]
        func line(_ id: String, _ name: String, _ f: Figures, total: Bool) -> [C] {
            let (t, d, i): (XLSXWorkbook.Style, XLSXWorkbook.Style, XLSXWorkbook.Style) =
                total
                ? (.totalText, .totalDecimal, .totalInteger) : (.text, .decimal, .integer)
            return [.text(id, t), .text(name, t), .integer(f.teachers, i)] + f.byBand.map { .integer($0, i) }
                + Self.tierKeys.map { .decimal((f.hoursByTier[$0] ?? .zero).value, d) }
                + cats.map { .decimal((f.hoursByCategory[$0.rawValue] ?? .zero).value, d) }
                + [.decimal(f.totalHours.value, d), .integer(f.belowMinimum, i)]
        }
        for s in schools { sheet.rows.append(line(s.id, s.name, s.figures, total: false)) }
        sheet.rows.append(line(lang.pick("全区合计", "District"), "", district, total: true))
        span(sheet.rows.count - 1, 0, sheet.rows.count - 1, 1)
        sheet.rows.append([])
        let foot = Self.footer(lang, width: width, row: sheet.rows.count)
        sheet.rows.append(foot.cells)
        sheet.merges += foot.merges
        sheet.widths =
            [11, 24, 8] + [Double](repeating: 8, count: nb) + [Double](repeating: 9, count: nt)
            + [Double](repeating: 9, count: nc) + [10, 9]
        return sheet
    }

    func belowMinimumSheet(_ lang: ReportLanguage) -> XLSXWorkbook.Sheet {
        typealias C = XLSXWorkbook.Cell
        let cats = XinyuCore.Category.allCases
        let width = 5 + (1 + cats.count) + (cats.count + 1)
        var sheet = XLSXWorkbook.Sheet(name: lang.pick("不达标名单", "Below minimum"))
        func span(_ r1: Int, _ c1: Int, _ r2: Int, _ c2: Int) {
            sheet.merges.append("\(XLSXWorkbook.ref(r1, c1)):\(XLSXWorkbook.ref(r2, c2))")
        }
        func padded(_ cells: [C]) -> [C] { cells + [C](repeating: .empty(), count: max(0, width - cells.count)) }
        sheet.rows.append(
            padded([
                .text(
                    lang.pick(
                        "\(year)学年 继续教育学时不达标教师名单",
                        "Teachers below the yearly minimum, school year \(year)"), .title)
            ]))
        span(0, 0, 0, width - 1)
        let n = belowMinimumTeachers.count
        sheet.rows.append(
            padded([
                .text(
                    lang.pick(
                        "共 \(n) 人；尚缺为距学年最低要求（各类别及合计）的差额",
                        "\(n) teachers; missing: the gap to the year's minimums"), .note)
            ]))
        span(1, 0, 1, width - 1)
        var top = [C](repeating: .empty(.header), count: width)
        var second = [C](repeating: .empty(.header), count: width)
        let singles = [
            lang.pick("序号", "No."), lang.pick("教师编号", "Teacher"), lang.pick("姓名", "Name"),
            lang.pick("学校代码", "School"), lang.pick("学校名称", "School name"),
        ]
        for (c, text) in singles.enumerated() {
            top[c] = .text(text, .header)
            span(2, c, 3, c)
        }
        top[5] = .text(lang.pick("已计学时", "Hours counted"), .header)
        span(2, 5, 2, 5 + cats.count)
        second[5] = .text(lang.pick("合计", "Total"), .header)
        for (i, c) in cats.enumerated() { second[6 + i] = .text(Self.categoryName(c, lang), .header) }
        let gap = 6 + cats.count
        top[gap] = .text(lang.pick("尚缺学时", "Hours missing"), .header)
        span(2, gap, 2, width - 1)
        for (i, c) in cats.enumerated() { second[gap + i] = .text(Self.categoryName(c, lang), .header) }
        second[width - 1] = .text(lang.pick("合计", "Total"), .header)
        sheet.rows += [top, second]
        for (n, t) in belowMinimumTeachers.enumerated() {
            let m = t.missing
            sheet.rows.append(
                [
                    .integer(n + 1), .text(t.id), .text(t.name), .text(t.school), .text(t.schoolName),
                    .decimal(t.hours.value),
                ] + cats.map { .decimal((t.hoursByCategory[$0.rawValue] ?? .zero).value) }
                    + [
                        .decimal(m.public.value), .decimal(m.professional.value), .decimal(m.elective.value),
                        .decimal(m.total.value),
                    ])
        }
        sheet.rows.append([])
        let foot = Self.footer(lang, width: width, row: sheet.rows.count)
        sheet.rows.append(foot.cells)
        sheet.merges += foot.merges
        sheet.widths = [6, 12, 10, 11, 24] + [Double](repeating: 9, count: width - 5)
        sheet.landscape = true
        return sheet
    }
}
