import GRDB
import XinyuCore

/// A stop-gap effective-level reader used only when the certification engine is not available: the highest level
/// with an award issued on or before the day whose `expires` (else issue + `validityYears`) is after the day.
/// It ignores renewals; the CLI prefers `CertificationEngine.effectiveLevels` when built with it.
public enum AwardLevels {
    public static func effective(in db: AppDatabase, asOf day: Day, validityYears: Int = 5) throws -> [String: Level] {
        try db.writer.read { d in
            var out: [String: Level] = [:]
            for a in try Award.fetchAll(d) where a.issued <= day {
                let end = a.expires ?? a.issued.adding(years: validityYears)
                if day < end, out[a.teacherId].map({ $0 < a.level }) ?? true { out[a.teacherId] = a.level }
            }
            return out
        }
    }
}
