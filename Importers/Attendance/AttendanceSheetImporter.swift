import Crypto
import Foundation
import XinyuCore

/// Reads a sign-in sheet (`.xlsx` or `.csv`) of a training a school entered and enters its rows as records
/// (`submitted`, RULES.md "Record states") through ``TrainingStore/enterAttendance(course:by:capacity:at:_:)``.
///
/// Decisions where the issue is silent (the union chair's sheet as it is used):
/// - **The header** is the first row (among the first 50) that names a teacher (工号/teacher id or 姓名/name) and a
///   sign-in (学时/hours, 签到/状态/status or 签名/signature); rows above it (a title, the course's details) are
///   ignored. No such row rejects the file.
/// - **A row's record**: hours alone mean `completed` when they are the course's hours, `partial` when fewer, `absent`
///   when 0; a status word alone takes the course's hours (`completed`), 0 (`absent`) or asks for hours
///   (`partial`); a signature (any text that is not a status word) is `completed` with the course's hours. Dated
///   on the course's last day unless a 日期/date column gives a day inside the course's dates.
/// - **Rows skipped, not errors**: a row naming a teacher with no hours, status or signature was not signed in (no
///   record, counted as `notSignedIn`: so the template read back unchanged enters nothing); a row with neither id
///   nor name (a title or totals line) is `skipped`.
/// - **Teachers**: by id (a teacher of the training's school, any status; when a name is given too it must be the
///   stored name), or by a name unique among the school's teachers (spaces ignored). A teacher twice in one sheet
///   is an error on the second row.
/// - **Stored records**: a row equal to the stored record changes nothing (so a sheet imported twice changes
///   nothing, and a `returned` record sent back unchanged stays `returned`: it must be corrected); a `submitted`
///   record is replaced, a `returned` one is replaced and sent again (`submitted`); an `approved` or `certified`
///   record, or one the district's feed holds, is not changed (a row error says so).
/// - The file is read inside the store's write transaction (a sheet is small; the lock is held for milliseconds per
///   thousand rows), so a fault anywhere in it, even in its last byte, rolls everything back.
public enum AttendanceSheetImporter {
    /// The most data rows a sheet may have (no school has more teachers).
    public static let maxRows = 100_000
    /// The longest note kept.
    public static let maxNote = 500

    /// Imports the sheet at `path` for course `course`. Throws ``SheetFileError`` (exit 2) when the file cannot be
    /// read as a sheet or has no header, ``TrainingStoreError`` for a course that is not a school's training,
    /// ``FileAccessError`` when the file cannot be opened.
    public static func importFile(
        at path: String, course: String, into store: any TrainingStore,
        options: AttendanceImportOptions
    ) throws -> AttendanceImportSummary {
        let name = options.sourceName ?? path
        let session = try store.training(id: course)
        guard session.source == "school" else { throw TrainingStoreError.notASchoolTraining(id: course) }
        let digest = try sha256(path: path)
        var summary: AttendanceImportSummary?
        try store.enterAttendance(course: course, by: options.actor, capacity: "school", at: options.now) { tx in
            let opened = try open(path, name: name, sheet: options.sheet)
            var run = Run(session: session, tx: tx, name: name)
            var s = try run.apply(opened.reader, errorsOut: options.errorsOut)
            s.sheet = opened.sheet
            s.encoding = opened.encoding
            s.digest = digest
            s.dryRun = options.dryRun
            s.strict = options.strict
            if s.rejected > 0 { s.status = options.strict ? .rejected : .partial }
            summary = s
            return options.dryRun || s.status == .rejected ? .rollback : .commit
        }
        return summary!
    }

