import Foundation
import Testing
import XinyuCore
import XinyuPostgres

/// ``CertificateStore``: awards by number and code, codes once, revocation as a state that readings leave out.
@Suite struct CertificateStoreConformanceTests {
    let now = Date(timeIntervalSince1970: 1_780_000_000)

    func seeded(_ engine: StoreEngine) throws -> (any XinyuStore, ConformanceDistrict) {
        let store = try engine.make()
        let district = ConformanceDistrict()
        try district.write(to: store)
        return (store, district)
    }

    func audit(_ action: String, _ target: String) -> AuditEntry {
        AuditEntry(at: now, actor: "cli:test", address: nil, action: action, target: target)
    }

    @Test(arguments: StoreEngine.all)
    func certificatesAreFoundByNumberWithTeacherAndSchool(_ engine: StoreEngine) throws {
        let (store, district) = try seeded(engine)
        let award = try #require(district.awards.first { $0.number != nil })
        let teacher = district.teachers.first { $0.id == award.teacherId }!
        let cert = try #require(try store.certificate(number: award.number!))
        #expect(cert.award == award && cert.teacher == teacher && cert.code == nil && cert.revocation == nil)
        #expect(cert.schoolName == district.schools.first { $0.id == teacher.schoolId }!.name)
        #expect(try store.certificate(number: "NO-SUCH") == nil)
        let ids = ["C03", "C01", "NOPE", "C01"]
        #expect(try store.courses(ids: ids).map(\.id) == ["C01", "C03"])
        #expect(try store.courses(ids: ["C02"]).first == district.courses.first { $0.id == "C02" })
    }

    @Test(arguments: StoreEngine.all)
    func anAwardGetsOneCodeThatNamesIt(_ engine: StoreEngine) throws {
        let (store, district) = try seeded(engine)
        let award = try #require(district.awards.first { $0.number != nil })
        let number = award.number!
        var v = try store.dataVersion()
        let code = try store.issueVerificationCode(
            number: number, code: "ABCDEFGHJKMNPQRSTVWXYZ0123",
            audit: audit("certificate.code", number))
        #expect(code == "ABCDEFGHJKMNPQRSTVWXYZ0123")
        #expect(try store.dataVersion() != v)
        v = try store.dataVersion()
        // A second issue keeps the first code and appends nothing.
        #expect(
            try store.issueVerificationCode(
                number: number, code: "ZZZZZZZZZZZZZZZZZZZZZZZZZZ",
                audit: audit("certificate.code", number)) == code)
        #expect(try store.auditEntries(since: nil, actor: nil, actions: ["certificate.code"], target: number).count == 1)
        #expect(try store.certificate(code: code)?.award == award)
        #expect(try store.certificate(number: number)?.code == code)
        #expect(try store.certificate(code: "ZZZZZZZZZZZZZZZZZZZZZZZZZZ") == nil)
        #expect(throws: CertificateStoreError.unknownCertificate(number: "NO-SUCH")) {
            try store.issueVerificationCode(number: "NO-SUCH", code: "Q", audit: audit("certificate.code", "NO-SUCH"))
        }
    }

    @Test(arguments: StoreEngine.all)
    func aRevokedAwardStaysStoredButCountsForNothing(_ engine: StoreEngine) throws {
        let (store, district) = try seeded(engine)
        let asOf = day(2026, 1, 1)
        // A numbered award valid on the date, of an active teacher.
        let award = try #require(
            district.awards.first { a in
                a.number != nil && a.issued <= asOf && (a.expires.map { $0 > asOf } ?? true)
                    && district.teachers.first { $0.id == a.teacherId }?.status == .active
            })
        let number = award.number!
        func awardsRead() throws -> [Award] {
            try store.certificationReadings(asOf: asOf, school: nil, includeInactive: true, parts: 1, withSchools: false) {
                $0.awards
            }.flatMap { $0 }
        }
        #expect(try awardsRead().contains(award))
        #expect(try store.trainingRecord(teacherId: award.teacherId, asOf: asOf).awards.contains(award))
        let v = try store.dataVersion()
        let revocation = CertificateRevocation(at: now, actor: "cli:test", reason: "材料造假")
        try store.revokeCertificate(number: number, revocation, audit: audit("certificate.revoke", number))
        #expect(try store.dataVersion() != v)
        #expect(try !awardsRead().contains(award))
        #expect(try !store.trainingRecord(teacherId: award.teacherId, asOf: asOf).awards.contains(award))
        // Still on record: found by number, listed as revoked, audited.
        #expect(try store.certificate(number: number)?.revocation == revocation)
        #expect(try store.revokedCertificates().map(\.award) == [award])
        #expect(try store.auditEntries(since: nil, actor: nil, actions: ["certificate.revoke"], target: number).count == 1)
        #expect(throws: CertificateStoreError.alreadyRevoked(number: number)) {
            try store.revokeCertificate(number: number, revocation, audit: audit("certificate.revoke", number))
        }
        #expect(throws: CertificateStoreError.unknownCertificate(number: "NO-SUCH")) {
            try store.revokeCertificate(number: "NO-SUCH", revocation, audit: audit("certificate.revoke", "NO-SUCH"))
        }
        #expect(try store.auditEntries(since: nil, actor: nil, actions: ["certificate.revoke"], target: nil).count == 1)
    }
}
