import Testing
@testable import XinyuCore

@Suite struct ByteKeyMapTests {
    private func withBytes<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var s = s
        return s.withUTF8 { body($0) }
    }

    @Test func findsWhatWasStoredThroughGrowthAndReplacement() {
        var map = ByteKeyMap<Int>()
        let keys = (0..<5_000).map { "WS-S\($0)-2017F1" }
        for (i, k) in keys.enumerated() { map.insert(i, for: k) }
        #expect(map.count == keys.count)
        for (i, k) in keys.enumerated() { #expect(withBytes(k) { map.find($0) } == i) }
        withBytes(keys[7]) { map.insert(-7, for: $0) }
        #expect(map.count == keys.count)
        #expect(withBytes(keys[7]) { map.find($0) } == -7)
        // A prefix, a longer key and an unknown key are not found.
        #expect(withBytes("WS-S7-2017F") { map.find($0) } == nil)
        #expect(withBytes("WS-S7-2017F12") { map.find($0) } == nil)
        #expect(withBytes("nope") { map.find($0) } == nil)
    }

    @Test func equalHashesAreToldApartByTheirBytes() {
        var map = ByteKeyMap<String>()
        // The same (forced) hash for two different keys: the bytes decide.
        withBytes("a") { map.insert("a", for: $0, hash: 42) }
        withBytes("b") { map.insert("b", for: $0, hash: 42) }
        #expect(withBytes("a") { map.find($0, hash: 42) } == "a")
        #expect(withBytes("b") { map.find($0, hash: 42) } == "b")
        map.removeAll()
        #expect(map.count == 0)
        #expect(withBytes("a") { map.find($0, hash: 42) } == nil)
    }
}
