import CLibXML2
import XinyuCore

/// The namespace of district feed v1.
let districtNamespace: StaticString = "urn:xinyu:district-feed:1"

/// A whole document is rejected: nothing it contains is applied.
struct DocumentRejected: Error {
    var problem: RejectedRecord
}

/// Reads the body of a district feed v1 (the reader stands on the root `feed` element) and applies each record
/// through the session. Record errors are collected; document errors throw ``DocumentRejected``.
///
/// Decisions where FEED-FORMAT.md is silent:
/// - A section out of order or repeated, or an unknown element in the feed namespace at section level, is one
///   rejection (its whole subtree is skipped), not a rejection of the document.
/// - A school's `grade` children are upserted; grades a school already has and the feed does not list stay.
/// - Lines and columns are libxml2's parser position just after the record's start tag.
/// - Many districts share one store (issue #18): a school belongs to the district whose feed first sent it. A
///   `school` record, or a `teacher` record placing a teacher in a school, of a feed whose `district` is another
///   one is rejected (a record error). A teacher stored under one district's school who appears in another
///   district's feed at one of that district's schools moves there, as within a district: the teacher's id, and
///   so the teacher's training history, stays.
struct DistrictFeedReader {
    let stream: XMLStream
    let session: ImportSession
    let district: String
    let progress: ProgressBar
    /// The attribute names of the fast paths, interned in the reader's dictionary.
    let recordNames: InternedNames
    let counselingNames: InternedNames
    let lessonNames: InternedNames
    /// Whether valid attendance, counseling and lesson records take the fast paths (``ImportOptions/fastPaths``).
    let fastPaths: Bool

    init(stream: XMLStream, session: ImportSession, district: String, progress: ProgressBar) {
        self.stream = stream
        self.session = session
        self.district = district
        self.progress = progress
        recordNames = InternedNames(FeedRules.Attrs.record, in: stream)
        counselingNames = InternedNames(FeedRules.Attrs.counseling, in: stream)
        lessonNames = InternedNames(FeedRules.Attrs.lesson, in: stream)
        fastPaths = session.options.fastPaths
    }

    static let sections: [StaticString] = ["schools", "teachers", "courses", "attendance", "awards", "practice"]

    func run() throws {
        var lastSection = -1
        var section = -1
        var r = stream.read()
        while r == 1 {
            let type = stream.nodeType
            try stream.rejectIfDocumentType()
            guard type == XML_READER_TYPE_ELEMENT.rawValue.int32 else {
                if type == XML_READER_TYPE_END_ELEMENT.rawValue.int32 && stream.depth == 1 { section = -1 }
                r = stream.read()
                continue
            }
            let depth = stream.depth
            let inFeedNS = cEquals(stream.namespaceURI, districtNamespace)
            if depth == 1 {
                try session.settleAwards()
                guard inFeedNS else {
                    r = stream.next()
                    continue
                }  // extension element: ignored
                let name = stream.localName
                guard let index = DistrictFeedReader.sections.firstIndex(where: { cEquals(name, $0) }) else {
                    session.reject(stream.line, stream.column, currentName, "", "unknown element in the feed namespace")
                    r = stream.next()
                    continue
                }
                if index <= lastSection {
                    session.reject(
                        stream.line, stream.column, currentName, "",
                        "section repeated or out of order"
                            + " (order: schools, teachers, courses, attendance, awards, practice); skipped"
                    )
                    r = stream.next()
                    continue
                }
                lastSection = index
                section = index
                r = stream.read()
                continue
            }
            if depth == 2 && section >= 0 {
                guard inFeedNS else {
                    r = stream.next()
                    continue
                }
                let line = stream.line
                let column = stream.column
                guard let node = stream.expand() else {
                    r = -1
                    break
                }  // error recorded by libxml2
                try record(section: section, name: node.pointee.name, node: node, line: line, column: column)
                session.records += 1
                if session.records & 1023 == 0 { progress.update(records: session.records) }
                r = stream.next()
                continue
            }
            r = stream.read()
        }
        try stream.rejectIfNotWellFormed(lastRead: r)
        try session.settleAwards()
        if session.mode == .full { try session.deactivateMissingTeachers() }
    }

    private var currentName: String { stream.localName.map { String(cString: $0) } ?? "?" }

