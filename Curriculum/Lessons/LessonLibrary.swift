import Foundation
import XinyuCore
import Yams

/// The lesson library: every lesson plan, loaded from the YAML files `lessons-*.yaml` of a directory
/// (bundled: `Curriculum/Library/`).
///
/// File shape: `band: low` then `lessons:` a list of plans (`id`, `theme`, `title`, `titleEn`, `objectives`,
/// `minutes`, `warmUp`, `main: {form, description}`, `closing`, `materials`, optional `months`). Every lesson
/// takes its file's band. Loading validates everything and throws ``InputError`` (file, lesson id, problem).
public struct LessonLibrary: Sendable {
    public let lessons: [LessonPlan]
    private let byId: [String: Int]

    public init(lessons: [LessonPlan]) throws {
        var index: [String: Int] = [:]
        for (i, l) in lessons.enumerated() {
            if index[l.id] != nil {
                throw InputError(file: "lesson library", record: l.id, problem: "duplicate lesson id")
            }
            index[l.id] = i
        }
        self.lessons = lessons
        self.byId = index
    }

    public func lesson(_ id: String) -> LessonPlan? { byId[id].map { lessons[$0] } }

    /// Lessons of one band, in library order.
    public func lessons(band: Band) -> [LessonPlan] { lessons.filter { $0.band == band } }

    /// Lessons matching optional band and theme filters.
    public func filter(band: Band? = nil, theme: Theme? = nil) -> [LessonPlan] {
        lessons.filter { (band == nil || $0.band == band) && (theme == nil || $0.theme == theme) }
    }

    /// The bundled library (`Curriculum/Library/lessons-*.yaml`).
    public static func bundled() throws -> LessonLibrary { try bundledOnce.get() }

    /// The bundled library, read and validated once per process: it is a read-only resource of the build.
    private static let bundledOnce = Result { () throws -> LessonLibrary in
        guard let dir = Bundle.module.url(forResource: "Library", withExtension: nil) else {
            throw InputError(file: "Curriculum/Library", problem: "bundled lesson library is missing from this build")
        }
        return try load(directory: dir.path)
    }

    /// Loads and validates every `lessons-*.yaml` file of `directory`.
    public static func load(directory: String) throws -> LessonLibrary {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasPrefix("lessons-") && $0.hasSuffix(".yaml") }.sorted()
        guard !names.isEmpty else {
            throw InputError(file: directory, problem: "no lessons-*.yaml files; put the lesson library here")
        }
        var all: [LessonPlan] = []
        var seen: [String: String] = [:]
        for name in names {
            let path = (directory as NSString).appendingPathComponent(name)
            for l in try parse(file: path, text: try YAMLFile.read(path)) {
                if let other = seen[l.id] {
                    throw InputError(file: path, record: l.id, problem: "lesson id already used in \(other); ids must be unique")
                }
                seen[l.id] = name
                all.append(l)
            }
        }
        let library = try LessonLibrary(lessons: all)
        try library.checkCoverage(file: directory)
        return library
    }

    /// Every band needs at least one lesson of every theme, so a class can cover every theme before repeating.
    public func checkCoverage(file: String) throws {
        for band in Band.allCases {
            let themes = Set(lessons(band: band).map(\.theme))
            for t in Theme.allCases where !themes.contains(t) {
                throw InputError(
                    file: file, record: band.rawValue,
                    problem: "band has no lesson of theme \(t.rawValue); every band must cover every theme")
            }
        }
    }

    /// Parses one library file (exposed for tests of the validation).
    public static func parse(file: String, text: String) throws -> [LessonPlan] {
        let doc = try YAMLMap.document(text, file: file)
        guard let bandText = try doc.string("band") else { throw InputError(file: file, problem: "missing top-level `band`") }
        guard let band = Band(rawValue: bandText) else {
            throw InputError(
                file: file,
                problem: "unknown band \(bandText); use one of \(Band.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let items = try doc.maps("lessons"), !items.isEmpty else {
            throw InputError(file: file, problem: "no `lessons` listed")
        }
        return try items.enumerated().map { n, item in
            let r = try RawLesson(item)
            let id = r.id ?? "lesson #\(n + 1)"
            func fail(_ p: String) -> InputError { InputError(file: file, record: id, problem: p) }
            guard let rid = r.id, Identifier.isValid(rid) else { throw fail("missing or invalid id (letters, digits, . _ -)") }
            if let b = r.band, b != band.rawValue { throw fail("band \(b) differs from the file's band \(band.rawValue)") }
            guard let t = r.theme else { throw fail("missing theme") }
            guard let theme = Theme(rawValue: t) else {
                throw fail("unknown theme \(t); use one of \(Theme.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard let title = r.title, !title.isEmpty else { throw fail("missing title") }
            guard let titleEn = r.titleEn, !titleEn.isEmpty else { throw fail("missing titleEn") }
            guard let objectives = r.objectives, !objectives.isEmpty else { throw fail("missing objectives") }
            guard let minutes = r.minutes else { throw fail("missing minutes") }
            guard minutes > 0, minutes <= band.periodMinutes else {
                throw fail("\(minutes) minutes does not fit a \(band.periodMinutes)-minute period of band \(band.rawValue)")
            }
            guard let warmUp = r.warmUp, !warmUp.isEmpty else { throw fail("missing warmUp") }
            guard let m = r.main, let f = m.form, let d = m.description, !d.isEmpty else {
                throw fail("missing main activity (form and description)")
            }
            guard let form = ActivityForm(rawValue: f) else {
                throw fail(
                    "unknown activity form \(f); use one of \(ActivityForm.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard let closing = r.closing, !closing.isEmpty else { throw fail("missing closing") }
            let months = r.months ?? []
            if let bad = months.first(where: { !(1...12).contains($0) }) { throw fail("month \(bad) is not 1–12") }
            return LessonPlan(
                id: rid, band: band, theme: theme, title: title, titleEn: titleEn, objectives: objectives,
                minutes: minutes, warmUp: warmUp, main: .init(form: form, description: d),
                closing: closing, materials: r.materials ?? [], preferredMonths: months)
        }
    }

    /// One lesson's keys as written, before validation.
    private struct RawLesson {
        var id, band, theme, title, titleEn, warmUp, closing: String?
        var objectives, materials: [String]?
        var minutes: Int?
        var main: (form: String?, description: String?)?
        var months: [Int]?

        init(_ m: YAMLMap) throws {
            id = try m.string("id")
            band = try m.string("band")
            theme = try m.string("theme")
            title = try m.string("title")
            titleEn = try m.string("titleEn")
            objectives = try m.strings("objectives")
            minutes = try m.int("minutes")
            warmUp = try m.string("warmUp")
            if let main = try m.map("main") { self.main = (try main.string("form"), try main.string("description")) }
            closing = try m.string("closing")
            materials = try m.strings("materials")
            months = try m.ints("months")
        }
    }
}
