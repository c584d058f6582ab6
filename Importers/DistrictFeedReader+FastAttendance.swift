import CLibXML2
import GRDB
import GRDBSQLite
import XinyuCore

/// The hot path of large feeds: an attendance `record` that is entirely valid is checked on libxml2's C strings and
/// bound straight into the prepared upsert, with no per-attribute Swift strings. Anything unusual (a missing or
/// unknown attribute, a child element, an invalid value, an unknown teacher or course) returns false and the
/// record goes through the ordinary path, which reports the rejection.
extension DistrictFeedReader {
    func fastAttendance(_ node: xmlNodePtr) throws -> Bool {
        var teacher: UnsafePointer<xmlChar>?, course: UnsafePointer<xmlChar>?, hours: UnsafePointer<xmlChar>?
        var status: UnsafePointer<xmlChar>?, result: UnsafePointer<xmlChar>?, date: UnsafePointer<xmlChar>?
        var a = node.pointee.properties
        while let x = a {
            a = x.pointee.next
            if x.pointee.ns != nil { continue }
            guard let t = x.pointee.children, t.pointee.next == nil, t.pointee.type == XML_TEXT_NODE,
                  let v = UnsafePointer(t.pointee.content) else { return false }
            let n = x.pointee.name
            if cEquals(n, "teacher") { teacher = v }
            else if cEquals(n, "course") { course = v }
            else if cEquals(n, "hours") { hours = v }
            else if cEquals(n, "status") { status = v }
            else if cEquals(n, "result") { result = v }
            else if cEquals(n, "date") { date = v }
            else { return false }
        }
        var c = node.pointee.children
        while let x = c { if x.pointee.type == XML_ELEMENT_NODE { return false }; c = x.pointee.next }
        guard let teacher, let course, let hours, let status, isIdentifier(teacher), isIdentifier(course),
              let tenths = parseTenths(hours) else { return false }
        let statusText: StaticString
        if cEquals(status, "completed") { statusText = "completed" }
        else if cEquals(status, "partial") { statusText = "partial" }
        else if cEquals(status, "absent") { statusText = "absent" }
        else if cEquals(status, "withdrawn") { statusText = "withdrawn" }
        else { return false }
        var resultText: StaticString = "none"
        if let result {
            if cEquals(result, "pass") { resultText = "pass" }
            else if cEquals(result, "fail") { resultText = "fail" }
            else if !cEquals(result, "none") { return false }
        }
        if let date, !isDay(date) { return false }
        let teacherId = String(cString: teacher), courseId = String(cString: course)
        guard try session.teacherExists(teacherId), let info = try session.course(courseId), tenths <= info.hours else { return false }
        let stmt = try session.attendanceUpsert()
        let s = stmt.sqliteStatement
        sqlite3_reset(s)
        teacher.withMemoryRebound(to: CChar.self, capacity: 1) { _ = sqlite3_bind_text(s, 1, $0, -1, nil) }
        course.withMemoryRebound(to: CChar.self, capacity: 1) { _ = sqlite3_bind_text(s, 2, $0, -1, nil) }
        sqlite3_bind_int64(s, 3, Int64(tenths))
        statusText.withUTF8Buffer { b in b.withMemoryRebound(to: CChar.self) { _ = sqlite3_bind_text(s, 4, $0.baseAddress, Int32($0.count), nil) } }
        resultText.withUTF8Buffer { b in b.withMemoryRebound(to: CChar.self) { _ = sqlite3_bind_text(s, 5, $0.baseAddress, Int32($0.count), nil) } }
        let code: Int32
        if let date {
            date.withMemoryRebound(to: CChar.self, capacity: 1) { _ = sqlite3_bind_text(s, 6, $0, 10, nil) }
            code = sqlite3_step(s)
        } else {
            code = info.endText.withCString { p in sqlite3_bind_text(s, 6, p, 10, nil); return sqlite3_step(s) }
        }
        sqlite3_reset(s)
        sqlite3_clear_bindings(s)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(session.db.sqliteConnection)))
        }
        session.accepted.attendance += 1
        return true
    }

    private func isIdentifier(_ p: UnsafePointer<xmlChar>) -> Bool {
        var i = 0
        while true {
            let c = p[i]
            if c == 0 { return i > 0 && i <= 64 }
            switch c {
            case 65...90, 97...122, 48...57, 46, 95, 45: break
            default: return false
            }
            i += 1
            if i > 64 { return false }
        }
    }

    /// `\d{1,9}(\.\d)?` as tenths.
    private func parseTenths(_ p: UnsafePointer<xmlChar>) -> Int? {
        var i = 0, whole = 0, digits = 0
        while p[i] >= 48 && p[i] <= 57 { whole = whole * 10 + Int(p[i] - 48); digits += 1; i += 1; if digits > 9 { return nil } }
        guard digits > 0 else { return nil }
        if p[i] == 0 { return whole * 10 }
        guard p[i] == 46, p[i + 1] >= 48, p[i + 1] <= 57, p[i + 2] == 0 else { return nil }
        return whole * 10 + Int(p[i + 1] - 48)
    }

    private func isDay(_ p: UnsafePointer<xmlChar>) -> Bool {
        for i in 0..<10 {
            let c = p[i]
            if i == 4 || i == 7 { guard c == 45 else { return false } } else { guard c >= 48 && c <= 57 else { return false } }
        }
        guard p[10] == 0 else { return false }
        func n(_ r: Range<Int>) -> Int { r.reduce(0) { $0 * 10 + Int(p[$1] - 48) } }
        return Day(year: n(0..<4), month: n(5..<7), day: n(8..<10)) != nil
    }
}