    private func record(section: Int, name: UnsafePointer<xmlChar>?, node: xmlNodePtr, line: Int, column: Int) throws {
        if !(section == 4 && cEquals(name, "award")) { try session.settleAwards() }  // awards before what follows
        switch section {
        case 0 where cEquals(name, "school"): try school(node, line, column)
        case 1 where cEquals(name, "teacher"): try teacher(node, line, column)
        case 2 where cEquals(name, "course"): try course(node, line, column)
        case 3 where cEquals(name, "record"): if try !(fastPaths && fastAttendance(node)) { try attendance(node, line, column) }
        case 4 where cEquals(name, "award"): try award(node, line, column)
        case 5 where cEquals(name, "counseling"):
            if try !(fastPaths && fastPractice(node, lesson: false)) { try counseling(node, line, column) }
        case 5 where cEquals(name, "lesson"):
            if try !(fastPaths && fastPractice(node, lesson: true)) { try lesson(node, line, column) }
        default:
            session.reject(
                line, column, Node.name(node), "", "unknown element in section <\(DistrictFeedReader.sections[section])>")
        }
    }

    /// Child elements in the feed namespace other than `allowed` → the name of the first unknown one.
    private func children(_ node: xmlNodePtr, allowed: [StaticString]) -> (known: [(Int, xmlNodePtr)], unknown: String?) {
        var known: [(Int, xmlNodePtr)] = []
        var unknown: String?
        for c in Node.elements(node) {
            guard cEquals(Node.ns(c), districtNamespace) else { continue }
            if let i = allowed.firstIndex(where: { cEquals(c.pointee.name, $0) }) {
                known.append((i, c))
            } else if unknown == nil {
                unknown = Node.name(c)
            }
        }
        return (known, unknown)
    }

    /// Checks shared by every record: unknown attribute, required attributes.
    private func check(_ attrs: (values: [String?], unknown: String?), names: [StaticString], required: Int) -> String? {
        if let u = attrs.unknown { return "unknown attribute \(u)" }
        for i in 0..<required where attrs.values[i] == nil { return "missing required attribute \(names[i])" }
        return nil
    }

    private func id(_ v: String?, _ what: String) -> String? {
        guard let v else { return nil }
        return Identifier.isValid(v) ? nil : "\(what) \"\(v)\" is not an identifier \(Identifier.rule)"
    }

    private func school(_ node: xmlNodePtr, _ line: Int, _ column: Int) throws {
        let names = FeedRules.Attrs.school
        let a = Node.attributes(node, names)
        let key = a.values[0] ?? ""
        if Identifier.isValid(key) { session.listedSchools.insert(key) }
        func fail(_ reason: String) { session.reject(line, column, "school", key, reason) }
        if let p = check(a, names: names, required: 2) ?? id(a.values[0], "id") { return fail(p) }
        guard let stage = Stage(rawValue: a.values[1]!) else {
            return fail("stage \"\(a.values[1]!)\" is not one of primary, junior, senior, nine-year, complete, special")
        }
        var room = false
        if let r = a.values[2] {
            guard r == "true" || r == "false" else { return fail("counselingRoom \"\(r)\" is not true or false") }
            room = r == "true"
        }
        let kids = children(node, allowed: ["name", "grade"])
        if let u = kids.unknown { return fail("unknown element \(u)") }
        var name: String?
        var grades: [Grade] = []
        for (i, c) in kids.known {
            if i == 0 {
                if name != nil { return fail("more than one name") }
                name = Node.text(c)
            } else {
                if name == nil { return fail("name must come before grade") }
                let gn = FeedRules.Attrs.grade
                let ga = Node.attributes(c, gn)
                if let p = check(ga, names: gn, required: 2) { return fail("grade: " + p) }
                guard let level = parseInt(ga.values[0]!), (1...12).contains(level) else {
                    return fail("grade level \"\(ga.values[0]!)\" is not 1–12")
                }
                guard let classes = parseInt(ga.values[1]!), (0...40).contains(classes) else {
                    return fail("grade \(level): classes \"\(ga.values[1]!)\" is not 0–40")
                }
                guard stage.allowedGrades.contains(level) else {
                    return fail(
                        "grade level \(level) does not fit stage \(stage.rawValue)"
                            + " (\(stage.allowedGrades.lowerBound)–\(stage.allowedGrades.upperBound))"
                    )
                }
                guard !grades.contains(where: { $0.level == level }) else { return fail("grade level \(level) appears twice") }
                grades.append(Grade(schoolId: key, level: level, classes: classes))
            }
        }
        guard let n = name?.trimmed, !n.isEmpty else { return fail("missing required element name") }
        if let p = tooLong(n, "name") { return fail(p) }
        if let owner = try session.schoolDistrict(key), owner != district {
            return fail("school \(key) belongs to district \(owner), not to this feed's district \(district)")
        }
        try session.upsertSchool(School(id: key, name: n, stage: stage, counselingRoom: room, district: district), grades: grades)
    }

