import Foundation
import XinyuCore
import Yams

/// One lesson plan or group-guidance activity as a YAML file (or a JSON body: JSON is YAML), validated the same way
/// for `xinyu lessons add|edit` and the API (issue #19). A bad file throws ``InputError`` with the file, the line,
/// the key and the problem (exit status 2).
///
/// A lesson has the fields of an entry of `lessons-*.yaml` plus its `band` (the bundled files give it once per
/// file): `id`, `band`, `theme`, `title`, `titleEn`, `objectives`, `minutes` (30–50 and at most the band's
/// period), `warmUp`, `main: {form, description}`, `closing`, optional `materials`, `months` (1–12) and `grades`
/// (each inside the band). An activity has the fields of an `activities.yaml` entry: `id`, `name`, `nameEn`,
/// `minSize`, `maxSize`, `sessions`, `minutes` (30–120), `facilitatorLevel`, optional `bands`, `room` and
/// `description`. Unknown keys are refused, so a misspelt key is never silently dropped.
public enum LibraryFile {
    /// The keys of a lesson file.
    public static let lessonKeys: Set<String> = [
        "id", "band", "theme", "title", "titleEn", "objectives", "minutes", "warmUp", "main", "closing", "materials",
        "months", "grades",
    ]
    /// The keys of an activity file.
    public static let activityKeys: Set<String> = [
        "id", "name", "nameEn", "minSize", "maxSize", "sessions", "minutes", "facilitatorLevel", "bands", "room",
        "description",
    ]
    /// A lesson's minutes: 30 to 50 (and never more than the band's period).
    public static let lessonMinutes = 30...50
    /// An activity session's minutes.
    public static let activityMinutes = 30...120

    /// A parsed file: a lesson or an activity.
    public enum Parsed: Sendable, Hashable {
        case lesson(LessonPlan)
        case activity(GroupActivity)

        public var id: String {
            switch self {
            case .lesson(let l): l.id
            case .activity(let a): a.id
            }
        }

        public var kind: LibraryKind {
            switch self {
            case .lesson: .lesson
            case .activity: .activity
            }
        }
    }

    /// Parses and validates `text` (named `file` in errors) as a `kind`. `id`, when given, is the id the content
    /// must have (an edit): a file without an id takes it, one with another id is refused.
    public static func parse(text: String, file: String, kind: LibraryKind, id: String? = nil) throws -> Parsed {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let e as YamlError {
            throw InputError(file: file, line: line(of: e), problem: "invalid YAML: \(firstLine(e))")
        }
        guard let root, let map = root.mapping else {
            throw InputError(file: file, line: root?.mark?.line, problem: "expected a mapping of fields (key: value)")
        }
        var r = Reader(file: file, map: map, rootLine: root.mark?.line ?? 1)
        try r.refuseUnknown(kind == .lesson ? lessonKeys : activityKeys)
        let fileId = try r.optionalString("id")
        if let id, let fileId, fileId != id {
            throw InputError(
                file: file, line: r.line("id"), record: "id", problem: "\(fileId) differs from \(id), the item edited")
        }
        guard let rid = fileId ?? id else { throw r.missing("id") }
        guard Identifier.isValid(rid) else {
            throw InputError(file: file, line: r.line("id"), record: "id", problem: "\(rid): use letters, digits, . _ -")
        }
        switch kind {
        case .lesson: return .lesson(try lesson(id: rid, &r))
        case .activity: return .activity(try activity(id: rid, &r))
        }
    }

    private static func lesson(id: String, _ r: inout Reader) throws -> LessonPlan {
        let band: Band = try r.word("band")
        let theme: Theme = try r.word("theme")
        let title = try r.string("title")
        let titleEn = try r.string("titleEn")
        let objectives = try r.strings("objectives", required: true)
        let minutes = try r.int("minutes")
        guard lessonMinutes.contains(minutes) else {
            throw r.fail("minutes", "\(minutes) is not \(lessonMinutes.lowerBound)–\(lessonMinutes.upperBound)")
        }
        guard minutes <= band.periodMinutes else {
            throw r.fail("minutes", "\(minutes) does not fit a \(band.periodMinutes)-minute period of band \(band.rawValue)")
        }
        let warmUp = try r.string("warmUp")
        guard let mainNode = r.map["main"] else { throw r.missing("main") }
        guard let mainMap = mainNode.mapping else { throw r.fail("main", "expected {form, description}") }
        var m = Reader(file: r.file, map: mainMap, rootLine: mainNode.mark?.line ?? 1, prefix: "main.")
        try m.refuseUnknown(["form", "description"])
        let form: ActivityForm = try m.word("form")
        let description = try m.string("description")
        let closing = try r.string("closing")
        let materials = try r.strings("materials", required: false)
        let months = try r.ints("months")
        if let bad = months.first(where: { !(1...12).contains($0) }) { throw r.fail("months", "\(bad) is not a month 1–12") }
        let grades = try r.ints("grades")
        if let bad = grades.first(where: { !band.grades.contains($0) }) {
            throw r.fail(
                "grades",
                "grade \(bad) is not in band \(band.rawValue) (grades \(band.grades.lowerBound)–\(band.grades.upperBound))")
        }
        return LessonPlan(
            id: id, band: band, theme: theme, title: title, titleEn: titleEn, objectives: objectives, minutes: minutes,
            warmUp: warmUp, main: .init(form: form, description: description), closing: closing, materials: materials,
            preferredMonths: months, grades: grades.isEmpty ? nil : grades)
    }

