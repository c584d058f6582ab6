import CLibXML2
import XinyuCore

/// Reads an IMS Enterprise 1.1 document (the reader stands on the root `enterprise` element) and maps it onto the
/// store, per FEED-FORMAT.md. Elements are matched by local name in the root's namespace (none, or any URI, any
/// prefix); elements in other namespaces are ignored.
///
/// Decisions where FEED-FORMAT.md is silent:
/// - Source ids are trimmed; characters outside `[A-Za-z0-9._-]` become `_` (`PHRE1001A2005/06T1/2` →
///   `PHRE1001A2005_06T1_2`); an empty id or one longer than 64 is rejected.
/// - A `group` needs `timeframe/begin` and `end` dates (`YYYY-MM-DD`): a course without dates is rejected, never
///   given invented ones. Courses from IMS get tier 99, mode 9, track `none`, category `professional`.
///   A group with `recstatus="3"` is skipped (courses are never deleted).
/// - A stored teacher keeps its school, role and hire date; the file only updates name and status (and role when
///   an `extension/role` names one of the product's roles).
/// - A class teacher's own class (feed v1.1 `homeroom`) comes from an `extension/homeroom` element, `G-K` as in
///   the district feed (grade and class number at the `--school`), next to `extension/role` `class-teacher` in the
///   same person; an empty element clears it, no element leaves it.
/// - A learner's attendance: `completed` with the course's hours when a final result exists (`pass`/`p` → pass,
///   `fail`/`f` → fail, anything else → none); `withdrawn` with 0 hours for recstatus 3 or status 0; otherwise
///   `partial` with 0 hours (enrolled, not finished). Its date is the role's `timeframe/end`, else the course's end.
struct IMSEnterpriseReader {
    let stream: XMLStream
    let session: ImportSession
    let namespace: String?
    let progress: ProgressBar

    func run() throws {
        var r = stream.read()
        while r == 1 {
            let type = stream.nodeType
            try stream.rejectIfDocumentType()
            guard type == XML_READER_TYPE_ELEMENT.rawValue.int32, stream.depth == 1 else {
                r = stream.read()
                continue
            }
            guard sameNamespace(stream.namespaceURI) else {
                r = stream.next()
                continue
            }
            let name = stream.localName
            let line = stream.line
            let column = stream.column
            let kind = cEquals(name, "person") ? 1 : cEquals(name, "group") ? 2 : cEquals(name, "membership") ? 3 : 0
            if kind == 0 {
                r = stream.next()
                continue
            }
            guard let node = stream.expand() else {
                r = -1
                break
            }
            switch kind {
            case 1: try person(node, line, column)
            case 2: try group(node, line, column)
            default: try membership(node, line, column)
            }
            session.records += 1
            if session.records & 255 == 0 { progress.update(records: session.records) }
            r = stream.next()
        }
        try stream.rejectIfNotWellFormed(lastRead: r)
    }

    private func sameNamespace(_ p: UnsafePointer<xmlChar>?) -> Bool {
        switch (namespace, p) {
        case (nil, nil): true
        case (let ns?, let p?): String(cString: p) == ns
        default: false
        }
    }

    private func children(_ n: xmlNodePtr, _ name: StaticString) -> [xmlNodePtr] {
        Node.elements(n).filter { sameNamespace(Node.ns($0)) && cEquals($0.pointee.name, name) }
    }
    private func child(_ n: xmlNodePtr, _ name: StaticString) -> xmlNodePtr? { children(n, name).first }
    private func path(_ n: xmlNodePtr, _ names: StaticString...) -> xmlNodePtr? {
        var cur: xmlNodePtr? = n
        for name in names { cur = cur.flatMap { child($0, name) } }
        return cur
    }
    private func text(_ n: xmlNodePtr, _ names: StaticString...) -> String? {
        var cur: xmlNodePtr? = n
        for name in names { cur = cur.flatMap { child($0, name) } }
        guard let c = cur else { return nil }
        let t = Node.text(c).trimmed
        return t.isEmpty ? nil : t
    }
    private func attribute(_ n: xmlNodePtr, _ name: StaticString) -> String? {
        var a = n.pointee.properties
        while let x = a {
            if x.pointee.ns == nil, cEquals(x.pointee.name, name) { return Node.value(x).trimmed }
            a = x.pointee.next
        }
        return nil
    }
    private func line(of n: xmlNodePtr) -> Int { Int(xmlGetLineNo(n)) }

