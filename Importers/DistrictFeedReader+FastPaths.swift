import CLibXML2
import Foundation
import XinyuCore

/// The hot paths of large feeds: an attendance `record`, `counseling` or `lesson` that is entirely valid is checked
/// on libxml2's C strings and queued for the writer thread (``RecordWriter``), with no per-attribute Swift strings.
/// Anything unusual (a missing or unknown attribute, a child element, an invalid value, an unknown teacher or
/// course) returns false and the record goes through the ordinary path, which applies the same rules and reports
/// the rejection. Both paths take their rules from ``FeedRules``.
extension DistrictFeedReader {
    func fastAttendance(_ node: xmlNodePtr) throws -> Bool {
        var v = AttributeValues()
        guard v.read(node, names: recordNames) else { return false }
        let teacher = v[0]
        let course = v[1]
        let hours = v[2]
        let status = v[3]
        let result = v[4]
        let date = v[5]
        var c = node.pointee.children
        while let x = c {
            if x.pointee.type == XML_ELEMENT_NODE { return false }
            c = x.pointee.next
        }
        guard let teacher, let course, let hours, let status, let teacherID = identifier(teacher),
            let courseID = identifier(course), let tenths = Hours(utf8: bytes(hours))?.tenths
        else { return false }
        guard let statusCode = FeedRules.statusWords.firstIndex(where: { cEquals(status, $0) }) else { return false }
        var resultCode = FeedRules.resultNone
        if let result {
            guard let r = FeedRules.resultWords.firstIndex(where: { cEquals(result, $0) }) else { return false }
            resultCode = r
        }
        if let date, !isDay(date) { return false }
        guard try session.teacherExists(teacherID), let info = try session.course(courseID), tenths <= info.hours else {
            return false
        }
        if let date {
            try session.queueAttendance(
                teacher: teacherID, course: courseID, date: date, tenths: tenths, status: statusCode,
                result: resultCode)
        } else {
            var end = info.endText
            try end.withUTF8 { e in
                try session.queueAttendance(
                    teacher: teacherID, course: courseID, date: e.baseAddress!, tenths: tenths,
                    status: statusCode, result: resultCode)
            }
        }
        return true
    }

    /// `counseling` (teacher, date, hours: ``FeedRules/counselingTenths``) or `lesson` (teacher, date, periods:
    /// ``FeedRules/lessonPeriods``).
    func fastPractice(_ node: xmlNodePtr, lesson: Bool) throws -> Bool {
        var v = AttributeValues()
        guard v.read(node, names: lesson ? lessonNames : counselingNames) else { return false }
        let teacher = v[0]
        let date = v[1]
        let amount = v[2]
        var c = node.pointee.children
        while let x = c {
            if x.pointee.type == XML_ELEMENT_NODE { return false }
            c = x.pointee.next
        }
        guard let teacher, let date, let amount, let teacherID = identifier(teacher), isDay(date) else { return false }
        let value: Int
        if lesson {
            guard let periods = parseInt(utf8: bytes(amount)), FeedRules.lessonPeriods.contains(periods) else { return false }
            value = periods
        } else {
            guard let tenths = Hours(utf8: bytes(amount))?.tenths, FeedRules.counselingTenths.contains(tenths) else {
                return false
            }
            value = tenths
        }
        guard try session.teacherExists(teacherID) else { return false }
        try session.queuePractice(lesson ? .lesson : .counseling, teacher: teacherID, date: date, value: value)
        return true
    }

    /// The bytes of `p` when it is an identifier (``Identifier``).
    private func identifier(_ p: UnsafePointer<xmlChar>) -> UnsafeBufferPointer<UInt8>? {
        let b = bytes(p, max: FeedRules.identifierProbeBytes)
        return Identifier.isValid(utf8: b) ? b : nil
    }

    /// Whether `p` is a date `YYYY-MM-DD` (``Day``).
    private func isDay(_ p: UnsafePointer<xmlChar>) -> Bool { Day(utf8: bytes(p, max: 11)) != nil }

    /// The bytes of the C string `p`, at most `max` of them (enough to tell a value too long).
    private func bytes(_ p: UnsafePointer<xmlChar>, max: Int = 32) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: p, count: strnlen(UnsafeRawPointer(p).assumingMemoryBound(to: CChar.self), max))
    }
}

/// The names a fast path accepts, in order, with their interned pointers (see ``XMLStream/interned(_:)``).
struct InternedNames {
    let names: [StaticString]
    let pointers: [UnsafePointer<xmlChar>?]

    init(_ names: [StaticString], in stream: XMLStream) {
        self.names = names
        pointers = names.map { stream.interned($0) }
    }

    /// The position of `name`: by pointer first, then by bytes.
    @inline(__always) func index(of name: UnsafePointer<xmlChar>?) -> Int? {
        for i in 0..<pointers.count where pointers[i] == name { return i }
        for i in 0..<names.count where cEquals(name, names[i]) { return i }
        return nil
    }
}

/// Up to six attribute values of a fast-path element, by the position of their name.
struct AttributeValues {
    private var values:
        (
            UnsafePointer<xmlChar>?, UnsafePointer<xmlChar>?, UnsafePointer<xmlChar>?,
            UnsafePointer<xmlChar>?, UnsafePointer<xmlChar>?, UnsafePointer<xmlChar>?
        ) = (nil, nil, nil, nil, nil, nil)

    subscript(_ i: Int) -> UnsafePointer<xmlChar>? {
        switch i {
        case 0: values.0
        case 1: values.1
        case 2: values.2
        case 3: values.3
        case 4: values.4
        default: values.5
        }
    }

    /// Reads the unqualified attributes of `node` (attributes in a namespace are extensions, ignored); false when
    /// one is not in `names` or is not a single text value.
    mutating func read(_ node: xmlNodePtr, names: InternedNames) -> Bool {
        var a = node.pointee.properties
        while let x = a {
            a = x.pointee.next
            if x.pointee.ns != nil { continue }
            guard let t = x.pointee.children, t.pointee.next == nil, t.pointee.type == XML_TEXT_NODE,
                let v = UnsafePointer(t.pointee.content), let i = names.index(of: x.pointee.name)
            else { return false }
            switch i {
            case 0: values.0 = v
            case 1: values.1 = v
            case 2: values.2 = v
            case 3: values.3 = v
            case 4: values.4 = v
            default: values.5 = v
            }
        }
        return true
    }
}
