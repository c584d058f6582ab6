import Foundation
import XinyuCore

/// Printable, verifiable certificates (issue #16): a certificate's page as of a date, the public verification,
/// and revocation. Who may do what is the caller's to check (`AccessPolicy`).
///
/// Decisions where the issue is silent:
/// - A certificate is an award with a number; awards without one cannot be printed (the feed's `number`).
/// - The verification code is issued the first time the certificate is printed or its page is shown (and audited
///   then, as `certificate.code`); it never changes afterwards, and a revoked certificate keeps it, so the
///   verification says "revoked".
/// - The page's dates follow RULES.md "Valid award": the current cycle's end moves on when renewal hours are
///   earned; an expired certificate shows its last cycle's end.
/// - A revoked certificate counts for nothing anywhere (statuses, coverage, reminders); the award, its code and
///   the revocation (who, when, why) stay stored and in the audit trail.
public enum Certificates {
    /// The page of the certificate numbered `number` as of `asOf`; with `issueCode` a code is issued when it has
    /// none (audited as `actor` from `address`). ``CertificateStoreError/unknownCertificate(number:)`` when no award
    /// has the number.
    public static func view(
        number: String, in store: any ReportStore & CertificateStore, asOf: Day, profile: RuleProfile,
        issueCode: Bool, actor: String, address: String? = nil,
        now: Date = Date()
    ) throws -> CertificateView {
        guard var cert = try store.certificate(number: number) else {
            throw CertificateStoreError.unknownCertificate(number: number)
        }
        if issueCode && cert.code == nil {
            let audit = AuditEntry(at: now, actor: actor, address: address, action: "certificate.code", target: number)
            cert.code = try store.issueVerificationCode(number: number, code: VerificationCode.generate(), audit: audit)
        }
        return try view(cert, in: store, asOf: asOf, profile: profile)
    }

    /// The public verification of `code` as typed (see ``VerificationCode/normalize(_:)``), or nil when no
    /// certificate has it.
    public static func verify(
        code text: String, in store: any ReportStore & CertificateStore, asOf: Day,
        profile: RuleProfile
    ) throws -> CertificateView.Verification? {
        guard let code = VerificationCode.normalize(text), let cert = try store.certificate(code: code) else { return nil }
        return try view(cert, in: store, asOf: asOf, profile: profile).verification
    }

    /// Revokes the certificate numbered `number` for `reason` (one line, 1–500 characters), audited as
    /// `certificate.revoke` by `actor`. Its standing becomes "revoked" and it stops counting anywhere.
    public static func revoke(
        number: String, reason: String, in store: any CertificateStore, actor: String,
        address: String? = nil, now: Date = Date()
    ) throws {
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !why.isEmpty, why.count <= 500, !why.contains(where: \.isNewline) else {
            throw CertificateError.badReason(reason)
        }
        let audit = AuditEntry(
            at: now, actor: actor, address: address, action: "certificate.revoke", target: number,
            before: #"{"status":"in force"}"#,
            after: "{\"reason\":\(jsonString(why)),\"status\":\"revoked\"}")
        try store.revokeCertificate(number: number, CertificateRevocation(at: now, actor: actor, reason: why), audit: audit)
    }

    /// The view of a stored certificate: its cycles from the teacher's counted training as of `asOf`.
    static func view(
        _ cert: StoredCertificate, in store: any ReportStore, asOf: Day,
        profile: RuleProfile
    ) throws -> CertificateView {
        let record = try store.trainingRecord(teacherId: cert.teacher.id, asOf: asOf)
        var entries: [TrackedAttendance] = []
        for r in record.attendance {
            if let t = Track(rawValue: r.track), t != .none, let day = r.date {
                entries.append(TrackedAttendance(track: t, date: day, tenths: r.tenths, pass: r.pass))
            }
        }
        let state = CertificationEngine.state(
            of: cert.award, asOf: asOf, rule: profile.rule(for: cert.award.level),
            entries: entries)
        let status: CertificateStatus =
            cert.revocation != nil
            ? .revoked
            : !state.valid ? .expired : state.expiring ? .expiring : .valid
        return CertificateView(
            number: cert.award.number ?? "", teacher: cert.teacher.id, name: cert.teacher.name,
            school: cert.teacher.schoolId, schoolName: cert.schoolName, level: cert.award.level,
            issued: cert.award.issued, cycleStart: state.cycleStart, cycleEnd: state.cycleEnd,
            status: status, code: cert.code, revocation: cert.revocation, asOf: asOf)
    }

    /// `s` as a JSON string literal.
    static func jsonString(_ s: String) -> String {
        let data = (try? JSONEncoder().encode([s])) ?? Data("[\"\"]".utf8)
        return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
    }
}
