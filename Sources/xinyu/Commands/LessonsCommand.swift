import ArgumentParser
import Curriculum
import Foundation
import XinyuAccounts
import XinyuCore

extension Band: ExpressibleByArgument {}
extension Theme: ExpressibleByArgument {}
extension LibrarySource: ExpressibleByArgument {}
extension LibraryKind: ExpressibleByArgument {}
extension LibraryState: ExpressibleByArgument {}

struct LessonsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lessons", abstract: "The lesson library: bundled, district and schools' own plans and activities.",
        discussion: """
            Bundled plans are read-only; schools and the district add, copy, edit and retire their own, every save a \
            new version. Group-guidance activities are managed the same way: `add --kind activity`; every other \
            subcommand finds an item by its id, whatever its kind. Writes are audited as cli:USER.
            """,
        subcommands: [
            List.self, Show.self, History.self, Add.self, Copy.self, Edit.self, Retire.self, Propose.self, Approve.self,
            Return.self, Print.self, Generate.self,
        ],
        defaultSubcommand: List.self)

    /// The CLI's actor: `cli:USER`, now.
    static func actor() -> ManagedLibrary.Actor { ManagedLibrary.Actor(name: Principal.commandLine().name) }

    /// The store for a read, or nil when the SQLite file does not exist yet (the bundled library is still listed).
    static func readStore(_ global: GlobalOptions) throws -> (any XinyuStore)? {
        if !global.isPostgres, !FileManager.default.fileExists(atPath: global.databasePath) { return nil }
        return try global.openForReading()
    }

    static func printChange(_ item: LibraryItem) {
        var line = "\(item.kind.rawValue) \(item.id): \(item.state.rawValue), version \(item.version)"
        if let s = item.school { line += ", school \(s)" } else { line += ", district" }
        if let r = item.reason { line += ", returned: \(r)" }
        print(line)
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List lesson plans and activities (id, source, state, band, theme, title).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Any part of the title, English title, objectives or steps, Chinese or English.") var q: String?
        @Option(help: "Band: low, middle, high, junior, senior.") var band: Band?
        @Option(help: "Theme: self-awareness, emotions, learning, relationships, adaptation, life-safety, career.") var theme:
            Theme?
        @Option(help: "Only this school's own items.") var school: String?
        @Option(help: "bundled, district (the district library, approved plans included) or school.") var source: LibrarySource?
        @Option(help: "lesson or activity (default: both).") var kind: LibraryKind?
        @Option(help: "Only items in this state: active, proposed, approved, returned, retired.") var state: LibraryState?
        @OptionGroup var output: FormatOption

        func run() async throws {
            let query = LibraryQuery(
                kind: kind, text: q, band: band?.rawValue, theme: theme?.rawValue, school: school, source: source,
                includeRetired: state == .retired, states: state.map { [$0] })
            let list = try ManagedLibrary.list(query, in: LessonsCommand.readStore(global))
            try emit(output.format, json: list) {
                TextTable(
                    headers: ["id", "kind", "source", "school", "state", "version", "band", "theme", "title", "title (en)"],
                    rows: list.map {
                        [
                            $0.id, $0.kind.rawValue, $0.source.rawValue, $0.school ?? "", $0.state.rawValue,
                            $0.version == 0 ? "" : String($0.version), $0.band ?? "", $0.theme ?? "", $0.title, $0.titleEn,
                        ]
                    },
                    numeric: [5])
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show one lesson plan or activity in full.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Lesson or activity id, e.g. low-01.") var id: String
        @Option(help: "A stored item's version (default: the current one).") var version: Int?
        @OptionGroup var output: FormatOption

        func run() async throws {
            let d = try ManagedLibrary.show(id: id, version: version, in: LessonsCommand.readStore(global))
            if output.format == .json {
                if d.entry.source == .bundled, let l = d.lesson {
                    print(try JSONOutput.string(l), terminator: "")
                } else {
                    print(try JSONOutput.string(d), terminator: "")
                }
                return
            }
            var rows: [[String]] = [["id", d.entry.id]]
            if d.entry.source != .bundled {
                rows += [
                    ["source", d.entry.source.rawValue + (d.entry.school.map { " (\($0))" } ?? "")],
                    ["state", d.entry.state.rawValue + (d.entry.reason.map { ": \($0)" } ?? "")],
                    ["version", "\(d.version) of \(d.entry.version)"],
                ]
            }
            if let l = d.lesson {
                rows += [
                    ["band", "\(l.band.rawValue) (grades \(l.band.grades.lowerBound)–\(l.band.grades.upperBound))"],
                    ["theme", l.theme.rawValue], ["title", l.title], ["title (en)", l.titleEn], ["minutes", String(l.minutes)],
                    ["objectives", l.objectives.joined(separator: "；")], ["warm-up", l.warmUp],
                    ["main (\(l.main.form.rawValue))", l.main.description], ["closing", l.closing],
                    ["materials", l.materials.joined(separator: "、")],
                    ["preferred months", l.preferredMonths.map(String.init).joined(separator: " ")],
                ]
                if let g = l.grades { rows.append(["grades", g.map(String.init).joined(separator: " ")]) }
            } else if let a = d.activity {
                rows += [
                    ["name", a.name], ["name (en)", a.nameEn], ["group size", "\(a.minSize)–\(a.maxSize)"],
                    ["sessions", String(a.sessions)], ["minutes", String(a.minutes)],
                    ["facilitator", "≥ \(a.facilitatorLevel.rawValue)"],
                    ["bands", a.bands.map(\.rawValue).joined(separator: " ")],
                    ["room", a.room], ["description", a.description],
                ]
            }
            let t = TextTable(headers: ["field", "value"], rows: rows)
            print(output.format == .csv ? t.csv() : t.rendered(), terminator: "")
        }
    }

    struct History: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "history", abstract: "List the saved versions of a stored plan or activity.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "A stored item's id.") var id: String
        @OptionGroup var output: FormatOption

        func run() async throws {
            guard let store = try LessonsCommand.readStore(global) else {
                throw UsageError("\(global.displayName): no such database")
            }
            let versions = try ManagedLibrary.history(id: id, in: store)
            let formatter = ISO8601DateFormatter()
            try emit(output.format, json: versions) {
                TextTable(
                    headers: ["version", "saved", "by"],
                    rows: versions.map { [String($0.version), formatter.string(from: $0.saved), $0.actor] }, numeric: [0])
            }
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Add a school's or the district's own plan (or activity) from a YAML file.",
            discussion: """
                A lesson file has the fields of one entry of the bundled lessons-*.yaml plus its band (and optional \
                grades); an activity file those of one activities.yaml entry. Unknown keys are refused. A bad file \
                is one line (file:line: key: problem) and exit status 2; nothing is written.
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The plan's YAML file.") var file: String
        @Option(help: "The school that owns it.") var school: String?
        @Flag(help: "The district owns it (the district library).") var district = false
        @Option(help: "lesson (default) or activity.") var kind: LibraryKind = .lesson

        func validate() throws {
            guard (school != nil) != district else { throw ValidationError("give exactly one of --school S and --district") }
        }

        func run() async throws {
            let text = try TextFile.read(path: file).text
            let item = try ManagedLibrary.add(
                text: text, file: file, kind: kind, school: school, in: global.open(), by: LessonsCommand.actor())
            LessonsCommand.printChange(item)
        }
    }

    struct Copy: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "copy", abstract: "Copy a bundled or stored plan to a school (or the district) to adapt it.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The id to copy.") var id: String
        @Option(help: "The school the copy belongs to.") var school: String?
        @Flag(help: "The copy belongs to the district.") var district = false
        @Option(name: .customLong("as"), help: "The copy's id (default: SCHOOL-ID).") var newId: String?

        func validate() throws {
            guard (school != nil) != district else { throw ValidationError("give exactly one of --school S and --district") }
        }

        func run() async throws {
            let item = try ManagedLibrary.copy(
                id: id, to: school, newId: newId, in: global.open(), by: LessonsCommand.actor())
            LessonsCommand.printChange(item)
        }
    }

    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit", abstract: "Save a new version of a stored plan from a YAML file.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The stored item's id.") var id: String
        @Argument(help: "The YAML file (its id, if any, must be the same).") var file: String

        func run() async throws {
            let text = try TextFile.read(path: file).text
            let item = try ManagedLibrary.edit(id: id, text: text, file: file, in: global.open(), by: LessonsCommand.actor())
            LessonsCommand.printChange(item)
        }
    }

    struct Retire: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "retire", abstract: "Retire a stored plan: kept with its history, no longer used or listed.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The stored item's id.") var id: String

        func run() async throws {
            LessonsCommand.printChange(try ManagedLibrary.retire(id: id, in: global.open(), by: LessonsCommand.actor()))
        }
    }

    struct Propose: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "propose", abstract: "Propose a school's plan to the district library.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The school's plan id.") var id: String

        func run() async throws {
            LessonsCommand.printChange(try ManagedLibrary.propose(id: id, in: global.open(), by: LessonsCommand.actor()))
        }
    }

    struct Approve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "approve", abstract: "Approve a proposed plan: every school sees it, crediting its school.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The proposed plan's id.") var id: String

        func run() async throws {
            LessonsCommand.printChange(try ManagedLibrary.approve(id: id, in: global.open(), by: LessonsCommand.actor()))
        }
    }

    struct Return: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "return", abstract: "Return a proposed plan to its school with a reason.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The proposed plan's id.") var id: String
        @Option(help: "What the school should change.") var reason: String

        func run() async throws {
            LessonsCommand.printChange(
                try ManagedLibrary.returnToSchool(id: id, reason: reason, in: global.open(), by: LessonsCommand.actor()))
        }
    }

    struct Print: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "print", abstract: "Write a plan's printable 教案 (A4 HTML with a reflection box).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Lesson or activity id.") var id: String
        @Option(help: "A stored item's version (default: the current one).") var version: Int?
        @Option(help: "The HTML file to write.") var out: String

        func run() async throws {
            let d = try ManagedLibrary.show(id: id, version: version, in: LessonsCommand.readStore(global))
            let html = LessonSheet.html(d)
            do {
                try Data(html.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
            } catch {
                throw UsageError("\(out): cannot write the file (\(error.localizedDescription)); check the path")
            }
            print(out)
        }
    }

    struct Generate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "generate", abstract: "Add COUNT generated plans over the stored schools (benchmarks).",
            shouldDisplay: false)
        @OptionGroup var global: GlobalOptions
        @Option(help: "How many plans.") var count: Int

        func run() async throws {
            let n = try ManagedLibrary.generateSample(count: count, in: global.open(), by: LessonsCommand.actor())
            print("\(n) plans added")
        }
    }
}
