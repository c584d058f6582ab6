import XinyuCore

/// An award record of the feed waiting for ``ImportSession/settleAwards()``, where it was (for its rejection), and
/// either the award whose number is still to be checked or why it is rejected already (kept in the queue so that
/// rejections stay in the feed's order).
struct PendingAward {
    enum Outcome {
        case check(Award)
        case rejected(String)
    }

    var outcome: Outcome
    var line: Int
    var column: Int
    /// The record's key as the feed wrote it (`teacher/level/issued`).
    var key: String
}
