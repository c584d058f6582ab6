import XinyuCore

/// Award numbers and the awards holding them, as far as a feed needs them: the numbers this feed gave (kept up to
/// date by ``ImportSession/settleAwards()``), and the stored holders of the numbers of the awards being settled,
/// looked up in one query per group of awards (``FeedTransaction/awards(holding:)``). Memory follows the feed, not
/// the store (issue #18: the importer read every stored number before, 207 MB after ten districts). The store's
/// unique index on `number` stays the last guard. Awards are keyed `teacher/level/issued`.
struct AwardNumberIndex {
    /// Numbers given by this feed → the award holding each.
    private var byNumber: [String: String] = [:]
    /// Awards this feed wrote → their number now (nil: none); a stored number of one of them is no longer held.
    private var byKey: [String: String?] = [:]
    /// Stored holders of the numbers looked up last (before this feed's later awards).
    private var stored: [String: String] = [:]

    /// Takes the stored holders of the numbers about to be checked (replacing those of the last lookup).
    mutating func lookedUp(_ holders: [StoredAwardNumber]) {
        stored.removeAll(keepingCapacity: true)
        for a in holders { stored[a.number] = "\(a.teacherId)/\(a.level)/\(a.issued)" }
    }

    /// The key of the award holding `number`, if an award has it: one of this feed's, else the stored holder
    /// looked up, unless this feed gave that award another number since.
    func holder(of number: String) -> String? {
        if let key = byNumber[number] { return key }
        if let key = stored[number], byKey.index(forKey: key) == nil { return key }
        return nil
    }

    /// The award `key` now has `number` (nil: none); the number it had before is free again.
    mutating func set(_ number: String?, for key: String) {
        if let old = byKey[key], let old { byNumber[old] = nil }
        byKey[key] = .some(number)
        if let number { byNumber[number] = key }
    }
}
