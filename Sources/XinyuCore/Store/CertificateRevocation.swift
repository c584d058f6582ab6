import Foundation

/// Why and when a certificate was revoked, and by whom (table `certificateRevocation`).
public struct CertificateRevocation: Sendable, Hashable, Codable {
    public var at: Date
    /// Who revoked it (`cli:USER`, an account name).
    public var actor: String
    public var reason: String

    /// A revocation.
    public init(at: Date, actor: String, reason: String) {
        self.at = at
        self.actor = actor
        self.reason = reason
    }
}
