import XinyuCore

/// When `xinyu remind` tells teachers what (issue #16): the `reminders` section of a rule profile.
///
/// A profile without the section uses ``standard`` (the values), so a district's older copy of the
/// profile keeps working.
public struct ReminderRules: Sendable, Codable, Hashable {
    /// Days before a certificate's current cycle ends, most first (180, 90, 30, 7): a teacher whose renewal hours
    /// are short hears once in each window, at the first run with at most that many days left (a run that finds
    /// 50 days left sends the 90-day notice only).
    public var expiryWindowsDays: [Int]
    /// A lapse this many days ago or less is announced once (0: only on the day itself).
    public var lapsedWithinDays: Int
    /// Days of the school year (month, day) on which teachers behind on the year's hours or sessions hear of it;
    /// a run after such a day and before the next one sends that day's notice if it has not gone out.
    public var behindCheckDates: [MonthDay]

    /// A month and day, written `MM-DD` in the profile (`03-01`).
    public struct MonthDay: Sendable, Codable, Hashable, CustomStringConvertible {
        public var month: Int
        public var day: Int

        /// A month-day; nil when no year has it (29 February is allowed: it counts in leap years only).
        public init?(month: Int, day: Int) {
            guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: 2000) else { return nil }
            self.month = month
            self.day = day
        }

        /// Parses `MM-DD`.
        public init?(_ text: String) {
            let p = text.split(separator: "-")
            guard p.count == 2, p[0].count == 2, p[1].count == 2, let m = Int(p[0]), let d = Int(p[1]) else { return nil }
            self.init(month: m, day: d)
        }

        public var description: String {
            (month < 10 ? "0" : "") + "\(month)-" + (day < 10 ? "0" : "") + "\(day)"
        }

        /// This month-day inside school year `year` (September–December in its first calendar year, the rest in
        /// the second); nil for 29 February of a common year.
        public func day(in year: SchoolYear) -> Day? {
            Day(year: month >= 9 ? year.startYear : year.startYear + 1, month: month, day: day)
        }
    }

    /// The values: windows of 180, 90, 30 and 7 days, lapses of the last 30 days, checks on 1 March and
    /// 1 May.
    public static let standard = ReminderRules(
        expiryWindowsDays: [180, 90, 30, 7], lapsedWithinDays: 30,
        behindCheckDates: [MonthDay(month: 3, day: 1)!, MonthDay(month: 5, day: 1)!])

    /// Rules; the windows are kept most first, without repeats.
    public init(expiryWindowsDays: [Int], lapsedWithinDays: Int, behindCheckDates: [MonthDay]) {
        self.expiryWindowsDays = Array(Set(expiryWindowsDays)).sorted(by: >)
        self.lapsedWithinDays = lapsedWithinDays
        self.behindCheckDates = behindCheckDates
    }

    /// The window a cycle ending in `daysLeft` days is in: the smallest window of at least `daysLeft` days, or nil
    /// when it ends later than the largest window (or has ended).
    public func expiryWindow(daysLeft: Int) -> Int? {
        guard daysLeft >= 1 else { return nil }
        return expiryWindowsDays.filter { $0 >= daysLeft }.min()
    }

    /// The latest behind-check day of `asOf`'s school year on or before `asOf`, or nil before the first.
    public func behindCheck(asOf: Day) -> Day? {
        let year = SchoolYear(containing: asOf)
        return behindCheckDates.compactMap { $0.day(in: year) }.filter { $0 <= asOf }.max()
    }
}
