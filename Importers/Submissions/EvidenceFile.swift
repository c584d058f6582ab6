import Crypto
import Foundation
import XinyuCore

/// A teacher's evidence file (a certificate), checked by its content, never its name: a PDF (`%PDF-`), a JPEG
/// (`FF D8 FF`) or a PNG (its 8-byte signature), of at most 10 MB, kept with its SHA-256.
public enum EvidenceFile {
    /// The largest evidence file: 10 MB.
    public static let maxBytes = 10 * 1024 * 1024

    /// The file's media type from its first bytes, or nil when it is none of PDF, JPEG, PNG.
    public static func mediaType(of bytes: [UInt8]) -> String? {
        if bytes.starts(with: Array("%PDF-".utf8)) { return "application/pdf" }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        return nil
    }

    /// Checks `bytes` (named `name` in messages) and returns them as the store keeps them; a ``RejectedValue``
    /// (exit 2, HTTP 400) when empty, too large or not a PDF, JPEG or PNG.
    public static func check(_ bytes: [UInt8], name: String) throws -> StoredEvidence {
        guard !bytes.isEmpty else { throw RejectedValue(name: "evidence", value: name, problem: "the file is empty") }
        guard bytes.count <= maxBytes else {
            throw RejectedValue(
                name: "evidence", value: name,
                problem: "larger than 10 MB (\(bytes.count) bytes); scan it smaller")
        }
        guard let type = mediaType(of: bytes) else {
            throw RejectedValue(
                name: "evidence", value: name,
                problem: "not a PDF, JPEG or PNG file by its content (whatever its name says)")
        }
        let sha = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        return StoredEvidence(sha256: sha, mediaType: type, bytes: bytes)
    }

    /// Reads and checks the file at `path` (never more than 10 MB and a byte are read).
    public static func load(path: String) throws -> StoredEvidence {
        guard let h = FileHandle(forReadingAtPath: path) else { throw FileAccessError(path: path, reason: "cannot open it") }
        defer { try? h.close() }
        let data = try h.read(upToCount: maxBytes + 1) ?? Data()
        return try check([UInt8](data), name: (path as NSString).lastPathComponent)
    }
}
