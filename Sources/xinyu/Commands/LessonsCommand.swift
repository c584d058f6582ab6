import ArgumentParser
import Curriculum
import XinyuCore

extension Band: ExpressibleByArgument {}
extension Theme: ExpressibleByArgument {}

struct LessonsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lessons", abstract: "The grade-banded lesson library.",
        subcommands: [List.self, Show.self], defaultSubcommand: List.self)

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List lesson plans (id, band, theme, title).")
        @OptionGroup var global: LibraryOnlyOptions
        @Option(help: "Band: low, middle, high, junior, senior.") var band: Band?
        @Option(help: "Theme: self-awareness, emotions, learning, relationships, adaptation, life-safety, career.") var theme:
            Theme?
        @OptionGroup var output: FormatOption

        func run() async throws {
            let list = try Curriculum.lessons(band: band, theme: theme)
            try emit(output.format, json: list) {
                TextTable(
                    headers: ["id", "band", "theme", "title", "title (en)", "minutes", "form", "months"],
                    rows: list.map {
                        [
                            $0.id, $0.band.rawValue, $0.theme.rawValue, $0.title, $0.titleEn, String($0.minutes),
                            $0.main.form.rawValue, $0.preferredMonths.map(String.init).joined(separator: " "),
                        ]
                    },
                    numeric: [5])
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one lesson plan in full.")
        @OptionGroup var global: LibraryOnlyOptions
        @Argument(help: "Lesson id, e.g. low-01.") var id: String
        @OptionGroup var output: FormatOption

        func run() async throws {
            guard let l = try LessonLibrary.bundled().lesson(id) else {
                throw UsageError("lesson \(id): no such lesson; see `xinyu lessons list`")
            }
            if output.format == .json {
                print(try JSONOutput.string(l), terminator: "")
                return
            }
            let rows: [[String]] = [
                ["id", l.id], ["band", "\(l.band.rawValue) (grades \(l.band.grades.lowerBound)–\(l.band.grades.upperBound))"],
                ["theme", l.theme.rawValue], ["title", l.title], ["title (en)", l.titleEn], ["minutes", String(l.minutes)],
                ["objectives", l.objectives.joined(separator: "；")], ["warm-up", l.warmUp],
                ["main (\(l.main.form.rawValue))", l.main.description], ["closing", l.closing],
                ["materials", l.materials.joined(separator: "、")],
                ["preferred months", l.preferredMonths.map(String.init).joined(separator: " ")],
            ]
            let t = TextTable(headers: ["field", "value"], rows: rows)
            print(output.format == .csv ? t.csv() : t.rendered(), terminator: "")
        }
    }
}
