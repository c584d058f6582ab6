import Foundation
import Testing

@testable import Importers
@testable import XinyuCore

/// Sign-in sheets (issue #15): files written by other programs (openpyxl, LibreOffice), CSV encodings, teachers by
/// id and by name, re-imports, returned records sent again, strict imports and the errors file.
@Suite struct AttendanceSheetTests {
    static let csv = """
        心理健康全员培训 签到表
        日期,2026-03-01
        序号,工号,姓名,学时,签到,备注
        1,T001,张伟,3,,
        2,,李娜,,√,
        3,T003,王芳,1.5,,迟到
        4,0012,刘洋,,,
        合计,,,,,

        """

    @Test func aUTF8SheetEntersSubmittedRecords() throws {
        let f = try AttendanceFixture()
        let s = try f.importSheet(try f.text(Self.csv, "sign-in.csv"))
        #expect(s.status == .applied && s.added == 3 && s.notSignedIn == 1 && s.skipped == 1 && s.headerRow == 3)
        #expect(s.encoding == "UTF-8")
        let r = try f.records()
        #expect(r["T001"]! == (3, .completed, .submitted))
        #expect(r["T002"]! == (3, .completed, .submitted))
        #expect(r["T003"]! == (Hours(tenths: 15), .partial, .submitted))
        #expect(r["0012"] == nil)
        // Submitted records are not counted hours (RULES.md): the ledger's counted attendance is empty.
        #expect(try f.db.trainingRecord(teacherId: "T001", asOf: Day(year: 2026, month: 9, day: 1)!).attendance.isEmpty)
    }

    @Test(arguments: ["gbk", "gb18030", "utf-8-sig"])
    func encodingsAreFoundWithoutBeingTold(_ codec: String) throws {
        let f = try AttendanceFixture()
        let out = f.path("sheet-\(codec).csv")
        let text = Self.csv.replacingOccurrences(of: "\n", with: "\r\n")
        try ExternalTools.python("open(\(pythonString(out)), 'wb').write(\(pythonString(text)).encode('\(codec)'))")
        let s = try f.importSheet(out)
        #expect(s.added == 3 && s.rejected == 0)
        #expect(s.encoding == (codec == "utf-8-sig" ? "UTF-8" : "GB18030"))
        #expect(try f.db.recordEntries(RecordFilter(course: f.course)).first { $0.teacherId == "T003" }?.note == "迟到")
    }

    @Test func anOpenpyxlWorkbookWithSeveralSheetsNumbersAndDates() throws {
        let f = try AttendanceFixture()
        let out = f.path("openpyxl.xlsx")
        try ExternalTools.openpyxl(
            """
            wb = openpyxl.Workbook()
            info = wb.active
            info.title = '说明'
            info['A1'] = '请在第二张表签到'
            ws = wb.create_sheet('签到')
            ws.append(['心理健康全员培训'])
            ws.append([])
            ws.append(['Teacher ID', 'Name', 'Hours', 'Status', 'Date', 'Remarks', '部门'])
            ws.append(['T001', '张伟', 3, None, datetime.datetime(2026, 3, 1), None, '语文组'])
            ws.append([None, '李娜', 2.5, 'partial', datetime.date(2026, 3, 1), '早退', '数学组'])
            ws.append([12, '刘洋', 3, '已签到', None, None, None])
            ws.cell(row=8, column=1, value='T004')
            ws.cell(row=8, column=4, value='缺席')
            wb.save(\(pythonString(out)))
            """)
        #expect(throws: SheetFileError.self) { try f.importSheet(out) }  // the first sheet has no header
        let s = try f.importSheet(out) { $0.sheet = "签到" }
        #expect(s.sheet == "签到" && s.added == 3 && s.rejected == 1)
        // Excel dropped the leading zeros of 0012: the error says so.
        #expect(s.errors.first?.row == 6 && s.errors.first?.reason.contains("leading zeros") == true)
        let r = try f.records()
        #expect(r["T001"]! == (3, .completed, .submitted) && r["T002"]! == (Hours(tenths: 25), .partial, .submitted))
        #expect(r["T004"]! == (0, .absent, .submitted))
        #expect(throws: SheetFileError.self) { try f.importSheet(out) { $0.sheet = "Sheet9" } }
    }

