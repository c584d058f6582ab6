import ArgumentParser
import Certifications
import Foundation
import XinyuAccounts
import XinyuCore

/// `xinyu certs revoke AWARD-NO --reason R` (district-admin).
struct CertsRevokeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke",
        abstract: "Revoke a certificate: verification says so, statuses and coverage stop counting it; history keeps it.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The award number.") var number: String
    @Option(help: "Why, on one line (kept in the audit trail).") var reason: String

    func run() async throws {
        let actor = Principal.commandLine()
        guard AccessPolicy.decide(actor, .revokeCertificate) == .allow else {
            throw UsageError("role \(actor.role.rawValue) may not revoke certificates")
        }
        try Certificates.revoke(number: number, reason: reason, in: try global.open(), actor: actor.name)
        print("revoked \(number)")
    }
}

/// `xinyu certs revoked`: every revoked certificate, latest first.
struct CertsRevokedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoked",
        abstract: "Revoked certificates, latest first: who, when and why.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOption

    struct Line: Encodable {
        var number: String?
        var teacher: String
        var name: String
        var school: String
        var level: Level
        var issued: Day
        var revoked: String
        var by: String
        var reason: String
    }

    func run() async throws {
        let lines = try global.openForReading().revokedCertificates().compactMap { c -> Line? in
            guard let r = c.revocation else { return nil }
            return Line(
                number: c.award.number, teacher: c.teacher.id, name: c.teacher.name, school: c.teacher.schoolId,
                level: c.award.level, issued: c.award.issued, revoked: Accounts.timestamp(r.at), by: r.actor,
                reason: r.reason)
        }
        try emit(output.format, json: lines) {
            TextTable(
                headers: ["number", "teacher", "name", "school", "level", "issued", "revoked", "by", "reason"],
                rows: lines.map {
                    [
                        $0.number ?? "", $0.teacher, $0.name, $0.school, $0.level.rawValue,
                        $0.issued.description, $0.revoked, $0.by, $0.reason,
                    ]
                })
        }
    }
}
