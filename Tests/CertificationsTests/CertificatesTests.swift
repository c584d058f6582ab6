import Foundation
import Testing

@testable import Certifications
@testable import XinyuCore

/// Printable, verifiable certificates: codes, the masked name, the standing on a date, revocation everywhere.
@Suite struct CertificatesTests {
    let now = Date(timeIntervalSince1970: 1_780_000_000)

    @Test func theNameIsMaskedButItsFirstCharacter() {
        #expect(MaskedName.mask("张三丰") == "张**")
        #expect(MaskedName.mask("欧阳娜娜") == "欧***")
        #expect(MaskedName.mask("李") == "李")
        #expect(MaskedName.mask("Ann Lee") == "A******")
        #expect(MaskedName.mask("") == "")
    }

    @Test func codesAreRandom130BitCrockfordAndTypedBackLeniently() {
        let codes = (0..<200).map { _ in VerificationCode.generate() }
        #expect(Set(codes).count == 200)
        #expect(codes.allSatisfy { $0.count == 26 && $0.allSatisfy { "0123456789ABCDEFGHJKMNPQRSTVWXYZ".contains($0) } })
        // Every position takes many values: not a fixed prefix, not a counter.
        for i in 0..<26 { #expect(Set(codes.map { Array($0)[i] }).count > 16, "position \(i)") }
        let code = codes[0]
        let grouped = VerificationCode.grouped(code)
        #expect(grouped.count == 26 + 6 && grouped.split(separator: "-").map(\.count) == [4, 4, 4, 4, 4, 4, 2])
        #expect(VerificationCode.normalize(grouped) == code)
        #expect(VerificationCode.normalize(grouped.lowercased().replacingOccurrences(of: "-", with: " ")) == code)
        #expect(VerificationCode.normalize("O" + String(code.dropFirst())) == "0" + code.dropFirst())
        #expect(VerificationCode.normalize(String(code.dropLast())) == nil)
        #expect(VerificationCode.normalize(code + "0") == nil)
        #expect(VerificationCode.normalize("U" + String(code.dropFirst())) == nil)
    }

    func fixture() throws -> Fixture {
        var f = try Fixture()
        try f.teacher("T1", role: .subjectTeacher)
        try f.attend("T1", track: .C, hours: 36, date: "2020-06-01", result: .pass)
        try f.award("T1", .C, issued: "2021-01-15", number: "GD-C-0001")
        return f
    }

    @Test func thePageFollowsTheCycleAndTheStatusOnTheDate() throws {
        var f = try fixture()
        func view(_ asOf: String) throws -> CertificateView {
            try Certificates.view(
                number: "GD-C-0001", in: f.db, asOf: Day(asOf)!, profile: f.profile, issueCode: false,
                actor: "cli:test")
        }
        let valid = try view("2024-01-01")
        #expect(
            valid.status == .valid && valid.cycleEnd == Day("2026-01-15")! && valid.name == "教师T1"
                && valid.schoolName == "第一中学" && valid.level == .C && valid.code == nil)
        #expect(try view("2025-07-20").status == .expiring)  // 179 days before the end, no renewal hours
        #expect(try view("2026-01-15").status == .expired)
        // Renewal hours inside the cycle move the end on by the validity.
        try f.attend("T1", track: .cpd, hours: 24, date: "2024-03-01")
        let renewed = try view("2026-02-01")
        #expect(renewed.status == .valid && renewed.cycleStart == Day("2026-01-15")! && renewed.cycleEnd == Day("2031-01-15")!)
        #expect(throws: CertificateStoreError.unknownCertificate(number: "NOPE")) {
            try Certificates.view(
                number: "NOPE", in: f.db, asOf: Day("2024-01-01")!, profile: f.profile, issueCode: true, actor: "cli:test")
        }
    }

    @Test func theCodeIsIssuedOnceAndVerificationShowsNothingElse() throws {
        let f = try fixture()
        let asOf = Day("2024-01-01")!
        let first = try Certificates.view(
            number: "GD-C-0001", in: f.db, asOf: asOf, profile: f.profile, issueCode: true,
            actor: "cli:test", now: now)
        let code = try #require(first.code)
        // Not derived from the award number: a random code may hold the letters "GD" by chance (about 2% of
        // runs), so the check is that the number's characters do not stand in it together.
        #expect(code.count == 26 && !code.contains("GDC0001") && !code.contains("GD-C-0001"))
        let again = try Certificates.view(
            number: "GD-C-0001", in: f.db, asOf: asOf, profile: f.profile, issueCode: true,
            actor: "cli:test")
        #expect(again.code == code)
        #expect(try f.db.auditEntries(since: nil, actor: nil, actions: ["certificate.code"], target: "GD-C-0001").count == 1)
        let v = try #require(
            try Certificates.verify(
                code: VerificationCode.grouped(code).lowercased(), in: f.db, asOf: asOf,
                profile: f.profile))
        #expect(v.maskedName == "教***" && v.level == .C && v.status == .valid && v.cycleEnd == Day("2026-01-15")!)
        let json = try JSONSerialization.jsonObject(with: JSONOutput.encoder().encode(v)) as! [String: Any]
        #expect(Set(json.keys) == ["level", "issued", "cycleEnd", "status", "maskedName", "asOf"])
        let text = String(decoding: try JSONOutput.encoder().encode(v), as: UTF8.self)
        #expect(!text.contains("T1") && !text.contains("GD-C-0001") && !text.contains("S1") && !text.contains("第一中学"))
        let zeros = "0000-0000-0000-0000-0000-0000-00"
        #expect(try Certificates.verify(code: zeros, in: f.db, asOf: asOf, profile: f.profile) == nil)
        #expect(try Certificates.verify(code: "GD-C-0001", in: f.db, asOf: asOf, profile: f.profile) == nil)
    }

    @Test func aRevokedCertificateIsRevokedInVerificationAndCountsForNothingInCoverage() throws {
        let f = try fixture()
        let asOf = Day("2024-01-01")!
        let code = try #require(
            try Certificates.view(
                number: "GD-C-0001", in: f.db, asOf: asOf, profile: f.profile,
                issueCode: true, actor: "cli:test"
            ).code)
        let before = try CoverageReport.compute(in: f.db, asOf: asOf, school: nil, profile: f.profile)
        #expect(before.district.certified.C == 1 && before.district.meetingRoleRequirement == 1)
        #expect(try f.status("T1", "2024-01-01").effectiveLevel == .C)
        #expect(throws: CertificateError.badReason("  ")) {
            try Certificates.revoke(number: "GD-C-0001", reason: "  ", in: f.db, actor: "cli:test")
        }
        try Certificates.revoke(number: "GD-C-0001", reason: "培训记录不实", in: f.db, actor: "cli:admin", now: now)
        let verification = try #require(try Certificates.verify(code: code, in: f.db, asOf: asOf, profile: f.profile))
        #expect(verification.status == .revoked && verification.revokedOn == Day(date: now))
        let after = try CoverageReport.compute(in: f.db, asOf: asOf, school: nil, profile: f.profile)
        #expect(after.district.certified.C == 0 && after.district.meetingRoleRequirement == 0)
        // Not lapsed either: a revoked award counts for nothing, and the teacher is eligible for C again.
        #expect(after.district.lapsed == 0 && after.district.eligible.C == 1)
        let status = try f.status("T1", "2024-01-01")
        #expect(status.effectiveLevel == nil && status.level(.C).awards == 0)
        #expect(try f.level("T1", .C, "2024-01-01").status == .eligible)
        // History keeps it: the page still shows it, revoked, with who and why in the audit trail.
        let page = try Certificates.view(
            number: "GD-C-0001", in: f.db, asOf: asOf, profile: f.profile, issueCode: false,
            actor: "cli:test")
        #expect(page.status == .revoked && page.revocation?.reason == "培训记录不实" && page.revocation?.actor == "cli:admin")
        let html = CertificatePage(view: page, verifyBase: "https://xinyu.example.cn").render()
        #expect(html.contains("本证书已撤销") && html.contains("https://xinyu.example.cn/verify/\(code)"))
        let audit = try #require(
            try f.db.auditEntries(
                since: nil, actor: "cli:admin", actions: ["certificate.revoke"],
                target: "GD-C-0001"
            ).first)
        #expect(audit.after?.contains("培训记录不实") == true)
        #expect(throws: CertificateStoreError.alreadyRevoked(number: "GD-C-0001")) {
            try Certificates.revoke(number: "GD-C-0001", reason: "again", in: f.db, actor: "cli:admin")
        }
    }

    @Test func thePageIsOneA4SheetInChineseWithEnglishBelow() throws {
        let f = try fixture()
        let view = try Certificates.view(
            number: "GD-C-0001", in: f.db, asOf: Day("2024-01-01")!, profile: f.profile,
            issueCode: true, actor: "cli:test")
        let html = CertificatePage(view: view, verifyBase: nil).render()
        #expect(html.contains("@page{size:A4 portrait") && html.contains("@media print"))
        #expect(html.contains("<html lang=\"zh-Hans\">"))
        for (zh, en) in [
            ("姓名", "Name"), ("学校", "School"), ("发证日期", "Date of issue"), ("本期有效期至", "Current cycle ends"),
            ("证书编号", "Award number"), ("验证码", "Verification code"),
        ] {
            let below = "<span class=\"en\">\(en)</span>"
            #expect(html.contains(zh + below) || html.contains(zh + " " + below), "\(zh)")
        }
        #expect(html.contains("教师T1") && html.contains("第一中学") && html.contains("2021年1月15日") && html.contains("2026年1月15日"))
        let code = try #require(view.code)
        #expect(html.contains("GD-C-0001") && html.contains(VerificationCode.grouped(code)) && html.contains("/verify/\(code)"))
        #expect(!html.contains("<script") && !html.contains("http://") && !html.contains("https://"))
    }
}