    /// Opens the file by its content: a zip is a workbook, an old binary `.xls` is refused, anything else is CSV.
    static func open(
        _ path: String, name: String,
        sheet: String?
    ) throws -> (reader: SheetReader, sheet: String?, encoding: String?) {
        guard let h = FileHandle(forReadingAtPath: path) else { throw FileAccessError(path: path, reason: "cannot open it") }
        let head = [UInt8]((try? h.read(upToCount: 8)) ?? Data())
        try? h.close()
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            do {
                let book = try XLSXReader(path: path)
                let chosen = sheet ?? book.sheetNames[0]
                return (try book.rows(sheet: sheet), chosen, nil)
            } catch let e as SheetFileError {
                throw SheetFileError(file: name, problem: e.problem)
            }
        }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw SheetFileError(file: name, problem: "an Excel 97–2003 .xls file; save it as Excel Workbook (.xlsx) or CSV")
        }
        if sheet != nil { throw SheetFileError(file: name, problem: "a sheet name is for .xlsx workbooks; this is a CSV file") }
        let csv = try CSVSheetReader(path: path)
        return (csv, nil, csv.encoding.rawValue)
    }

    static func sha256(path: String) throws -> String {
        guard let h = FileHandle(forReadingAtPath: path) else { throw FileAccessError(path: path, reason: "cannot open it") }
        defer { try? h.close() }
        var hasher = SHA256()
        while let chunk = try h.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// One sheet's pass over its rows inside the store's transaction.
    struct Run {
        let session: TrainingSession
        let tx: any AttendanceSheetTransaction
        let name: String
        var seen: [String: Int] = [:]

        init(session: TrainingSession, tx: any AttendanceSheetTransaction, name: String) {
            self.session = session
            self.tx = tx
            self.name = name
        }

        mutating func apply(_ reader: SheetReader, errorsOut: String?) throws -> AttendanceImportSummary {
            var columns: AttendanceColumns?
            var rowsRead = 0
            while columns == nil, rowsRead < 50, let row = try reader.nextRow() {
                rowsRead += 1
                columns = AttendanceColumns.header(row)
            }
            guard let columns else {
                throw SheetFileError(
                    file: name,
                    problem: "no header row in the first 50 rows: a sign-in sheet needs a column "
                        + "工号/teacher id or 姓名/name, and 学时/hours, 签到/status or 签名/signature")
            }
            var s = AttendanceImportSummary(
                file: name, digest: "", course: session.course.id, status: .applied, dryRun: false,
                strict: false, headerRow: columns.row)
            let writer = try errorsOut.map { path in
                let w = try makeSheetWriter(path: path, sheetName: "errors", widths: columns.header.map { _ in 14 } + [60])
                try w.write(columns.header + ["错误原因 / reason"], bold: true)
                return w
            }
            var dataRows = 0
            while let row = try reader.nextRow() {
                dataRows += 1
                guard dataRows <= AttendanceSheetImporter.maxRows else {
                    throw SheetFileError(
                        file: name,
                        problem: "more than \(AttendanceSheetImporter.maxRows) rows after the header")
                }
                switch try entry(row, columns) {
                case .skipped: s.skipped += 1
                case .notSignedIn: s.notSignedIn += 1
                case .outcome(.added): s.added += 1
                case .outcome(.updated): s.updated += 1
                case .outcome(.resubmitted): s.resubmitted += 1
                case .outcome(.unchanged): s.unchanged += 1
                case .outcome(.locked(let state)):
                    try reject(
                        &s, row, writer,
                        AttendanceRowError(
                            row: row.number, column: nil, value: nil,
                            reason:
                                "the stored record is \(state.rawValue) and cannot change (ask the district to return it first)"))
                case .outcome(.districtRecord):
                    try reject(
                        &s, row, writer,
                        AttendanceRowError(
                            row: row.number, column: nil, value: nil,
                            reason: "the district's feed already records this teacher at this course"))
                case .error(let e):
                    try reject(&s, row, writer, e)
                }
            }
            if let writer, let errorsOut {
                try writer.finish()
                s.errorsFile = errorsOut
            }
            return s
        }

        private func reject(
            _ s: inout AttendanceImportSummary, _ row: SheetRow, _ writer: (any SheetWriter)?,
            _ e: AttendanceRowError
        ) throws {
            s.rejected += 1
            if s.errors.count < 1000 { s.errors.append(e) }
            let reason = e.column.map { "\($0): " } ?? ""
            try writer?.write(row.cells + [reason + e.reason])
        }

        enum RowResult {
            case skipped, notSignedIn
            case outcome(EntryOutcome)
            case error(AttendanceRowError)
        }

        /// One row: its teacher and record, entered.
        mutating func entry(_ row: SheetRow, _ c: AttendanceColumns) throws -> RowResult {
            func bad(_ f: AttendanceColumns.Field, _ value: String?, _ reason: String) -> RowResult {
                .error(AttendanceRowError(row: row.number, column: c.describe(f), value: value, reason: reason))
            }
            let id = SheetValues.halfWidth(c.cell(.teacherId, row))
            let name = c.cell(.name, row)
            let hoursText = c.cell(.hours, row)
            let statusText = c.cell(.status, row)
            let signature = c.cell(.signature, row)
            if id.isEmpty && name.isEmpty { return .skipped }
            if hoursText.isEmpty && statusText.isEmpty && signature.isEmpty { return .notSignedIn }
            let school = session.schoolId
            let teacher: Teacher
            if !id.isEmpty {
                guard let t = try tx.teacher(id: id) else {
                    let hint = id.allSatisfy(\.isNumber) ? " (if Excel dropped leading zeros, format the column as text)" : ""
                    return bad(.teacherId, id, "no teacher with this id" + hint)
                }
                guard t.schoolId == school else {
                    return bad(
                        .teacherId, id,
                        "teacher \(t.id) is at school \(t.schoolId), not at \(school) where the training ran")
                }
                if !name.isEmpty && SheetValues.name(name) != SheetValues.name(t.name) {
                    return bad(.name, name, "teacher \(t.id) is \(t.name) in the store; check the id or the name")
                }
                teacher = t
            } else {
                let found = try tx.teachers(named: name, school: school, limit: 2)
                if found.isEmpty { return bad(.name, name, "no teacher of school \(school) has this name") }
                if found.count > 1 {
                    return bad(.name, name, "several teachers of school \(school) have this name; give the 工号 (teacher id)")
                }
                teacher = found[0]
            }
            if let first = seen[teacher.id] {
                return bad(
                    id.isEmpty ? .name : .teacherId, id.isEmpty ? name : id,
                    "teacher \(teacher.id) is already on row \(first) of this sheet")
            }
            seen[teacher.id] = row.number
            let course = session.course
            var status: AttendanceStatus?
            if !statusText.isEmpty {
                guard let s = SheetValues.status(statusText) else {
                    return bad(
                        .status, statusText,
                        "not a sign-in word (签到/已到/√, 迟到/早退, 缺席/请假, 退出 or completed, "
                            + "partial, absent, withdrawn)")
                }
                status = s
            } else if !signature.isEmpty {
                status = SheetValues.status(signature) ?? .completed
            }
            var hours: Hours?
            if !hoursText.isEmpty {
                guard let h = SheetValues.hours(hoursText) else {
                    return bad(.hours, hoursText, "not hours (a number with at most one decimal, e.g. 3 or 1.5)")
                }
                guard h <= course.hours else {
                    return bad(.hours, hoursText, "more than the training's \(course.hours) hours")
                }
                hours = h
            }
            switch (status, hours) {
            case (nil, let h?):
                status = h == course.hours ? .completed : h.tenths == 0 ? .absent : .partial
            case (.completed?, nil):
                hours = course.hours
            case (.partial?, nil):
                return bad(.hours, hoursText, "a partial attendance needs its hours")
            case (.absent?, let h?) where h.tenths > 0:
                return bad(.hours, hoursText, "absent, yet \(h) hours")
            case (.absent?, nil), (.withdrawn?, nil):
                hours = .zero
            default:
                break
            }
            guard let result = SheetValues.result(c.cell(.result, row)) else {
                return bad(.result, c.cell(.result, row), "not a result (合格/pass, 不合格/fail, or empty)")
            }
            var date = course.end
            let dateText = c.cell(.date, row)
            if !dateText.isEmpty {
                guard let d = SheetValues.day(dateText) else { return bad(.date, dateText, "not a date (YYYY-MM-DD)") }
                guard d >= course.start && d <= course.end else {
                    return bad(.date, dateText, "outside the training's dates \(course.start) – \(course.end)")
                }
                date = d
            }
            let note = c.cell(.note, row)
            guard note.count <= AttendanceSheetImporter.maxNote else {
                return bad(.note, nil, "a note longer than \(AttendanceSheetImporter.maxNote) characters")
            }
            let record = Attendance(
                teacherId: teacher.id, courseId: course.id, hours: hours ?? .zero,
                status: status ?? .completed, result: result, date: date)
            return .outcome(try tx.enter(record, note: note.isEmpty ? nil : note))
        }
    }
}
