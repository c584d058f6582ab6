import Foundation

/// A small open-addressing hash map keyed by byte strings (identifiers as libxml2 or SQLite hand them over), so a
/// hot loop (the importer's attendance fast path, the certification engine's attendance scan) finds a course
/// without building a Swift `String` or hashing with SipHash for every row.
/// Keys are hashed with 64-bit FNV-1a (``hash(_:count:)``); collisions are resolved by comparing the bytes.
public struct ByteKeyMap<Value> {
    private var slots = [Int32](repeating: -1, count: 1024)
    private var keyBytes: [UInt8] = []
    private var keyRanges: [Range<Int>] = []
    private var values: [Value] = []

    public init() {}

    /// Number of entries.
    public var count: Int { values.count }

    /// FNV-1a of `count` bytes at `p`.
    @inline(__always) public static func hash(_ p: UnsafePointer<UInt8>, count: Int) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in 0..<count { h = (h ^ UInt64(p[i])) &* 0x0000_0100_0000_01b3 }
        return h
    }

    /// The value stored for the `count` bytes at `p` (whose ``hash(_:count:)`` is `hash`).
    public func find(_ p: UnsafePointer<UInt8>, count: Int, hash: UInt64) -> Value? {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while true {
            let e = Int(slots[i])
            if e < 0 { return nil }
            let r = keyRanges[e]
            if r.count == count, keyBytes.withUnsafeBufferPointer({ memcmp($0.baseAddress! + r.lowerBound, p, count) == 0 }) {
                return values[e]
            }
            i = (i + 1) & mask
        }
    }

    /// Stores `value` for the `count` bytes at `p`, replacing any value stored for them.
    public mutating func insert(_ value: Value, for p: UnsafePointer<UInt8>, count: Int, hash: UInt64) {
        if (values.count + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while true {
            let e = Int(slots[i])
            if e < 0 { break }
            let r = keyRanges[e]
            if r.count == count, keyBytes.withUnsafeBufferPointer({ memcmp($0.baseAddress! + r.lowerBound, p, count) == 0 }) {
                values[e] = value
                return
            }
            i = (i + 1) & mask
        }
        slots[i] = Int32(values.count)
        keyRanges.append(keyBytes.count..<(keyBytes.count + count))
        keyBytes.append(contentsOf: UnsafeBufferPointer(start: p, count: count))
        values.append(value)
    }

    public mutating func removeAll() { self = ByteKeyMap() }

    private mutating func grow() {
        var bigger = [Int32](repeating: -1, count: slots.count * 2)
        let mask = bigger.count - 1
        keyBytes.withUnsafeBufferPointer { bytes in
            for (e, r) in keyRanges.enumerated() {
                var i = Int(truncatingIfNeeded: ByteKeyMap.hash(bytes.baseAddress! + r.lowerBound, count: r.count)) & mask
                while bigger[i] >= 0 { i = (i + 1) & mask }
                bigger[i] = Int32(e)
            }
        }
        slots = bigger
    }
}
