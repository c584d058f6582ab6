import Crypto
import Foundation

/// Random secrets and their hashes: tokens and session ids are 32 random bytes from the system's generator,
/// written in base64url; the store keeps only their SHA-256.
public enum Secrets {
    /// A new secret: `prefix` followed by 32 random bytes in base64url (43 characters).
    public static func generate(prefix: String = "") -> String {
        prefix + base64url(randomBytes(32))
    }

    /// `count` random bytes from the system's cryptographically secure generator.
    public static func randomBytes(_ count: Int) -> [UInt8] {
        var g = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &g) }
    }

    /// A short random id: `prefix` and 10 hex digits (a token's public id).
    public static func shortId(prefix: String) -> String {
        prefix + randomBytes(5).map { String(format: "%02x", $0) }.joined()
    }

    /// SHA-256 of the text's UTF-8 bytes, lower-case hex.
    public static func sha256(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// The form token of a browser session: derived from the session id (which only the browser holds; the store
    /// keeps its hash), so a page from another site cannot know it.
    public static func formToken(session: String) -> String { sha256("xinyu-form:" + session) }

    /// Equal length and bytes, examining every byte whatever the first difference.
    public static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        var diff = UInt8(truncatingIfNeeded: x.count ^ y.count)
        if x.count != y.count { diff |= 1 }
        for i in 0..<x.count { diff |= x[i] ^ (y.isEmpty ? 0 : y[i % y.count]) }
        return diff == 0
    }

    static func base64url(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
