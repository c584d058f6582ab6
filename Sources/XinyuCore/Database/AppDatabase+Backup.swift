import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#endif

extension AppDatabase {
    /// Copies the store's committed state into a new SQLite file at `out` with SQLite's online backup, which is
    /// safe while other connections (`xinyu serve`, an import) read and write: it copies one read snapshot, so a
    /// write transaction still open elsewhere is not in the copy.
    ///
    /// Refuses an `out` that exists (``StoreError/backupExists(path:)``). The copy is written to a temporary file
    /// beside `out` and renamed into place only when complete, so a failed backup leaves nothing half-written.
    public func backup(to out: String) throws {
        let target = try StoreFile.inspect(out)
        var st = stat()
        if target.exists || lstat(out, &st) == 0 { throw StoreError.backupExists(path: out) }
        let name = URL(fileURLWithPath: out).lastPathComponent
        let temp = URL(fileURLWithPath: target.directory).appendingPathComponent(".\(name).partial-\(getpid())").path
        func removeTemp() { for suffix in ["", "-journal", "-wal", "-shm"] { unlink(temp + suffix) } }
        removeTemp()
        do {
            let copy = try DatabaseQueue(path: temp)
            try writer.backup(to: copy)
            try copy.close()
        } catch {
            removeTemp()
            let typed = StoreError.wrapping(error, path: path, waited: busyTimeout)
            if typed is StoreError { throw typed }
            throw StoreError.sqlite(path: out, message: "backup failed: \((error as? DatabaseError)?.message ?? "\(error)")")
        }
        // link(2) never replaces an existing file, unlike rename(2): a file created at `out` meanwhile stays.
        if link(temp, out) != 0 {
            let failure = errno
            removeTemp()
            if failure == EEXIST { throw StoreError.backupExists(path: out) }
            throw StoreError.sqlite(path: out, message: "cannot create the backup file: \(String(cString: strerror(failure)))")
        }
        removeTemp()
    }
}
