import Testing
@testable import XinyuServer

@Suite struct XinyuServerSmokeTests {
    @Test func moduleLoads() {
        #expect(String(describing: XinyuServer.self) == "XinyuServer")
    }
}
