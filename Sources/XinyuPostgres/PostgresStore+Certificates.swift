import Foundation
import XinyuCore

/// ``CertificateStore`` on PostgreSQL: not yet available. Every requirement throws
/// ``PostgresStoreError/unsupported(feature:)`` before touching the database, so a PostgreSQL store issues no
/// verification codes and revokes no award (`xinyu certs`, the certificate page and `/verify`). With no
/// revocation possible, every award a PostgreSQL store holds counts in its ``ReportStore`` readings, as
/// ``CertificateStore`` asks of unrevoked awards. README "PostgreSQL" lists what is missing; a SQLite store has
/// all of it.
extension PostgresStore {
    /// The feature named in the error of every ``CertificateStore`` requirement.
    public static let certificatesFeature =
        "printable and verifiable certificates (issue #16: xinyu certs, the certificate page, /verify, revocation)"

    private static var noCertificates: PostgresStoreError { .unsupported(feature: certificatesFeature) }

    public func certificate(number: String) throws -> StoredCertificate? {
        throw Self.noCertificates
    }

    public func certificate(code: String) throws -> StoredCertificate? {
        throw Self.noCertificates
    }

    public func issueVerificationCode(number: String, code: String, audit: AuditEntry) throws -> String {
        throw Self.noCertificates
    }

    public func revokeCertificate(number: String, _ revocation: CertificateRevocation, audit: AuditEntry) throws {
        throw Self.noCertificates
    }

    public func revokedCertificates() throws -> [StoredCertificate] {
        throw Self.noCertificates
    }

    public func courses(ids: [String]) throws -> [Course] {
        throw Self.noCertificates
    }
}
