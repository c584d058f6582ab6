import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Who holds a store's write lock: the small `<db>-writer` file a xinyu process writes while it runs a long write,
/// and removes afterwards. SQLite cannot say who holds a lock; this note lets a busy error name the holder.
public struct WriteLockNote: Sendable, Hashable, CustomStringConvertible {
    public var pid: Int32
    /// What it is doing, e.g. `import feed.xml`.
    public var what: String
    public var since: Date

    public init(pid: Int32, what: String, since: Date) {
        self.pid = pid
        self.what = what
        self.since = since
    }

    /// "pid 4242, import feed.xml, since 14:03:22"
    public var description: String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "HH:mm:ss"
        return "pid \(pid), \(what), since \(f.string(from: since))"
    }

    /// The note's path beside the database.
    public static func path(forDatabase db: String) -> String { db + "-writer" }

    /// The note beside `db` when there is one and its process is still alive.
    public static func current(forDatabase db: String) -> WriteLockNote? {
        guard let data = FileManager.default.contents(atPath: path(forDatabase: db)),
            let note = WriteLockNote(text: String(decoding: data, as: UTF8.self)), note.isAlive
        else { return nil }
        return note
    }

    /// Writes this process's note beside `db` unless a live process already has one. Returns whether it wrote it
    /// (and so must ``release(forDatabase:)`` it). Failing to write is not an error: the note only helps messages.
    static func claim(forDatabase db: String, what: String) -> Bool {
        if current(forDatabase: db) != nil { return false }
        let note = WriteLockNote(pid: getpid(), what: what, since: Date())
        do {
            try Data(note.text.utf8).write(to: URL(fileURLWithPath: path(forDatabase: db)), options: .atomic)
            return true
        } catch {
            return false
        }
    }

    /// Removes the note beside `db` if it is still this process's.
    static func release(forDatabase db: String) {
        let p = path(forDatabase: db)
        guard let data = FileManager.default.contents(atPath: p),
            let note = WriteLockNote(text: String(decoding: data, as: UTF8.self)), note.pid == getpid()
        else { return }
        unlink(p)
    }

    /// Whether the process still runs (a pid we may not signal is alive too).
    var isAlive: Bool { pid > 0 && (kill(pid, 0) == 0 || errno == EPERM) }

    /// `pid=…`, `what=…`, `since=…` (seconds since 1970), one a line.
    var text: String {
        "pid=\(pid)\nwhat=\(what.replacingOccurrences(of: "\n", with: " "))\nsince=\(Int(since.timeIntervalSince1970))\n"
    }

    init?(text: String) {
        var fields: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let eq = line.firstIndex(of: "=") else { continue }
            fields[String(line[..<eq])] = String(line[line.index(after: eq)...])
        }
        guard let pid = fields["pid"].flatMap({ Int32($0) }), let since = fields["since"].flatMap({ Int($0) }) else { return nil }
        self.init(pid: pid, what: fields["what"] ?? "a write", since: Date(timeIntervalSince1970: TimeInterval(since)))
    }
}