    /// A source id made a product identifier (see the type's documentation).
    static func identifier(_ raw: String) -> String? {
        let t = raw.trimmed
        var out: [UInt8] = []
        for c in t.utf8 {
            switch c {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
                out.append(c)
            default:
                if c & 0xC0 != 0x80 { out.append(UInt8(ascii: "_")) }  // one `_` per character, not per byte
            }
        }
        return out.isEmpty || out.count > 64 ? nil : String(decoding: out, as: UTF8.self)
    }

    private func person(_ node: xmlNodePtr, _ line: Int, _ column: Int) throws {
        let raw = text(node, "sourcedid", "id") ?? ""
        func fail(_ reason: String) { session.reject(line, column, "person", raw, reason) }
        guard let id = IMSEnterpriseReader.identifier(raw) else {
            return fail("sourcedid/id \"\(raw)\" is missing or longer than 64 characters")
        }
        var name = text(node, "name", "fn")
        if name == nil {
            let parts = [text(node, "name", "n", "given"), text(node, "name", "n", "family")].compactMap { $0 }
            if !parts.isEmpty { name = parts.joined(separator: " ") }
        }
        guard let name else { return fail("no name/fn and no name/n/given or family") }
        if name.unicodeScalars.count > MarkupLimits.maxTextCharacters {
            return fail("name is longer than \(MarkupLimits.maxTextCharacters) characters (limit); shorten it")
        }
        guard let school = session.options.school else {
            return fail("persons need the school they teach at, and this import names none")
        }
        guard try session.schoolExists(school) else {
            return fail("school \(school), named by this import, is not stored; import the district feed first")
        }
        var role = Role.subjectTeacher
        var roleGiven = false
        if let r = text(node, "extension", "role") {
            guard let v = Role(rawValue: r) else {
                return fail(
                    "extension role \"\(r)\" is not one of psych-fulltime, psych-parttime, class-teacher, subject-teacher, leader"
                )
            }
            role = v
            roleGiven = true
        }
        var homeroom = HomeroomChange.keep
        if let h = path(node, "extension", "homeroom").map({ Node.text($0).trimmed }) {
            if h.isEmpty {
                homeroom = .clear
            } else {
                guard let (g, k) = Homeroom.parse(h) else {
                    return fail("extension homeroom \"\(h)\" is not G-K (grade 1–12, class 1–40, e.g. 3-2), or empty to clear it")
                }
                guard role == .classTeacher, roleGiven else {
                    return fail("extension homeroom \(h) needs extension role class-teacher in the same person")
                }
                if let p = try session.homeroomProblem(school: school, grade: g, classNumber: k) { return fail(p) }
                homeroom = .set(grade: g, classNumber: k)
            }
        }
        let status: TeacherStatus = attribute(node, "recstatus") == "3" ? .inactive : .active
        try session.upsertIMSTeacher(
            Teacher(id: id, schoolId: school, name: name, role: role, hired: nil, status: status),
            roleGiven: roleGiven)
        try session.applyHomeroom(homeroom, teacher: id)
    }

