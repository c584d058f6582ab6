/// An evidence file as the store keeps it: its SHA-256 (hex, the key), its media type (checked from its content:
/// `application/pdf`, `image/jpeg`, `image/png`) and its bytes.
public struct StoredEvidence: Sendable, Hashable {
    public var sha256: String
    public var mediaType: String
    public var bytes: [UInt8]

    public init(sha256: String, mediaType: String, bytes: [UInt8]) {
        self.sha256 = sha256
        self.mediaType = mediaType
        self.bytes = bytes
    }
}
