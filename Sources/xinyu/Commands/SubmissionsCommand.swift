import ArgumentParser
import Foundation
import Importers
import XinyuAccounts
import XinyuCore

extension CourseResult: ExpressibleByArgument {}

struct SubmissionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submissions", abstract: "Teachers' outside trainings with evidence (a certificate).",
        subcommands: [Add.self, Resubmit.self, Evidence.self])

    /// The training's fields, as `add` and `resubmit` take them.
    struct Fields: ParsableArguments {
        @Option(help: "Title (1–1000 characters).") var title: String
        @Option(help: "Who provided it (e.g. 省教师继续教育网).") var provider: String?
        @Option(help: "public, professional (default) or elective.") var category: String?
        @Option(help: "Hours, 0 < h ≤ 500, at most one decimal.") var hours: String
        @Option(help: "First day (YYYY-MM-DD).") var date: String
        @Option(help: "Last day (default: the first).") var end: String?
        @Option(help: "A, B, C, cpd or none (default).") var track: String?
        @Option(help: "Tier code (default 99 other).") var tier: Int?
        @Option(help: "Mode code (default 9 other; 3 is online).") var mode: Int?
        @Option(help: "pass, fail or none (default).") var result: CourseResult = .none
        @Option(help: "A note for the reviewer.") var note: String?
        @Option(help: "The evidence: a PDF, JPEG or PNG of at most 10 MB.") var evidence: String?

        func course() throws -> Course {
            try TrainingInput(
                title: title, provider: provider, category: category, tier: tier, mode: mode, hours: hours,
                date: date, end: end, track: track
            ).course(name: { "--" + $0 }, defaultTier: 99, defaultMode: 9)
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Submit a teacher's outside training with its evidence; prints the record's id.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The teacher.") var teacher: String
        @OptionGroup var fields: Fields

        func run() async throws {
            guard let path = fields.evidence else { throw UsageError("--evidence FILE is required (a PDF, JPEG or PNG)") }
            let evidence = try EvidenceFile.load(path: path)
            let submission = TrainingSubmission(
                teacherId: teacher, course: try fields.course(), result: fields.result,
                note: fields.note)
            let db = try global.open()
            let who = Principal.commandLine()
            let entry = try db.submitTraining(submission, evidence: evidence, by: who.name, at: Date())
            try Accounts(store: db).record(
                "record.submit", target: "record \(entry.id)", by: who,
                after: ["teacher": teacher, "state": entry.state.rawValue])
            print(entry.id)
        }
    }

    struct Resubmit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "resubmit", abstract: "Correct a submitted or returned submission and send it again.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The record's id.") var id: Int64
        @OptionGroup var fields: Fields

        func run() async throws {
            let evidence = try fields.evidence.map { try EvidenceFile.load(path: $0) }
            let db = try global.open()
            guard let stored = try db.recordEntries(RecordFilter(ids: [id])).first else {
                throw TrainingStoreError.unknownRecord(id: id)
            }
            let submission = TrainingSubmission(
                teacherId: stored.teacherId, course: try fields.course(), result: fields.result,
                note: fields.note)
            let who = Principal.commandLine()
            let entry = try db.resubmitTraining(entry: id, submission, evidence: evidence, by: who.name, at: Date())
            try Accounts(store: db).record(
                "record.resubmit", target: "record \(entry.id)", by: who,
                before: ["state": stored.state.rawValue], after: ["state": entry.state.rawValue])
            print("record \(entry.id): \(entry.state.rawValue)")
        }
    }

    struct Evidence: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "evidence", abstract: "Write a record's evidence file out.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The record's id.") var id: Int64
        @Option(help: "The file to write.") var out: String

        func run() async throws {
            guard let e = try global.openForReading().evidence(entry: id) else {
                throw UsageError("record \(id) has no evidence file")
            }
            guard FileManager.default.createFile(atPath: out, contents: Data(e.bytes)) else {
                throw UsageError("\(out): cannot write the file")
            }
            print("\(out): \(e.mediaType), \(e.bytes.count) bytes, sha256 \(e.sha256)")
        }
    }
}