    private static func activity(id: String, _ r: inout Reader) throws -> GroupActivity {
        let name = try r.string("name")
        let nameEn = try r.string("nameEn")
        let lo = try r.int("minSize")
        guard lo >= 1 else { throw r.fail("minSize", "\(lo) is not at least 1") }
        let hi = try r.int("maxSize")
        guard hi >= lo, hi <= 60 else { throw r.fail("maxSize", "\(hi) must be from minSize (\(lo)) to 60") }
        let sessions = try r.int("sessions")
        guard (1...40).contains(sessions) else { throw r.fail("sessions", "\(sessions) is not 1–40") }
        let minutes = try r.int("minutes")
        guard activityMinutes.contains(minutes) else {
            throw r.fail("minutes", "\(minutes) is not \(activityMinutes.lowerBound)–\(activityMinutes.upperBound)")
        }
        let level: Level = try r.word("facilitatorLevel")
        let bandWords = try r.strings("bands", required: false)
        let bands = try bandWords.map { w -> Band in
            guard let b = Band(rawValue: w) else { throw r.fail("bands", "unknown band \(w); use \(Reader.choices(Band.self))") }
            return b
        }
        let room = try r.optionalString("room") ?? "counseling-room"
        guard room == "counseling-room" || room == "classroom" else {
            throw r.fail("room", "\(room): use counseling-room or classroom")
        }
        return GroupActivity(
            id: id, name: name, nameEn: nameEn, minSize: lo, maxSize: hi, sessions: sessions, minutes: minutes,
            facilitatorLevel: level, bands: bands.isEmpty ? Band.allCases : bands, room: room,
            description: try r.optionalString("description") ?? "")
    }

    private static func line(of e: YamlError) -> Int? {
        switch e {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
        default: nil
        }
    }

    private static func firstLine(_ e: YamlError) -> String {
        "\(e)".split(whereSeparator: \.isNewline).first.map(String.init) ?? "invalid YAML"
    }

    /// Reads the fields of one mapping, each error naming its line and key.
    struct Reader {
        let file: String
        let map: Node.Mapping
        let rootLine: Int
        var prefix = ""

        static func choices<W: CaseIterable & RawRepresentable>(_: W.Type) -> String where W.RawValue == String {
            W.allCases.map(\.rawValue).joined(separator: ", ")
        }

        func line(_ key: String) -> Int {
            for (k, v) in map where k.string == key { return v.mark?.line ?? k.mark?.line ?? rootLine }
            return rootLine
        }

        func fail(_ key: String, _ problem: String) -> InputError {
            InputError(file: file, line: line(key), record: prefix + key, problem: problem)
        }

        func missing(_ key: String) -> InputError {
            InputError(file: file, line: rootLine, record: prefix + key, problem: "missing; this field is required")
        }

        func refuseUnknown(_ known: Set<String>) throws {
            var seen = Set<String>()
            for (k, _) in map {
                let name = k.string ?? "?"
                guard known.contains(name) else {
                    throw InputError(
                        file: file, line: k.mark?.line ?? rootLine, record: prefix + name,
                        problem: "unknown key; allowed: \(known.sorted().joined(separator: ", "))")
                }
                guard seen.insert(name).inserted else {
                    throw InputError(file: file, line: k.mark?.line ?? rootLine, record: prefix + name, problem: "given twice")
                }
            }
        }

        func optionalString(_ key: String) throws -> String? {
            guard let v = map[key] else { return nil }
            guard let s = v.scalar?.string else { throw fail(key, "expected text") }
            let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
            return t.isEmpty ? nil : t
        }

        func string(_ key: String) throws -> String {
            guard map[key] != nil else { throw missing(key) }
            guard let s = try optionalString(key) else { throw fail(key, "empty; this field is required") }
            return s
        }

        func int(_ key: String) throws -> Int {
            guard let v = map[key] else { throw missing(key) }
            guard let n = v.int else { throw fail(key, "\(v.scalar?.string ?? "this") is not a whole number") }
            return n
        }

        func word<W: CaseIterable & RawRepresentable>(_ key: String) throws -> W where W.RawValue == String {
            let s = try string(key)
            guard let w = W(rawValue: s) else { throw fail(key, "unknown value \(s); use one of \(Self.choices(W.self))") }
            return w
        }

        func strings(_ key: String, required: Bool) throws -> [String] {
            guard let v = map[key] else {
                if required { throw missing(key) }
                return []
            }
            guard let seq = v.sequence else { throw fail(key, "expected a list, e.g. [a, b]") }
            let items = try seq.map { n -> String in
                guard let s = n.scalar?.string.trimmingCharacters(in: .whitespacesAndNewlines), !s.isEmpty else {
                    throw InputError(
                        file: file, line: n.mark?.line ?? line(key), record: prefix + key, problem: "expected text items")
                }
                return s
            }
            if required && items.isEmpty { throw fail(key, "empty; list at least one") }
            return items
        }

        func ints(_ key: String) throws -> [Int] {
            guard let v = map[key] else { return [] }
            guard let seq = v.sequence else { throw fail(key, "expected a list of numbers, e.g. [5, 6]") }
            return try seq.map { n in
                guard let i = n.int else {
                    throw InputError(
                        file: file, line: n.mark?.line ?? line(key), record: prefix + key,
                        problem: "\(n.scalar?.string ?? "item") is not a whole number")
                }
                return i
            }
        }
    }
}
