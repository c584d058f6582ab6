import Testing
@testable import Certifications

@Suite struct CertificationsSmokeTests {
    @Test func moduleLoads() {
        #expect(String(describing: Certifications.self) == "Certifications")
    }
}
