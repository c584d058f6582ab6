import Testing

@testable import XinyuCore

/// The two-character search index's tokens (issue #19): every adjacent pair of letters or digits, once.
@Suite struct LibraryBigramTests {
    @Test func pairsOfLettersAndDigitsOnceEach() {
        #expect(AppDatabase.bigrams("情绪小怪兽") == "情绪 绪小 小怪 怪兽")
        #expect(AppDatabase.bigrams("认识情绪，情绪\nab1") == "认识 识情 情绪 ab b1")
        #expect(AppDatabase.bigrams("a b") == "")
        #expect(AppDatabase.isWordCharacter("情") && AppDatabase.isWordCharacter("7") && !AppDatabase.isWordCharacter("，"))
    }
}
