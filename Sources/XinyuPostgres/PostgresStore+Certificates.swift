import Foundation
import PostgresNIO
import XinyuCore

/// ``CertificateStore`` on PostgreSQL (tables `certificateCode`, `certificateRevocation`): the SQLite store's
/// lookups and orders; a revoked award is left out of every ``ReportStore`` reading (``notRevoked(_:)``).
extension PostgresStore {
    static let certificateColumns = """
        a.teacherId, a.level, a.issued, a.number, a.expires, t.schoolId, t.name, t.role, t.hired, t.status,
        s.name, c.code, r.revoked, r.actor, r.reason
        """
    static let certificateJoin = """
        award a JOIN teacher t ON t.id = a.teacherId JOIN school s ON s.id = t.schoolId
        LEFT JOIN certificateCode c ON c.teacherId = a.teacherId AND c.level = a.level AND c.issued = a.issued
        LEFT JOIN certificateRevocation r ON r.teacherId = a.teacherId AND r.level = a.level AND r.issued = a.issued
        """

    /// The condition that leaves revoked awards out of a reading of `award` under `alias`.
    static func notRevoked(_ alias: String) -> String {
        """
        NOT EXISTS (SELECT 1 FROM certificateRevocation rv WHERE rv.teacherId = \(alias).teacherId \
        AND rv.level = \(alias).level AND rv.issued = \(alias).issued)
        """
    }

    public func certificate(number: String) throws -> StoredCertificate? {
        try reading { s in try certificate(s, where: "a.number = ?", number) }
    }

    public func certificate(code: String) throws -> StoredCertificate? {
        try reading { s in try certificate(s, where: "c.code = ?", code) }
    }

    public func issueVerificationCode(number: String, code: String, audit: AuditEntry) throws -> String {
        try write { s in
            guard let cert = try certificate(s, where: "a.number = ?", number) else {
                throw CertificateStoreError.unknownCertificate(number: number)
            }
            if let existing = cert.code { return existing }
            try s.execute(
                "INSERT INTO certificateCode (code, teacherId, level, issued, created) VALUES (?, ?, ?, ?, ?)",
                [
                    .text(code), .text(cert.award.teacherId), .text(cert.award.level.rawValue),
                    .text(cert.award.issued.description), .date(audit.at),
                ])
            try Self.append(audit, s)
            try Self.recordChange(s)
            return code
        }
    }

    public func revokeCertificate(number: String, _ revocation: CertificateRevocation, audit: AuditEntry) throws {
        try write { s in
            guard let cert = try certificate(s, where: "a.number = ?", number) else {
                throw CertificateStoreError.unknownCertificate(number: number)
            }
            guard cert.revocation == nil else { throw CertificateStoreError.alreadyRevoked(number: number) }
            try s.execute(
                """
                INSERT INTO certificateRevocation (teacherId, level, issued, revoked, actor, reason) VALUES (?, ?, ?, ?, ?, ?)
                """,
                [
                    .text(cert.award.teacherId), .text(cert.award.level.rawValue), .text(cert.award.issued.description),
                    .date(revocation.at), .text(revocation.actor), .text(revocation.reason),
                ])
            try Self.append(audit, s)
            try Self.recordChange(s)
        }
    }

    public func revokedCertificates() throws -> [StoredCertificate] {
        try reading { s in
            try s.rows(
                """
                SELECT \(Self.certificateColumns) FROM \(Self.certificateJoin)
                WHERE r.revoked IS NOT NULL ORDER BY r.revoked DESC, a.teacherId, a.level, a.issued
                """
            ).map { try self.certificate($0) }
        }
    }

    public func courses(ids: [String]) throws -> [Course] {
        guard !ids.isEmpty else { return [] }
        let unique = Array(Set(ids)).sorted()
        return try reading { s in
            var out: [Course] = []
            for start in stride(from: 0, to: unique.count, by: 500) {
                let slice = unique[start..<min(start + 500, unique.count)]
                out += try s.rows(
                    """
                    SELECT id, title, provider, tier, mode, hoursTenths, start, "end", track, category, capacity
                    FROM course c WHERE id IN (\(slice.map { _ in "?" }.joined(separator: ", "))) ORDER BY id
                    """, slice.map { .text($0) }
                ).map(course)
            }
            return out
        }
    }

    private func certificate(_ s: PostgresSession, where condition: String, _ value: String) throws -> StoredCertificate? {
        try s.rows("SELECT \(Self.certificateColumns) FROM \(Self.certificateJoin) WHERE \(condition)", [.text(value)])
            .first.map { try self.certificate($0) }
    }

    /// A row of ``certificateColumns``.
    private func certificate(_ r: PostgresRandomAccessRow) throws -> StoredCertificate {
        let award = try self.award(r)
        let teacher = Teacher(
            id: award.teacherId, schoolId: try r.string(5), name: try r.string(6),
            role: try word(r, 7, "teacher", award.teacherId), hired: try day(r, 8, "teacher", award.teacherId),
            status: try word(r, 9, "teacher", award.teacherId))
        let revocation = try r.date(12).map { CertificateRevocation(at: $0, actor: try r.string(13), reason: try r.string(14)) }
        return StoredCertificate(
            award: award, teacher: teacher, schoolName: try r.string(10), code: try r.text(11), revocation: revocation)
    }
}
