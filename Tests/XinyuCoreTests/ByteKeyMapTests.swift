import Testing
import XinyuCore

@Suite struct ByteKeyMapTests {
    private func withBytes<R>(_ s: String, _ body: (UnsafePointer<UInt8>, Int, UInt64) -> R) -> R {
        var s = s
        return s.withUTF8 { b in body(b.baseAddress!, b.count, ByteKeyMap<Int>.hash(b.baseAddress!, count: b.count)) }
    }

    @Test func findsWhatWasStoredThroughGrowthAndReplacement() {
        var map = ByteKeyMap<Int>()
        let keys = (0..<5_000).map { "WS-S\($0)-2017F1" }
        for (i, k) in keys.enumerated() { withBytes(k) { map.insert(i, for: $0, count: $1, hash: $2) } }
        #expect(map.count == keys.count)
        for (i, k) in keys.enumerated() { #expect(withBytes(k) { map.find($0, count: $1, hash: $2) } == i) }
        withBytes(keys[7]) { map.insert(-7, for: $0, count: $1, hash: $2) }
        #expect(map.count == keys.count)
        #expect(withBytes(keys[7]) { map.find($0, count: $1, hash: $2) } == -7)
        // A prefix, a longer key and an unknown key are not found.
        #expect(withBytes("WS-S7-2017F") { map.find($0, count: $1, hash: $2) } == nil)
        #expect(withBytes("WS-S7-2017F12") { map.find($0, count: $1, hash: $2) } == nil)
        #expect(withBytes("nope") { map.find($0, count: $1, hash: $2) } == nil)
    }

    @Test func equalHashesAreToldApartByTheirBytes() {
        var map = ByteKeyMap<String>()
        // The same (forced) hash for two different keys: the bytes decide.
        withBytes("a") { p, n, _ in map.insert("a", for: p, count: n, hash: 42) }
        withBytes("b") { p, n, _ in map.insert("b", for: p, count: n, hash: 42) }
        #expect(withBytes("a") { p, n, _ in map.find(p, count: n, hash: 42) } == "a")
        #expect(withBytes("b") { p, n, _ in map.find(p, count: n, hash: 42) } == "b")
        map.removeAll()
        #expect(map.count == 0)
        #expect(withBytes("a") { p, n, _ in map.find(p, count: n, hash: 42) } == nil)
    }
}
