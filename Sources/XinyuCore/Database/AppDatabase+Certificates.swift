import Foundation
import GRDB

/// The SQLite store's certificates (``CertificateStore``): awards by number or verification code, codes and
/// revocations (tables `certificateCode`, `certificateRevocation`).
extension AppDatabase: CertificateStore {
    static let certificateColumns = """
        a.teacherId, a.level, a.issued, a.number, a.expires, t.schoolId, t.name AS teacherName, t.role, t.hired, t.status,
        s.name AS schoolName, c.code, r.revoked, r.actor, r.reason
        """
    static let certificateJoin = """
        award a JOIN teacher t ON t.id = a.teacherId JOIN school s ON s.id = t.schoolId
        LEFT JOIN certificateCode c ON c.teacherId = a.teacherId AND c.level = a.level AND c.issued = a.issued
        LEFT JOIN certificateRevocation r ON r.teacherId = a.teacherId AND r.level = a.level AND r.issued = a.issued
        """

    /// The condition that leaves revoked awards out of a reading of `award` under `alias` (``CertificateStore``:
    /// a revoked award counts for nothing).
    static func notRevoked(_ alias: String) -> String {
        """
        NOT EXISTS (SELECT 1 FROM certificateRevocation rv WHERE rv.teacherId = \(alias).teacherId \
        AND rv.level = \(alias).level AND rv.issued = \(alias).issued)
        """
    }

    public func certificate(number: String) throws -> StoredCertificate? {
        try reading { db in try Self.certificate(db, where: "a.number = ?", number) }
    }

    public func certificate(code: String) throws -> StoredCertificate? {
        try reading { db in try Self.certificate(db, where: "c.code = ?", code) }
    }

    public func issueVerificationCode(number: String, code: String, audit: AuditEntry) throws -> String {
        try write("issue a verification code for \(number)") { db in
            guard let cert = try Self.certificate(db, where: "a.number = ?", number) else {
                throw CertificateStoreError.unknownCertificate(number: number)
            }
            if let existing = cert.code { return existing }
            try db.execute(
                sql: "INSERT INTO certificateCode (code, teacherId, level, issued, created) VALUES (?, ?, ?, ?, ?)",
                arguments: [
                    code, cert.award.teacherId, cert.award.level.rawValue, cert.award.issued.description,
                    audit.at,
                ])
            try Self.append(audit, db)
            try AppDatabase.recordChange(db)
            return code
        }
    }

    public func revokeCertificate(number: String, _ revocation: CertificateRevocation, audit: AuditEntry) throws {
        try write("revoke certificate \(number)") { db in
            guard let cert = try Self.certificate(db, where: "a.number = ?", number) else {
                throw CertificateStoreError.unknownCertificate(number: number)
            }
            guard cert.revocation == nil else { throw CertificateStoreError.alreadyRevoked(number: number) }
            try db.execute(
                sql: """
                    INSERT INTO certificateRevocation (teacherId, level, issued, revoked, actor, reason) VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    cert.award.teacherId, cert.award.level.rawValue, cert.award.issued.description,
                    revocation.at, revocation.actor, revocation.reason,
                ])
            try Self.append(audit, db)
            try AppDatabase.recordChange(db)
        }
    }

    public func revokedCertificates() throws -> [StoredCertificate] {
        try reading { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT \(Self.certificateColumns) FROM \(Self.certificateJoin)
                    WHERE r.revoked IS NOT NULL ORDER BY r.revoked DESC, a.teacherId, a.level, a.issued
                    """
            ).map(Self.certificate)
        }
    }

    public func courses(ids: [String]) throws -> [Course] {
        guard !ids.isEmpty else { return [] }
        return try reading { db in
            let unique = Array(Set(ids)).sorted()
            var out: [Course] = []
            // In slices, well under SQLite's limit on bound parameters.
            for start in stride(from: 0, to: unique.count, by: 500) {
                let slice = Array(unique[start..<min(start + 500, unique.count)])
                out += try Course.fetchAll(
                    db,
                    sql: """
                        SELECT * FROM course WHERE id IN (\(slice.map { _ in "?" }.joined(separator: ", "))) ORDER BY id
                        """, arguments: StatementArguments(slice))
            }
            return out
        }
    }

    static func certificate(_ db: Database, where condition: String, _ value: String) throws -> StoredCertificate? {
        try Row.fetchOne(
            db, sql: "SELECT \(certificateColumns) FROM \(certificateJoin) WHERE \(condition)",
            arguments: [value]
        ).map(certificate)
    }

    static func certificate(_ row: Row) throws -> StoredCertificate {
        let teacherId: String = row["teacherId"]
        func bad(_ what: String) -> StoreError {
            StoreError.sqlite(path: "award", message: "the award of teacher \(teacherId) has a bad \(what)")
        }
        guard let level = Level(rawValue: row["level"]) else { throw bad("level") }
        guard let issued = Day(row["issued"] as String) else { throw bad("issue date") }
        guard let role = Role(rawValue: row["role"]), let status = TeacherStatus(rawValue: row["status"]) else {
            throw bad("teacher role or status")
        }
        let expires = (row["expires"] as String?).flatMap { Day($0) }
        let hired = (row["hired"] as String?).flatMap { Day($0) }
        let award = Award(teacherId: teacherId, level: level, issued: issued, number: row["number"], expires: expires)
        let teacher = Teacher(
            id: teacherId, schoolId: row["schoolId"], name: row["teacherName"], role: role,
            hired: hired, status: status)
        let revoked: Date? = row["revoked"]
        let revocation = revoked.map { CertificateRevocation(at: $0, actor: row["actor"], reason: row["reason"]) }
        return StoredCertificate(
            award: award, teacher: teacher, schoolName: row["schoolName"], code: row["code"],
            revocation: revocation)
    }
}
