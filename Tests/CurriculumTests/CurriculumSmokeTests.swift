import Testing
@testable import Curriculum

@Suite struct CurriculumSmokeTests {
    @Test func moduleLoads() {
        #expect(String(describing: Curriculum.self) == "Curriculum")
    }
}
