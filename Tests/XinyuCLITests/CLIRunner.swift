import Foundation

/// Runs the `xinyu` binary that `swift test` built next to the test bundle.
struct CLIRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var binary: URL {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for dir in [here, here.deletingLastPathComponent()] {
            let candidate = dir.appendingPathComponent("xinyu")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        // Fallback: the package's default debug build folder.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/xinyu")
    }

    /// A fresh temporary directory for one test.
    static func tempDir() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("xinyu-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs `xinyu` (or `executable`) with `args` and returns its exit status and both outputs.
    @discardableResult
    static func run(_ args: [String], cwd: URL? = nil, env: [String: String] = [:], executable: URL? = nil) throws -> Result {
        let p = Process()
        p.executableURL = executable ?? binary
        p.arguments = args
        if let cwd { p.currentDirectoryURL = cwd }
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "XINYU_DB")
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        // Both pipes are read at once, stderr on a thread of its own, before waiting: a child that fills one
        // pipe's buffer while the other is being read to its end would otherwise block forever.
        let e = ReadToEnd(err.fileHandleForReading)
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let eData = e.wait()
        p.waitUntilExit()
        return Result(
            status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
            stderr: String(decoding: eData, as: UTF8.self))
    }
}

/// Reads a file handle to its end on a thread of its own.
private final class ReadToEnd: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()  // written before the signal, read after the wait
            done.signal()
        }
    }

    /// Everything read, once the handle reached its end.
    func wait() -> Data {
        done.wait()
        return data
    }
}
