import Foundation

/// The bytes of one feed file, handed to libxml2 through its I/O callback and digested on the way.
///
/// Reading the file once gives libxml2 its input, the SHA-256 for the import log and the byte count the
/// progress bar shows.
final class FileSource {
    let path: String
    let size: Int64
    private let fd: Int32
    private(set) var bytesRead: Int64 = 0
    private var sha = SHA256()
    private var closed = false

    /// Opens `path` for reading; throws ``FileAccessError`` when it cannot.
    init(path: String) throws {
        self.path = path
        var st = stat()
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw FileAccessError(path: path, reason: String(cString: strerror(errno))) }
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw FileAccessError(path: path, reason: "not a regular file")
        }
        self.fd = fd
        self.size = Int64(st.st_size)
    }

    deinit { if !closed { close(fd) } }

    /// Reads up to `count` bytes into `buffer`; 0 at the end, -1 on an I/O error.
    func read(into buffer: UnsafeMutableRawPointer, count: Int) -> Int {
        var n: Int
        repeat { n = Glibc.read(fd, buffer, count) } while n < 0 && errno == EINTR
        if n > 0 {
            sha.update(UnsafeRawBufferPointer(start: buffer, count: n))
            bytesRead += Int64(n)
        }
        return n
    }

    /// Reads the rest of the file (when parsing stopped early) and returns the SHA-256 of all its bytes, hex.
    func finishDigest() -> String {
        let chunk = UnsafeMutableRawPointer.allocate(byteCount: 1 << 16, alignment: 8)
        defer { chunk.deallocate() }
        while read(into: chunk, count: 1 << 16) > 0 {}
        return sha.finalizeHex()
    }
}

/// A feed file that cannot be opened: exit status 1 (not an input rejection).
public struct FileAccessError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var reason: String
    public var description: String { "\(path): cannot read the file (\(reason)); check the path and its permissions" }
}
