import Foundation
import XinyuCore

#if canImport(Glibc)
    import Glibc
#endif

/// Reads a password for `xinyu users passwd`: from the terminal without echo (asked twice), or else the first
/// line of standard input (for scripts). Never from an argument, where other users could see it in `ps`.
enum PasswordPrompt {
    static func read(for name: String) throws -> String {
        if isatty(STDIN_FILENO) == 1 {
            let first = try readHidden(prompt: "New password for \(name): ")
            let second = try readHidden(prompt: "Again: ")
            guard first == second else { throw UsageError("users passwd: the two passwords differ; nothing changed") }
            return first
        }
        guard let line = Swift.readLine(strippingNewline: true) else {
            throw UsageError("users passwd: no password on standard input")
        }
        return line
    }

    private static func readHidden(prompt: String) throws -> String {
        FileHandle.standardError.write(Data(prompt.utf8))
        var saved = termios()
        tcgetattr(STDIN_FILENO, &saved)
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        guard let line = Swift.readLine(strippingNewline: true) else {
            throw UsageError("users passwd: no password given")
        }
        return line
    }
}
