import Foundation
import Testing

/// `xinyu serve` refuses bad settings in one line before it listens.
@Suite struct ServeCommandTests {
    @Test func aBodyLimitThatWouldOverflowIsAUsageError() throws {
        let dir = try CLIRunner.tempDir()
        let db = dir.appendingPathComponent("x.sqlite").path
        for value in ["99999999999999", "0", "-5"] {
            let r = try CLIRunner.run(["serve", "--db", db, "--port", "1", "--max-body-mb=\(value)"])
            #expect(r.status == 1, "--max-body-mb \(value): \(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1)
            #expect(r.stderr.contains("--max-body-mb"))
        }
    }
}
