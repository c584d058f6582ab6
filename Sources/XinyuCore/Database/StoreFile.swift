import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What is at a database path, found with lstat(2)/stat(2) before anything opens it, so that a directory, a FIFO
/// or an empty path gets one clear line instead of a hang or SQLite's words. Permission bits are checked
/// explicitly: a file with no write (or read) bits is treated as read-only (unreadable) even for root.
struct StoreFile {
    let path: String
    let directory: String
    /// Whether a regular file is there (after following symbolic links).
    let exists: Bool
    let size: Int
    let readable: Bool
    let writable: Bool
    let directoryWritable: Bool

    static func inspect(_ path: String) throws -> StoreFile {
        guard !path.isEmpty else { throw StoreError.notAFile(path: path, problem: "the path is empty") }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var dst = stat()
        guard stat(directory, &dst) == 0, dst.st_mode & S_IFMT == S_IFDIR else {
            throw StoreError.missingDirectory(path: path, directory: directory)
        }
        let directoryWritable = dst.st_mode & 0o222 != 0 && access(directory, W_OK) == 0
        var st = stat()
        guard lstat(path, &st) == 0 else {
            return StoreFile(
                path: path, directory: directory, exists: false, size: 0, readable: false, writable: false,
                directoryWritable: directoryWritable)
        }
        if st.st_mode & S_IFMT == S_IFLNK, stat(path, &st) != 0 {
            throw StoreError.notAFile(path: path, problem: "it is a symbolic link to nothing")
        }
        switch st.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw StoreError.notAFile(path: path, problem: "it is a directory")
        case S_IFIFO: throw StoreError.notAFile(path: path, problem: "it is a FIFO (named pipe), not a file")
        default: throw StoreError.notAFile(path: path, problem: "it is not a regular file (a device or a socket)")
        }
        return StoreFile(
            path: path, directory: directory, exists: true, size: Int(st.st_size),
            readable: st.st_mode & 0o444 != 0 && access(path, R_OK) == 0,
            writable: st.st_mode & 0o222 != 0 && access(path, W_OK) == 0,
            directoryWritable: directoryWritable)
    }
}
