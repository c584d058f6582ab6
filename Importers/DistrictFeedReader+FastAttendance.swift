import CLibXML2
import GRDB
import XinyuCore

/// The hot path of large feeds: an attendance `record` that is entirely valid is checked on libxml2's C strings and
/// queued for the writer thread (``AttendanceWriter``), with no per-attribute Swift strings. Anything unusual (a missing or
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
        guard let teacher, let course, let hours, let status, let teacherID = identifier(teacher),
              let courseID = identifier(course), let tenths = parseTenths(hours) else { return false }
        let statusCode: UInt8
        if cEquals(status, "completed") { statusCode = 0 }
        else if cEquals(status, "partial") { statusCode = 1 }
        else if cEquals(status, "absent") { statusCode = 2 }
        else if cEquals(status, "withdrawn") { statusCode = 3 }
        else { return false }
        var resultCode: UInt8 = 0
        if let result {
            if cEquals(result, "pass") { resultCode = 1 }
            else if cEquals(result, "fail") { resultCode = 2 }
            else if !cEquals(result, "none") { return false }
        }
        if let date, !isDay(date) { return false }
        guard try session.teacherExists(teacherID), let info = try session.course(courseID), tenths <= info.hours else { return false }
        if let date {
            try session.queueAttendance(teacher: teacherID, course: courseID, date: date, tenths: tenths, status: statusCode,
                                        result: resultCode)
        } else {
            var end = info.endText
            try end.withUTF8 { e in
                try session.queueAttendance(teacher: teacherID, course: courseID, date: e.baseAddress!, tenths: tenths,
                                            status: statusCode, result: resultCode)
            }
        }
        return true
    }

    /// The bytes of `p` when it is an identifier `[A-Za-z0-9._-]{1,64}`.
    private func identifier(_ p: UnsafePointer<xmlChar>) -> UnsafeBufferPointer<UInt8>? {
        var i = 0
        while true {
            let c = p[i]
            if c == 0 { return i > 0 ? UnsafeBufferPointer(start: p, count: i) : nil }
            switch c {
            case 65...90, 97...122, 48...57, 46, 95, 45: break
            default: return nil
            }
            i += 1
            if i > 64 { return nil }
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