    @Test func aLibreOfficeWorkbookReadsAsItsCSV() throws {
        let f = try AttendanceFixture()
        // LibreOffice reads 0012 as the number 12 and may take a date for a number: those rows are left out here.
        let text = Self.csv.replacingOccurrences(of: "4,0012,刘洋,,,\n", with: "")
            .replacingOccurrences(of: "日期,2026-03-01\n", with: "")
        let csv = try f.text(text, "lo.csv")
        let xlsx = try ExternalTools.libreoffice(convert: csv, to: "xlsx", in: f.dir)
        #expect(try AttendanceFixture.rows(xlsx) == AttendanceFixture.rows(csv))
        let s = try f.importSheet(xlsx)
        #expect(s.added == 3 && s.notSignedIn == 0 && s.encoding == nil && s.headerRow == 2)
    }

    @Test func duplicateNamesNeedTheTeacherId() throws {
        let f = try AttendanceFixture()
        let s = try f.importSheet(try f.text("姓名,学时\n王芳,3\n张 伟,3\n赵磊,3\n", "names.csv"))
        #expect(s.status == .partial && s.added == 1 && s.rejected == 2)
        #expect(s.errors[0].row == 2 && s.errors[0].column == "A (姓名)" && s.errors[0].reason.contains("give the 工号"))
        #expect(s.errors[1].reason.contains("no teacher of school S1"))  // 赵磊 teaches at S2
        #expect(s.exitStatus == 3)
    }

    @Test func theSameSheetTwiceChangesNothing() throws {
        let f = try AttendanceFixture()
        let file = try f.text(Self.csv, "twice.csv")
        _ = try f.importSheet(file)
        let version = try f.db.dataVersion()
        let again = try f.importSheet(file)
        #expect(again.added == 0 && again.unchanged == 3 && again.status == .applied)
        #expect(try f.db.dataVersion() == version)
        #expect(try f.db.recordEntries(RecordFilter(course: f.course)).count == 3)
    }

    @Test func aReturnedRecordCorrectedIsSubmittedAgainAndLockedOnceApproved() throws {
        let f = try AttendanceFixture()
        _ = try f.importSheet(try f.text(Self.csv, "first.csv"))
        let entries = try f.db.recordEntries(RecordFilter(course: f.course))
        let byTeacher = Dictionary(uniqueKeysWithValues: entries.map { ($0.teacherId, $0.id) })
        func move(_ teacher: String, to state: RecordState, reason: String?) throws {
            let m = RecordMove(entry: byTeacher[teacher]!, from: .submitted, to: state, capacity: "school-admin")
            _ = try f.db.moveRecords([m], by: "cli:admin", at: Date(), reason: reason)
        }
        try move("T003", to: .returned, reason: "王芳只参加了一半")
        try move("T001", to: .approved, reason: nil)
        #expect(try f.db.recordEntries(RecordFilter(ids: [byTeacher["T003"]!]))[0].reason == "王芳只参加了一半")
        let corrected = Self.csv.replacingOccurrences(of: "T003,王芳,1.5", with: "T003,王芳,2")
            .replacingOccurrences(of: "T001,张伟,3", with: "T001,张伟,2")
        let s = try f.importSheet(try f.text(corrected, "second.csv"))
        #expect(s.resubmitted == 1 && s.unchanged == 1 && s.rejected == 1)
        #expect(s.errors[0].reason.contains("approved"))
        #expect(try f.records()["T003"]! == (2, .partial, .submitted))
        let history = try f.db.recordTransitions(entry: byTeacher["T003"]!)
        #expect(history.map(\.to) == [.submitted, .returned, .submitted] && history[1].reason == "王芳只参加了一半")
        #expect(history.map(\.auditAction) == ["record.submit", "record.return", "record.resubmit"])
    }

