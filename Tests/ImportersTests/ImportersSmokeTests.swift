import Testing
@testable import Importers

@Suite struct ImportersSmokeTests {
    @Test func moduleLoads() {
        #expect(String(describing: Importers.self) == "Importers")
    }
}
