import Foundation

/// A small open-addressing hash map keyed by byte strings (identifiers as libxml2 or SQLite hand them over), so a
/// hot loop (the importer's attendance fast path, the certification engine's attendance scan) finds a course
/// without building a Swift `String` or hashing with SipHash for every row.
/// Keys are hashed eight bytes at a time (a multiply-xorshift mix, not SipHash: the keys come from the district's
/// own files and a collision only costs a probe); each entry keeps its hash, so a probe compares bytes only when
/// the hashes are equal (keys of one feed share long prefixes: a teacher's records' keys differ near their end).
/// Visible to this package's targets only (`package`): it is not part of XinyuCore's public API.
package struct ByteKeyMap<Value> {
    // Internal but inlinable: `find` is specialised and inlined into the callers' per-row loops.
    @usableFromInline var slots = [Int32](repeating: -1, count: 1024)
    @usableFromInline var keyBytes: [UInt8] = []
    @usableFromInline var keyRanges: [Range<Int>] = []
    @usableFromInline var values: [Value] = []
    @usableFromInline var hashes: [UInt64] = []

    /// An empty map.
    package init() {}

    /// An empty map with room for `capacity` entries before it grows (a batch's keys: growing it four times over,
    /// batch after batch, showed in the importer's profile).
    package init(capacity: Int) {
        var size = 1024
        while size < capacity * 2 { size *= 2 }
        slots = [Int32](repeating: -1, count: size)
        keyRanges.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
        hashes.reserveCapacity(capacity)
    }

    /// Number of entries.
    package var count: Int { values.count }

    /// The value stored for `key`.
    @inlinable package func find(_ key: UnsafeBufferPointer<UInt8>) -> Value? { find(key, hash: ByteKeyMap.hash(key)) }

    /// Stores `value` for `key`, replacing any value stored for it.
    package mutating func insert(_ value: Value, for key: UnsafeBufferPointer<UInt8>) {
        insert(value, for: key, hash: ByteKeyMap.hash(key))
    }

    /// The value stored for `key`, or nil after storing `value` for it: one probe sequence for a lookup that adds
    /// what it does not find.
    package mutating func findOrInsert(_ value: Value, for key: UnsafeBufferPointer<UInt8>) -> Value? {
        let hash = ByteKeyMap.hash(key)
        let (entry, slot) = place(key, hash)
        if let entry { return values[entry] }
        append(value, for: key, hash: hash, at: slot)
        return nil
    }

    /// Stores `value` for the UTF-8 bytes of `key`.
    package mutating func insert(_ value: Value, for key: String) {
        var key = key
        key.withUTF8 { insert(value, for: $0) }
    }

    /// The hash of `key`: its 8-byte words and its length mixed by multiplication. A key of 8 bytes or more ends
    /// with the word of its last 8 bytes (overlapping the one before), so no byte-by-byte tail is needed.
    @inlinable static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9e37_79b9_7f4a_7c15 ^ UInt64(key.count)
        guard let base = key.baseAddress else { return h }
        let raw = UnsafeRawPointer(base)
        @inline(__always) func mix(_ word: UInt64) {
            h = (h ^ word) &* 0xff51_afd7_ed55_8ccd
            h ^= h >> 29
        }
        if key.count >= 8 {
            var i = 0
            while i + 8 < key.count {
                mix(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                i += 8
            }
            mix(raw.loadUnaligned(fromByteOffset: key.count - 8, as: UInt64.self))
        } else {
            var tail: UInt64 = 0
            for j in 0..<key.count { tail |= UInt64(key[j]) << (8 * UInt64(j)) }
            mix(tail)
        }
        return h ^ (h >> 32)
    }

    @inlinable func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Value? {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while true {
            let e = Int(slots[i])
            if e < 0 { return nil }
            if sameKey(e, key, hash) { return values[e] }
            i = (i + 1) & mask
        }
    }

    mutating func insert(_ value: Value, for key: UnsafeBufferPointer<UInt8>, hash: UInt64) {
        let (entry, slot) = place(key, hash)
        if let entry {
            values[entry] = value
        } else {
            append(value, for: key, hash: hash, at: slot)
        }
    }

    /// The entry holding `key`, or nil and the empty slot where it goes (the table grown first if it is half full).
    private mutating func place(_ key: UnsafeBufferPointer<UInt8>, _ hash: UInt64) -> (entry: Int?, slot: Int) {
        if (values.count + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while true {
            let e = Int(slots[i])
            if e < 0 { return (nil, i) }
            if sameKey(e, key, hash) { return (e, i) }
            i = (i + 1) & mask
        }
    }

    private mutating func append(_ value: Value, for key: UnsafeBufferPointer<UInt8>, hash: UInt64, at slot: Int) {
        slots[slot] = Int32(values.count)
        keyRanges.append(keyBytes.count..<(keyBytes.count + key.count))
        keyBytes.append(contentsOf: key)
        values.append(value)
        hashes.append(hash)
    }

    @inlinable func sameKey(_ e: Int, _ key: UnsafeBufferPointer<UInt8>, _ hash: UInt64) -> Bool {
        guard hashes[e] == hash else { return false }
        let r = keyRanges[e]
        return r.count == key.count
            && (key.isEmpty
                || keyBytes.withUnsafeBufferPointer {
                    sameBytes($0.baseAddress! + r.lowerBound, key.baseAddress!, count: key.count)
                })
    }

    /// Removes every entry.
    package mutating func removeAll() { self = ByteKeyMap() }

    private mutating func grow() {
        var bigger = [Int32](repeating: -1, count: slots.count * 2)
        let mask = bigger.count - 1
        for (e, h) in hashes.enumerated() {
            var i = Int(truncatingIfNeeded: h) & mask
            while bigger[i] >= 0 { i = (i + 1) & mask }
            bigger[i] = Int32(e)
        }
        slots = bigger
    }
}

/// Whether the `count` bytes at `a` and `b` are the same, compared a word at a time (keys are short, so
/// this beats a call to `memcmp`).
@inlinable package func sameBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, count: Int) -> Bool {
    let ra = UnsafeRawPointer(a)
    let rb = UnsafeRawPointer(b)
    guard count >= 8 else {
        for i in 0..<count where a[i] != b[i] { return false }
        return true
    }
    var i = 0
    while i + 8 < count {
        if ra.loadUnaligned(fromByteOffset: i, as: UInt64.self) != rb.loadUnaligned(fromByteOffset: i, as: UInt64.self) {
            return false
        }
        i += 8
    }
    // The last 8 bytes, overlapping the word before.
    return ra.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        == rb.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
}
