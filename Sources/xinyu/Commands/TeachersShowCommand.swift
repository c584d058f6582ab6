import ArgumentParser
import XinyuCore

extension TeachersCommand {
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one teacher.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The teacher's id.") var id: String

        func run() async throws {
            let t = try global.open().teacher(id: id)
            print("\(t.id)  \(t.name)  school \(t.schoolId)  \(t.role.rawValue)  \(t.status.rawValue)")
        }
    }
}