    private func group(_ node: xmlNodePtr, _ line: Int, _ column: Int) throws {
        let raw = text(node, "sourcedid", "id") ?? ""
        func fail(_ reason: String) { session.reject(line, column, "group", raw, reason) }
        if attribute(node, "recstatus") == "3" {
            session.skipped += 1
            return
        }
        guard let id = IMSEnterpriseReader.identifier(raw) else {
            return fail("sourcedid/id \"\(raw)\" is missing or longer than 64 characters")
        }
        guard
            let title = text(node, "description", "full") ?? text(node, "description", "long")
                ?? text(node, "description", "short")
        else { return fail("no description/full, long or short to use as the course title") }
        if title.unicodeScalars.count > MarkupLimits.maxTextCharacters {
            return fail("title is longer than \(MarkupLimits.maxTextCharacters) characters (limit); shorten it")
        }
        guard let b = text(node, "timeframe", "begin"), let e = text(node, "timeframe", "end") else {
            return fail("no timeframe/begin and end: a course needs its dates")
        }
        guard let start = Day(b), let end = Day(e) else { return fail("timeframe \"\(b)\"–\"\(e)\" are not dates YYYY-MM-DD") }
        guard start <= end else { return fail("timeframe begin \(start) is after end \(end)") }
        var hours = session.options.defaultHours
        if let h = text(node, "extension", "hours") {
            guard let v = Hours(h) else {
                return fail("extension hours \"\(h)\" is not a decimal with at most one fractional digit")
            }
            hours = v
        }
        guard let hours else { return fail("no extension hours element, and this import names no default hours") }
        guard hours.tenths > 0, hours.tenths <= 5000 else { return fail("hours \(hours) is not in 0 < h ≤ 500") }
        try session.upsertCourse(
            Course(
                id: id, title: title, provider: nil, tier: 99, mode: 9, hours: hours, start: start,
                end: end, track: .none, category: .professional, capacity: nil))
    }

    private func membership(_ node: xmlNodePtr, _ line: Int, _ column: Int) throws {
        let rawGroup = text(node, "sourcedid", "id") ?? ""
        let groupId = IMSEnterpriseReader.identifier(rawGroup)
        let course = try groupId.flatMap { try session.course($0) }
        for member in children(node, "member") {
            let rawPerson = text(member, "sourcedid", "id") ?? ""
            let key = "\(rawPerson)/\(rawGroup)"
            let mline = self.line(of: member)
            func fail(_ reason: String) { session.reject(mline, column, "member", key, reason) }
            let roles = children(member, "role")
            if roles.isEmpty {
                fail("no role")
                continue
            }
            for role in roles {
                guard attribute(role, "roletype") == "01" else {
                    session.skipped += 1
                    continue
                }
                guard let teacher = IMSEnterpriseReader.identifier(rawPerson) else {
                    fail("member sourcedid/id \"\(rawPerson)\" is missing or longer than 64 characters")
                    continue
                }
                guard let groupId else {
                    fail("membership sourcedid/id \"\(rawGroup)\" is missing or longer than 64 characters")
                    continue
                }
                guard let course else {
                    fail("group \(groupId) is neither in this file nor stored")
                    continue
                }
                guard try session.teacherExists(teacher) else {
                    fail("person \(teacher) is neither in this file nor stored")
                    continue
                }
                let withdrawn = attribute(role, "recstatus") == "3" || text(role, "status") == "0"
                let final = text(role, "finalresult", "result")
                var result = CourseResult.none
                if let f = final?.lowercased() {
                    result = f == "pass" || f == "p" ? .pass : f == "fail" || f == "f" ? .fail : .none
                }
                let status: AttendanceStatus = withdrawn ? .withdrawn : final != nil ? .completed : .partial
                var date = course.end
                if let e = text(role, "timeframe", "end") {
                    guard let d = Day(e) else {
                        fail("role timeframe/end \"\(e)\" is not a date YYYY-MM-DD")
                        continue
                    }
                    date = d
                }
                try session.upsertAttendance(
                    teacher: teacher, course: groupId, hours: status == .completed ? course.hours : 0,
                    status: status, result: result, date: date.description)
            }
        }
    }
}
