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

    /// A map made with room for a batch's keys finds them as one that grew does, and still grows past its room.
    @Test func aMapWithRoomFindsWhatWasStoredAndGrowsPastIt() {
        for capacity in [0, 10, 3_000] {
            var map = ByteKeyMap<Int>(capacity: capacity)
            let keys = (0..<6_000).map { "T\($0)/C\($0 % 97)" }
            for (i, k) in keys.enumerated() { #expect(withBytes(k) { map.findOrInsert(i, for: $0) } == nil) }
            #expect(map.count == keys.count)
            for (i, k) in keys.enumerated() { #expect(withBytes(k) { map.find($0) } == i) }
            #expect(withBytes(keys[5]) { map.findOrInsert(-1, for: $0) } == 5)
        }
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

    /// Keys that differ only past the first word, in the zero-padded tail, or by a trailing zero byte.
    @Test func keysThatDifferLateOrOnlyInLengthAreDistinct() {
        var map = ByteKeyMap<Int>()
        let keys = [
            "", "a", "a\u{0}", "a\u{0}\u{0}", "CERT2018-C-001", "CERT2018-C-002", "CERT2018-C-00",
            "12345678", "123456789", "12345678\u{0}", "WS-S0031-2018F2", "WS-S0031-2018F3",
        ]
        for (i, k) in keys.enumerated() { map.insert(i, for: k) }
        #expect(map.count == keys.count)
        for (i, k) in keys.enumerated() { #expect(withBytes(k) { map.find($0) } == i, "\(k.debugDescription)") }
        #expect(withBytes("CERT2018-C-003") { map.find($0) } == nil)
    }

    @Test func sameBytesComparesEveryByte() {
        let a = Array("CERT2019-B1-001x".utf8)
        let b = Array("CERT2019-B1-001y".utf8)
        for n in 0...a.count {
            #expect(sameBytes(a, b, count: n) == (n < a.count))
            #expect(sameBytes(a, a, count: n))
        }
        var c = a
        c[3] = UInt8(ascii: "X")
        #expect(!sameBytes(a, c, count: 8) && sameBytes(a, c, count: 3))
    }
}
