import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Hands an e-mail to the system's sendmail (`sendmail -t -i`: recipients from the headers, a lone `.` is not
/// the end): postfix, msmtp (msmtp-mta) or nullmailer deliver it. The program must exit 0 within the timeout.
struct SendmailTransport: Sendable {
    var path: String
    var timeout: TimeInterval

    /// Runs sendmail with `message` on its standard input; throws ``DeliveryError`` with its words on failure.
    func send(_ message: Data) throws {
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw DeliveryError("sendmail \(path) is missing or not executable (install postfix, msmtp-mta or nullmailer)")
        }
        signal(SIGPIPE, SIG_IGN)  // a sendmail that exits early must fail this delivery, not end the process
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = ["-t", "-i"]
        let input = Pipe()
        let errors = Pipe()
        p.standardInput = input
        p.standardOutput = FileHandle.nullDevice
        p.standardError = errors
        let done = DispatchSemaphore(value: 0)
        p.terminationHandler = { _ in done.signal() }
        do { try p.run() } catch { throw DeliveryError("cannot run \(path): \(error.localizedDescription)") }
        let stderr = ReadAll(errors.fileHandleForReading)
        var writeProblem: String?
        do {
            try input.fileHandleForWriting.write(contentsOf: message)
        } catch {
            writeProblem = "sendmail stopped reading the message"
        }
        try? input.fileHandleForWriting.close()
        if done.wait(timeout: .now() + timeout) == .timedOut {
            p.terminate()
            throw DeliveryError("sendmail did not finish within \(Int(timeout)) s")
        }
        let said = String(decoding: stderr.wait(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard p.terminationStatus == 0 else {
            throw DeliveryError("sendmail exited with status \(p.terminationStatus)" + (said.isEmpty ? "" : ": \(said)"))
        }
        if let writeProblem { throw DeliveryError(writeProblem) }
    }
}

/// Reads a file handle to its end on a thread of its own.
private final class ReadAll: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()  // written before the signal, read after the wait
            done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
