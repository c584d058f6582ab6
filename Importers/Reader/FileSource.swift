import Foundation

/// The bytes of one feed file, handed to libxml2 through its I/O callback, with the byte count the progress bar
/// shows; its SHA-256 for the import log is computed meanwhile on another thread (``FileDigest``).
///
/// Each chunk is scanned against ``MarkupLimits`` before libxml2 gets any of it: once a limit is exceeded the
/// callback fails just before the offending tag (libxml2 never parses it) and ``violation`` says why and where,
/// for the importer to report in place of libxml2's I/O error.
final class FileSource {
    let path: String
    let size: Int64
    private let fd: Int32
    private(set) var bytesRead: Int64 = 0
    private let digest: FileDigest?
    /// libxml2 asks for about 4 KB at a time: the file is read 1 MiB at a time and handed out from here.
    private let chunk = UnsafeMutableRawPointer.allocate(byteCount: FileSource.chunkSize, alignment: 64)
    private var chunkStart = 0, chunkEnd = 0
    private static let chunkSize = 1 << 20
    private var limits = MarkupLimits()

    /// The markup limit the file exceeded, if it did (then libxml2 was stopped before reading that far).
    var violation: MarkupLimits.Violation? { limits.violation }

    /// Opens `path` for reading and, unless `digest` is false, starts its SHA-256; throws ``FileAccessError``
    /// when the file cannot be read.
    init(path: String, digest: Bool = true) throws {
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
        self.digest = digest ? FileDigest(path: path) : nil
    }

    deinit {
        close(fd)
        chunk.deallocate()
    }

    /// Reads up to `count` bytes into `buffer`; 0 at the end, -1 on an I/O error or once a markup limit is
    /// exceeded (``violation``).
    func read(into buffer: UnsafeMutableRawPointer, count: Int) -> Int {
        if chunkStart == chunkEnd {
            guard limits.violation == nil else { return -1 }
            var n: Int
            repeat { n = Glibc.read(fd, chunk, FileSource.chunkSize) } while n < 0 && errno == EINTR
            guard n > 0 else { return n }
            chunkStart = 0
            // Past a limit, libxml2 still gets the bytes before the offending tag (the root and the feed's id
            // are then known), never the tag itself.
            chunkEnd = limits.scan(chunk, count: n) ? n : limits.bytesBeforeViolation
            guard chunkEnd > 0 else { return -1 }
        }
        let n = min(count, chunkEnd - chunkStart)
        buffer.copyMemory(from: chunk + chunkStart, byteCount: n)
        chunkStart += n
        bytesRead += Int64(n)
        return n
    }

    /// The SHA-256 of all the file's bytes, hex (waits for the background digest).
    func finishDigest() -> String { digest?.value() ?? "" }
}

/// A feed file that cannot be opened: exit status 1 (not an input rejection).
public struct FileAccessError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var reason: String
    public var description: String { "\(path): cannot read the file (\(reason)); check the path and its permissions" }
}
