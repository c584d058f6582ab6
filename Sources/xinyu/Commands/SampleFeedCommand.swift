import ArgumentParser
import Foundation
import Importers
import XinyuCore

struct SampleFeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample-feed",
        abstract: "Write a deterministic synthetic district feed (district feed v1).",
        discussion:
            """
            The default district has 39 schools (about 4,000 teachers, 200k attendance records since 2017); \
            it scales to 400+ schools.
            """
    )

    @OptionGroup var global: LibraryOnlyOptions
    @Argument(help: "The XML file to write.") var out: String
    @Option(help: "Number of schools (1–100000).") var schools: Int = 39
    @Option(help: "Random seed: the same seed gives the same file.") var seed: UInt64 = 1
    @Option(
        help: """
            A 6-digit district code: every school, teacher and course id then starts with it and a dash, so that \
            several districts can be imported into one database (default: district 440608, ids without a prefix).
            """)
    var district: String?

    func run() async throws {
        let generator =
            try district.map { try SampleFeedGenerator(schools: schools, seed: seed, district: $0) }
            ?? SampleFeedGenerator(schools: schools, seed: seed)
        let stats = try generator.write(to: out)
        let mb = String(format: "%.1f", Double(stats.bytes) / 1_048_576)
        print(
            "wrote \(out): \(stats.schools) schools, \(stats.teachers) teachers, \(stats.courses) courses,"
                + " \(stats.attendance) attendance records, \(stats.awards) awards,"
                + " \(stats.counseling + stats.lessons) practice records, \(mb) MB"
        )
    }
}

extension SampleFeedError: XinyuError {}