    private func teacher(_ node: xmlNodePtr, _ line: Int, _ column: Int) throws {
        let names = FeedRules.Attrs.teacher
        let a = Node.attributes(node, names)
        let key = a.values[0] ?? ""
        if Identifier.isValid(key) { session.mentionedTeachers.insert(key) }
        func fail(_ reason: String) { session.reject(line, column, "teacher", key, reason) }
        if let p = check(a, names: names, required: 3) ?? id(a.values[0], "id") ?? id(a.values[1], "school") { return fail(p) }
        let school = a.values[1]!
        guard let role = Role(rawValue: a.values[2]!) else {
            return fail(
                "role \"\(a.values[2]!)\" is not one of psych-fulltime, psych-parttime, class-teacher, subject-teacher, leader")
        }
        var hired: Day?
        if let h = a.values[3] {
            guard let d = Day(h) else { return fail("hired \"\(h)\" is not a date YYYY-MM-DD") }
            hired = d
        }
        var status = TeacherStatus.active
        if let s = a.values[4] {
            guard let st = TeacherStatus(rawValue: s) else { return fail("status \"\(s)\" is not active or inactive") }
            status = st
        }
        let homeroom: HomeroomChange
        switch teacherHomeroom(a.values[5], role: role) {
        case .success(let h): homeroom = h
        case .failure(let p): return fail(p.reason)
        }
        let kids = children(node, allowed: ["name"])
        if let u = kids.unknown { return fail("unknown element \(u)") }
        if kids.known.count > 1 { return fail("more than one name") }
        guard let n = kids.known.first.map({ Node.text($0.1).trimmed }), !n.isEmpty else {
            return fail("missing required element name")
        }
        if let p = tooLong(n, "name") { return fail(p) }
        guard let owner = try session.schoolDistrict(school) else {
            return fail("school \(school) is neither in this feed nor stored")
        }
        guard owner == district else {
            return fail(
                "school \(school) belongs to district \(owner), not to this feed's district \(district)"
                    + " (a teacher who moves there comes in that district's feed)")
        }
        if case .set(let g, let k) = homeroom, let p = try session.homeroomProblem(school: school, grade: g, classNumber: k) {
            return fail(p)
        }
        session.listedSchools.insert(school)
        try session.upsertTeacher(Teacher(id: key, schoolId: school, name: n, role: role, hired: hired, status: status))
        try session.applyHomeroom(homeroom, teacher: key)
    }

    /// The `homeroom` attribute (since feed v1.1): absent keeps the stored one, `""` clears it, `G-K` sets it and
    /// needs role `class-teacher`.
    private func teacherHomeroom(_ value: String?, role: Role) -> Result<HomeroomChange, RecordProblem> {
        guard let value else { return .success(.keep) }
        if value.isEmpty { return .success(.clear) }
        guard let (g, k) = Homeroom.parse(value) else {
            return .failure(
                RecordProblem(
                    "homeroom \"\(value)\" is not G-K (grade 1–12, class 1–40, e.g. 3-2), "
                        + "or \"\" to clear it"))
        }
        guard role == .classTeacher else {
            return .failure(RecordProblem("homeroom \(value) is only for role class-teacher, not \(role.rawValue)"))
        }
        return .success(.set(grade: g, classNumber: k))
    }

