/// Which scheduled session a delivery record is about (issue #19): school, class (or group label), date and
/// period. Written `SCHOOL/CLASS/DATE/PERIOD`, e.g. `S0001/S0001-3-2/2026-09-07/3`.
///
/// A schedule rebuild replaces a term's stored sessions and numbers them anew, so the store's row number is no
/// stable name; this key is. A class is in one place at one period of one day, so the key names one session in
/// any build; a rebuild that keeps the slot keeps its delivery records attached, and records of a slot a rebuild
/// dropped stay stored as history (they still say what happened that day).
public struct SessionKey: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var schoolId: String
    public var classId: String
    public var date: Day
    /// Period of the day, 1-based.
    public var period: Int

    /// A key.
    public init(schoolId: String, classId: String, date: Day, period: Int) {
        self.schoolId = schoolId
        self.classId = classId
        self.date = date
        self.period = period
    }

    /// The key of a stored session.
    public init(_ session: ScheduledSession) {
        self.init(schoolId: session.schoolId, classId: session.classId, date: session.date, period: session.period)
    }

    /// Parses `SCHOOL/CLASS/DATE/PERIOD` (the class may itself hold `/`); nil when it is not one.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 4, let period = Int(parts[parts.count - 1]), period >= 1,
            let date = Day(parts[parts.count - 2]), !parts[0].isEmpty
        else { return nil }
        let cls = parts[1..<(parts.count - 2)].joined(separator: "/")
        guard !cls.isEmpty else { return nil }
        self.init(schoolId: parts[0], classId: cls, date: date, period: period)
    }

    public var description: String { "\(schoolId)/\(classId)/\(date)/\(period)" }

    public static func < (a: SessionKey, b: SessionKey) -> Bool {
        (a.date, a.period, a.schoolId, a.classId) < (b.date, b.period, b.schoolId, b.classId)
    }
}
