import GRDB

/// Award numbers and the awards holding them, both ways: read from the store at the first award of a feed
/// (``ImportSession/loadAwardNumbers()``), then kept up to date by ``ImportSession/upsertAward(_:)``, so that
/// checking a number needs no query (and no flush of the writer thread). The store's unique index on `number`
/// stays the last guard. Awards are keyed `teacher/level/issued`.
struct AwardNumberIndex {
    /// Whether the store's numbers were read.
    private(set) var loaded = false
    private var byNumber: [String: String] = [:]
    private var byKey: [String: String] = [:]

    /// Reads every stored award number.
    mutating func load(from db: Database) throws {
        let rows = try Row.fetchCursor(db, sql: "SELECT teacherId, level, issued, number FROM award WHERE number IS NOT NULL")
        while let r = try rows.next() {
            let key = "\(r[0] as String)/\(r[1] as String)/\(r[2] as String)", number: String = r[3]
            byNumber[number] = key
            byKey[key] = number
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
