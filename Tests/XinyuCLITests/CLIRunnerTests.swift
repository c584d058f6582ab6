import Foundation
import Testing

/// The runner itself: no `xinyu` command writes much to stderr, so a shell stands in for a child that does.
@Suite struct CLIRunnerTests {
    /// 1 MiB to stderr before anything to stdout: far more than a pipe holds (64 KiB on Linux), so a runner that
    /// read stdout to its end before stderr would wait for ever.
    @Test func readsALargeStderrWrittenBeforeStdout() throws {
        let script = "head -c 1048576 /dev/zero | tr '\\0' e >&2; echo out; echo err >&2; exit 3"
        let r = try CLIRunner.run(["-c", script], executable: URL(fileURLWithPath: "/bin/sh"))
        #expect(r.status == 3)
        #expect(r.stdout == "out\n")
        #expect(r.stderr == String(repeating: "e", count: 1_048_576) + "err\n")
    }
}