    @Test func strictRejectsTheWholeFileAndTheErrorsFileHoldsTheBadRows() throws {
        let f = try AttendanceFixture()
        let bad = "工号,姓名,学时,签到\nT001,张伟,3,\nT002,李娜,9,\nT404,无名,3,\nT001,张伟,3,\nT003,王芳,,迷路\n"
        let file = try f.text(bad, "bad.csv")
        let strict = try f.importSheet(file) {
            $0.strict = true
            $0.errorsOut = f.path("errors.xlsx")
        }
        #expect(strict.status == .rejected && strict.rejected == 4 && strict.exitStatus == 2)
        #expect(try f.records().isEmpty)
        #expect(strict.errors.map(\.row) == [3, 4, 5, 6])
        #expect(strict.errors[0].column == "C (学时)" && strict.errors[0].value == "9")
        #expect(strict.errors[2].reason.contains("already on row 2"))
        let csv = try ExternalTools.libreoffice(convert: f.path("errors.xlsx"), to: "csv", in: f.dir)
        let back = try AttendanceFixture.rows(csv)
        #expect(back.count == 5 && back[0] == ["工号", "姓名", "学时", "签到", "错误原因 / reason"])
        #expect(back[1].prefix(3) == ["T002", "李娜", "9"] && back[1][4].contains("more than the training's 3.0 hours"))
        #expect(try AttendanceFixture.rows(f.path("errors.xlsx")) == back)
        let partial = try f.importSheet(file) { $0.errorsOut = f.path("errors.csv") }
        #expect(partial.status == .partial && partial.added == 1)
        #expect(try AttendanceFixture.rows(f.path("errors.csv")) == back)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: f.path("errors.csv")))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
    }

    @Test func theTemplateOpensInLibreOfficeAndReadsBack() throws {
        let f = try AttendanceFixture()
        let out = f.path("roster.xlsx")
        #expect(try AttendanceTemplate.write(course: f.course, store: f.db, to: out) == 5)
        let csv = try ExternalTools.libreoffice(convert: out, to: "csv", in: f.dir)
        let ours = try AttendanceFixture.rows(out)
        #expect(try AttendanceFixture.rows(csv) == ours)
        #expect(ours.contains(["0012", "刘洋"]) && ours.contains(AttendanceTemplate.header))
        let unchanged = try f.importSheet(out)
        #expect(unchanged.added == 0 && unchanged.notSignedIn == 5 && unchanged.rejected == 0)
        let filled = f.path("filled.xlsx")
        try ExternalTools.openpyxl(
            """
            wb = openpyxl.load_workbook(\(pythonString(out)))
            ws = wb.active
            for row in ws.iter_rows():
                if row[0].value in ('T001', '0012'):
                    row[2].value = '张伟' if row[0].value == 'T001' else '√'
                if row[0].value == 'T002':
                    row[3].value = 1
            wb.save(\(pythonString(filled)))
            """)
        let s = try f.importSheet(filled)
        #expect(s.added == 3 && s.notSignedIn == 2)
        #expect(try f.records()["0012"]! == (3, .completed, .submitted) && f.records()["T002"]! == (1, .partial, .submitted))
        let csvTemplate = f.path("roster.csv")
        try AttendanceTemplate.write(course: f.course, store: f.db, to: csvTemplate)
        #expect(try AttendanceFixture.rows(csvTemplate) == ours)
    }

    @Test func aDistrictRecordIsNotOverwrittenAndOldXlsIsRefused() throws {
        let f = try AttendanceFixture()
        let feed = FeedFixture.feed(
            id: "F2", schools: "", teachers: "", courses: "",
            attendance: #"<record teacher="T001" course="\#(f.course)" hours="3" status="completed"/>"#,
            awards: "", practice: "")
        _ = try FeedFixture.run(feed, db: f.db)
        let s = try f.importSheet(try f.text("工号,学时\nT001,3\n", "district.csv"))
        #expect(s.rejected == 1 && s.errors[0].reason.contains("district's feed"))
        let xls = f.path("old.xls")
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]).write(to: URL(fileURLWithPath: xls))
        #expect(throws: SheetFileError.self) { try f.importSheet(xls) }
        #expect(throws: TrainingStoreError.self) {
            try AttendanceSheetImporter.importFile(at: xls, course: "C404", into: f.db, options: AttendanceImportOptions())
        }
    }
}

/// A Python string literal of `s` (JSON's escapes are Python's).
func pythonString(_ s: String) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .withoutEscapingSlashes
    return String(decoding: try! encoder.encode(s), as: UTF8.self)
}
