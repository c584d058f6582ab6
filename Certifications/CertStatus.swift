/// One level's status for a teacher as of a date (RULES.md), most important first when several apply:
/// `expiring`/`certified`, then `eligible`, then `lapsed`, then `in-training`, else `none`.
///
/// A teacher can be both `lapsed` and in training again; ``LevelStatus`` keeps each fact as its own flag.
public enum CertStatus: String, Sendable, Codable, CaseIterable {
    case none
    case inTraining = "in-training"
    case eligible, certified, expiring, lapsed
}
