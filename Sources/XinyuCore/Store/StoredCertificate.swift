/// An award as a printable, verifiable certificate: the award, its teacher and school, its verification code
/// once issued, and its revocation if any (``CertificateStore``).
public struct StoredCertificate: Sendable, Hashable {
    public var award: Award
    public var teacher: Teacher
    public var schoolName: String
    /// The verification code (26 characters of Crockford base32), nil until one is issued.
    public var code: String?
    /// Set when the certificate was revoked: it then counts for nothing, but stays on record.
    public var revocation: CertificateRevocation?

    /// A certificate.
    public init(award: Award, teacher: Teacher, schoolName: String, code: String?, revocation: CertificateRevocation?) {
        self.award = award
        self.teacher = teacher
        self.schoolName = schoolName
        self.code = code
        self.revocation = revocation
    }
}
