import XinyuCore

/// Award numbers and the awards holding them, both ways: read from the store at the first award of a feed
/// (``ImportSession/loadAwardNumbers()``), then kept up to date by ``ImportSession/upsertAward(_:)``, so that
/// checking a number needs no query (and no flush of the writer thread). The store's unique index on `number`
/// stays the last guard. Awards are keyed `teacher/level/issued`.
struct AwardNumberIndex {
    /// Whether the store's numbers were read.
    private(set) var loaded = false
    private var byNumber: [String: String] = [:]
    private var byKey: [String: String] = [:]

    /// Takes every stored award number.
    mutating func load(_ stored: [StoredAwardNumber]) {
        for a in stored {
            let key = "\(a.teacherId)/\(a.level)/\(a.issued)"
            byNumber[a.number] = key
            byKey[key] = a.number
        }
        loaded = true
    }

    /// The key of the award holding `number`, if an award has it.
    func holder(of number: String) -> String? { byNumber[number] }

    /// The award `key` now has `number` (nil: none); the number it had before is free again.
    mutating func set(_ number: String?, for key: String) {
        if let old = byKey[key] { byNumber[old] = nil }
        byKey[key] = number
        if let number { byNumber[number] = key }
    }
}
