import Foundation

/// Lets one process at a time create or migrate a database file: an exclusive `flock(2)` on the file's directory,
/// held while the file is opened, switched to WAL and migrated.
///
/// Two commands started together on a new file (two imports, a server and an import) would otherwise both switch
/// it to WAL and run the migrations at once; SQLite can then leave one of them waiting on the other's lock for
/// the whole busy timeout. The lock is taken on the directory, not on the database file, so it never touches the
/// `fcntl` locks SQLite holds on the file, and it leaves no file behind. It is advisory and local to this
/// machine; a directory that cannot be opened is used unlocked (the migration's own retry still applies).
enum SetupLock {
    /// Runs `body` holding the lock of `path`'s directory, waiting at most `timeout` seconds for another process.
    static func holding<T>(directoryOf path: String, timeout: TimeInterval, _ body: () throws -> T) throws -> T {
        var directory = (path as NSString).deletingLastPathComponent
        if directory.isEmpty { directory = "." }
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return try body() }
        defer { close(fd) }
        let deadline = Date().addingTimeInterval(timeout)
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else { return try body() }
            guard Date() < deadline else { throw StoreError.busy(path: path, holder: nil, waited: timeout) }
            usleep(10_000)
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}
