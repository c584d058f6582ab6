import ArgumentParser
import Foundation
import Importers
import XinyuCore

struct ImportsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "imports", abstract: "The import log.", subcommands: [List.self], defaultSubcommand: List.self)

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "Every import attempt: feed id, format, digest, time, counts, status.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only the attempts of this district's feeds (what an account scoped to it reads).")
        var district: String?
        @OptionGroup var output: FormatOption

        func validate() throws { try DistrictFilter.check(district) }

        func run() async throws {
            let rows = try FeedImporter.importLog(in: global.openForReading(), district: district)
            let time = ISO8601DateFormatter()
            try emit(output.format, json: rows) {
                TextTable(
                    headers: [
                        "id", "time", "feed", "format", "status", "schools", "teachers", "courses",
                        "attendance", "awards", "practice", "rejected", "digest", "file",
                    ],
                    rows: rows.map { r in
                        [
                            String(r.id), time.string(from: r.importedAt), r.feed ?? "", r.format, r.status.rawValue,
                            String(r.accepted.schools), String(r.accepted.teachers), String(r.accepted.courses),
                            String(r.accepted.attendance), String(r.accepted.awards), String(r.accepted.practice),
                            String(r.rejected), String(r.digest.prefix(16)), r.file,
                        ]
                    }, numeric: Set(5...11))
            }
        }
    }
}
