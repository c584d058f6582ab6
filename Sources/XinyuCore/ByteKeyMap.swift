import Foundation

/// A small open-addressing hash map keyed by byte strings (identifiers as libxml2 or SQLite hand them over), so a
/// hot loop (the importer's attendance fast path, the certification engine's attendance scan) finds a course
/// without building a Swift `String` or hashing with SipHash for every row.
/// Keys are hashed with 64-bit FNV-1a; collisions are resolved by comparing the bytes.
public struct ByteKeyMap<Value> {
    private var slots = [Int32](repeating: -1, count: 1024)
    private var keyBytes: [UInt8] = []
    private var keyRanges: [Range<Int>] = []
    private var values: [Value] = []

    public init() {}

    /// Number of entries.
    public var count: Int { values.count }

    /// The value stored for `key`.
    public func find(_ key: UnsafeBufferPointer<UInt8>) -> Value? { find(key, hash: ByteKeyMap.hash(key)) }

    /// Stores `value` for `key`, replacing any value stored for it.
    public mutating func insert(_ value: Value, for key: UnsafeBufferPointer<UInt8>) {
        insert(value, for: key, hash: ByteKeyMap.hash(key))
    }

    /// Stores `value` for the UTF-8 bytes of `key`.
    public mutating func insert(_ value: Value, for key: String) {
        var key = key
        key.withUTF8 { insert(value, for: $0) }
    }

    /// FNV-1a of `key`.
    @inline(__always) static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in key { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        return h
    }

    func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Value? {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while true {
            let e = Int(slots[i])
            if e < 0 { return nil }
            if sameKey(e, key) { return values[e] }
            i = (i + 1) & mask
        }
    }

    mutating func insert(_ value: Value, for key: UnsafeBufferPointer<UInt8>, hash: UInt64) {
        if (values.count + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while true {
            let e = Int(slots[i])
            if e < 0 { break }
            if sameKey(e, key) { values[e] = value; return }
            i = (i + 1) & mask
        }
        slots[i] = Int32(values.count)
        keyRanges.append(keyBytes.count..<(keyBytes.count + key.count))
        keyBytes.append(contentsOf: key)
        values.append(value)
    }

    private func sameKey(_ e: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let r = keyRanges[e]
        return r.count == key.count && keyBytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + r.lowerBound, key.baseAddress!, key.count) == 0 }
    }

    public mutating func removeAll() { self = ByteKeyMap() }

    private mutating func grow() {
        var bigger = [Int32](repeating: -1, count: slots.count * 2)
        let mask = bigger.count - 1
        keyBytes.withUnsafeBufferPointer { bytes in
            for (e, r) in keyRanges.enumerated() {
                var i = Int(truncatingIfNeeded: ByteKeyMap.hash(UnsafeBufferPointer(rebasing: bytes[r]))) & mask
                while bigger[i] >= 0 { i = (i + 1) & mask }
                bigger[i] = Int32(e)
            }
        }
        slots = bigger
    }
}