    private func course(_ node: xmlNodePtr, _ line: Int, _ column: Int) throws {
        let names = FeedRules.Attrs.course
        let a = Node.attributes(node, names)
        let key = a.values[0] ?? ""
        func fail(_ reason: String) { session.reject(line, column, "course", key, reason) }
        if let p = check(a, names: names, required: 6) ?? id(a.values[0], "id") { return fail(p) }
        guard let tier = parseInt(a.values[1]!), Tier(rawValue: tier) != nil else {
            return fail("tier \"\(a.values[1]!)\" is not one of 10, 20, 30, 40, 60, 99")
        }
        guard let mode = parseInt(a.values[2]!), TrainingMode(rawValue: mode) != nil else {
            return fail("mode \"\(a.values[2]!)\" is not one of 1, 2, 3, 4, 9")
        }
        guard let hours = Hours(a.values[3]!) else {
            return fail("hours \"\(a.values[3]!)\" is not a decimal with at most one fractional digit")
        }
        guard FeedRules.courseTenths.contains(hours.tenths) else { return fail("hours \(hours) is not in 0 < h ≤ 500") }
        guard let start = Day(a.values[4]!) else { return fail("start \"\(a.values[4]!)\" is not a date YYYY-MM-DD") }
        guard let end = Day(a.values[5]!) else { return fail("end \"\(a.values[5]!)\" is not a date YYYY-MM-DD") }
        guard start <= end else { return fail("start \(start) is after end \(end)") }
        var track = Track.none
        var category = Category.professional
        var capacity: Int?
        if let t = a.values[6] {
            guard let v = Track(rawValue: t) else { return fail("track \"\(t)\" is not one of A, B, C, cpd, none") }
            track = v
        }
        if let c = a.values[7] {
            guard let v = Category(rawValue: c) else {
                return fail("category \"\(c)\" is not one of public, professional, elective")
            }
            category = v
        }
        if let c = a.values[8] {
            guard let v = parseInt(c), (1...100000).contains(v) else { return fail("capacity \"\(c)\" is not 1–100000") }
            capacity = v
        }
        let kids = children(node, allowed: ["title", "provider"])
        if let u = kids.unknown { return fail("unknown element \(u)") }
        var title: String?
        var provider: String?
        for (i, c) in kids.known {
            if i == 0 {
                if title != nil { return fail("more than one title") }
                title = Node.text(c).trimmed
            } else {
                if title == nil { return fail("title must come before provider") }
                if provider != nil { return fail("more than one provider") }
                provider = Node.text(c).trimmed
            }
        }
        guard let t = title, !t.isEmpty else { return fail("missing required element title") }
        if let p = tooLong(t, "title") ?? provider.flatMap({ tooLong($0, "provider") }) { return fail(p) }
        try session.upsertCourse(
            Course(
                id: key, title: t, provider: provider.flatMap { $0.isEmpty ? nil : $0 }, tier: tier,
                mode: mode, hours: hours, start: start, end: end, track: track,
                category: category, capacity: capacity))
    }

    /// A record's text longer than ``MarkupLimits/maxTextCharacters`` (Unicode scalars) → the reason.
    private func tooLong(_ text: String, _ what: String) -> String? {
        let limit = MarkupLimits.maxTextCharacters
        guard text.utf8.count > limit, text.unicodeScalars.count > limit else { return nil }
        return "\(what) is longer than \(limit) characters (limit); shorten it"
    }

    private func noChildren(_ node: xmlNodePtr) -> String? {
        children(node, allowed: []).unknown.map { "unknown element \($0)" }
    }

    private func attendance(_ node: xmlNodePtr, _ line: Int, _ column: Int) throws {
        let names = FeedRules.Attrs.record
        let a = Node.attributes(node, names)
        func fail(_ reason: String) {
            session.reject(line, column, "record", "\(a.values[0] ?? "")/\(a.values[1] ?? "")", reason)
        }
        if let p = check(a, names: names, required: 4) ?? id(a.values[0], "teacher") ?? id(a.values[1], "course")
            ?? noChildren(node)
        {
            return fail(p)
        }
        guard let hours = Hours(a.values[2]!) else {
            return fail("hours \"\(a.values[2]!)\" is not a decimal with at most one fractional digit")
        }
        guard let status = AttendanceStatus(rawValue: a.values[3]!) else {
            return fail("status \"\(a.values[3]!)\" is not one of \(FeedRules.list(FeedRules.statusWords))")
        }
        var result = CourseResult.none
        if let r = a.values[4] {
            guard let v = CourseResult(rawValue: r) else {
                return fail("result \"\(r)\" is not one of \(FeedRules.list(FeedRules.resultWords))")
            }
            result = v
        }
        var date: Day?
        if let d = a.values[5] {
            guard let v = Day(d) else { return fail("date \"\(d)\" is not a date YYYY-MM-DD") }
            date = v
        }
        guard try session.teacherExists(a.values[0]!) else {
            return fail("teacher \(a.values[0]!) is neither in this feed nor stored")
        }
        guard let course = try session.course(a.values[1]!) else {
            return fail("course \(a.values[1]!) is neither in this feed nor stored")
        }
        guard hours.tenths <= course.hours else {
            return fail("hours \(hours) exceed the course's \(Hours(tenths: course.hours))")
        }
        try session.upsertAttendance(
            teacher: a.values[0]!, course: a.values[1]!, hours: hours.tenths, status: status,
            result: result, date: date != nil ? a.values[5]! : course.endText)
    }

