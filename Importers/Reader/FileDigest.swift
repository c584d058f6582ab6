import Crypto
import Dispatch
import Foundation

/// The SHA-256 of a file, computed on a background thread while the importer parses it.
///
/// The digest reads the file through its own descriptor (the page cache makes the second read cheap), so hashing
/// runs on the second core instead of in libxml2's read callback. ``value()`` waits for it.
final class FileDigest: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: String?

    /// Starts hashing the file at `path`; an unreadable file gives an empty digest (opening the feed reports it).
    init(path: String) {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            result = FileDigest.hash(path: path)
            done.signal()
        }
    }

    /// The lowercase hex SHA-256 of the whole file (empty when it could not be read).
    func value() -> String {
        done.wait()
        done.signal()  // later callers do not block
        return result ?? ""
    }

    private static func hash(path: String) -> String? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        let size = 1 << 20
        let chunk = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 64)
        defer { chunk.deallocate() }
        var sha = SHA256()
        while true {
            let n = read(fd, chunk, size)
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { return nil }
            if n == 0 { break }
            sha.update(bufferPointer: UnsafeRawBufferPointer(start: chunk, count: n))
        }
        return sha.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
