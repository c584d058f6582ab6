import Foundation

/// Where uploaded feeds are spooled: `xinyu-upload-<pid>-<uuid>.xml` files in one directory.
///
/// A server killed with SIGKILL cannot remove its spooled file; the next server sweeps such leftovers at start:
/// every upload file whose process is no longer running. Files of a live process (another server sharing the
/// directory) are left alone.
struct UploadDirectory: Sendable {
    static let prefix = "xinyu-upload-"
    let path: String

    /// Creates an empty upload file for this process and opens it for writing.
    func create() throws -> (path: String, handle: FileHandle) {
        let file = (path as NSString).appendingPathComponent("\(Self.prefix)\(getpid())-\(UUID().uuidString).xml")
        guard FileManager.default.createFile(atPath: file, contents: nil, attributes: [.posixPermissions: 0o600]),
            let handle = FileHandle(forWritingAtPath: file)
        else {
            throw APIError(.internalServerError, code: "internal", message: "cannot create a temporary file for the upload")
        }
        return (file, handle)
    }

    /// Removes the upload files left by processes that no longer run; returns how many were removed.
    @discardableResult
    func sweep() -> Int {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return 0 }
        var removed = 0
        for name in names where name.hasPrefix(Self.prefix) {
            let rest = name.dropFirst(Self.prefix.count)
            let pid = rest.split(separator: "-").first.flatMap { pid_t($0) }
            if let pid, pid > 0, kill(pid, 0) == 0 || errno == EPERM { continue }  // its process still runs
            if (try? FileManager.default.removeItem(atPath: (path as NSString).appendingPathComponent(name))) != nil {
                removed += 1
            }
        }
        return removed
    }
}