    private func award(_ node: xmlNodePtr, _ line: Int, _ column: Int) throws {
        let names = FeedRules.Attrs.award
        let a = Node.attributes(node, names)
        func fail(_ reason: String) {
            session.rejectAward(line, column, key: "\(a.values[0] ?? "")/\(a.values[1] ?? "")/\(a.values[2] ?? "")", reason)
        }
        if let p = check(a, names: names, required: 3) ?? id(a.values[0], "teacher") ?? noChildren(node) { return fail(p) }
        guard let level = Level(rawValue: a.values[1]!) else { return fail("level \"\(a.values[1]!)\" is not A, B or C") }
        guard let issued = Day(a.values[2]!) else { return fail("issued \"\(a.values[2]!)\" is not a date YYYY-MM-DD") }
        var expires: Day?
        if let e = a.values[4] {
            guard let v = Day(e) else { return fail("expires \"\(e)\" is not a date YYYY-MM-DD") }
            guard v > issued else { return fail("expires \(v) is not after issued \(issued)") }
            expires = v
        }
        let number = a.values[3]
        if let n = number, n.trimmed.isEmpty { return fail("number is empty") }
        guard try session.teacherExists(a.values[0]!) else {
            return fail("teacher \(a.values[0]!) is neither in this feed nor stored")
        }
        try session.upsertAward(
            Award(teacherId: a.values[0]!, level: level, issued: issued, number: number, expires: expires),
            line: line, column: column, key: "\(a.values[0]!)/\(a.values[1]!)/\(a.values[2]!)")
    }

    private func counseling(_ node: xmlNodePtr, _ line: Int, _ column: Int) throws {
        let names = FeedRules.Attrs.counseling
        let a = Node.attributes(node, names)
        func fail(_ reason: String) {
            session.reject(line, column, "counseling", "\(a.values[0] ?? "")/\(a.values[1] ?? "")", reason)
        }
        if let p = check(a, names: names, required: 3) ?? id(a.values[0], "teacher") ?? noChildren(node) { return fail(p) }
        guard let date = Day(a.values[1]!) else { return fail("date \"\(a.values[1]!)\" is not a date YYYY-MM-DD") }
        guard let hours = Hours(a.values[2]!), FeedRules.counselingTenths.contains(hours.tenths) else {
            return fail("hours \"\(a.values[2]!)\" is not in 0 < h ≤ 8 with at most one fractional digit")
        }
        guard try session.teacherExists(a.values[0]!) else {
            return fail("teacher \(a.values[0]!) is neither in this feed nor stored")
        }
        try session.upsertCounseling(teacher: a.values[0]!, date: date, hours: hours.tenths)
    }

    private func lesson(_ node: xmlNodePtr, _ line: Int, _ column: Int) throws {
        let names = FeedRules.Attrs.lesson
        let a = Node.attributes(node, names)
        func fail(_ reason: String) {
            session.reject(line, column, "lesson", "\(a.values[0] ?? "")/\(a.values[1] ?? "")", reason)
        }
        if let p = check(a, names: names, required: 3) ?? id(a.values[0], "teacher") ?? noChildren(node) { return fail(p) }
        guard let date = Day(a.values[1]!) else { return fail("date \"\(a.values[1]!)\" is not a date YYYY-MM-DD") }
        guard let periods = parseInt(a.values[2]!), FeedRules.lessonPeriods.contains(periods) else {
            return fail("periods \"\(a.values[2]!)\" is not 1–8")
        }
        guard try session.teacherExists(a.values[0]!) else {
            return fail("teacher \(a.values[0]!) is neither in this feed nor stored")
        }
        try session.upsertLesson(teacher: a.values[0]!, date: date, periods: periods)
    }
}

/// The feed's `mode`, remembered on the session.
enum FeedMode: String {
    case delta, full
}

extension UInt32 { var int32: Int32 { Int32(bitPattern: self) } }

extension String {
    /// Without leading and trailing white space (XML white space and Unicode spaces).
    var trimmed: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
