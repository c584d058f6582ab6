import Foundation

/// Printable and verifiable certificates (issue #16): awards looked up by number or verification code,
/// verification codes, and revocation.
///
/// An engine must guarantee:
/// - A revoked award counts for nothing in every ``ReportStore`` reading (statuses, coverage, ledgers, the
///   scheduler's levels): those readings leave it out. It stays stored, and this protocol still finds it.
/// - An award has at most one verification code, and a code names one award; codes are never reused.
/// - Each write that takes an ``AuditEntry`` appends it in the same transaction, and raises the data version.
/// - Busy and full stores throw as ``ReportStore`` says.
public protocol CertificateStore: Sendable {
    /// The award with this number, with its teacher, school name, code and revocation; nil when none has it.
    func certificate(number: String) throws -> StoredCertificate?

    /// The award whose verification code is `code` (exactly as stored), or nil.
    func certificate(code: String) throws -> StoredCertificate?

    /// Gives the award with this number the verification code `code` unless it has one already, appending
    /// `audit` when it did; returns the code in effect. ``CertificateStoreError/unknownCertificate(number:)``
    /// when no award has the number.
    func issueVerificationCode(number: String, code: String, audit: AuditEntry) throws -> String

    /// Revokes the award with this number, with `audit` in the same transaction.
    /// ``CertificateStoreError/unknownCertificate(number:)`` or ``CertificateStoreError/alreadyRevoked(number:)``.
    func revokeCertificate(number: String, _ revocation: CertificateRevocation, audit: AuditEntry) throws

    /// Every revoked certificate, latest revocation first.
    func revokedCertificates() throws -> [StoredCertificate]

    /// The courses with these ids, sorted by id (unknown ids are left out).
    func courses(ids: [String]) throws -> [Course]
}
