import Certifications
import Foundation
import XinyuCore

/// Finds what each person must hear about as of a date (issue #16), as notices keyed once per
/// (person, kind, window):
///
/// - `expiry` (window `LEVEL/CYCLE-END/DAYS`): an active teacher whose certificate of their effective level
///   (the one coverage counts) has its current cycle ending within one of the profile's windows with renewal
///   hours short. A certificate of a lower level that a higher one covers is left alone, as coverage does.
/// - `lapsed` (window `LEVEL/LAPSE-DAY`): an active teacher whose highest level ever awarded lapsed at most
///   `lapsedWithinDays` days ago (coverage's "lapsed"; a revoked certificate never lapses, it counts for nothing).
/// - `behind` (window `YEAR/MM-DD`): on or after each behind-check day of the school year (1 March, 1 May), an
///   active teacher who does not yet meet the year's hours or professional sessions, counting records dated up to
///   the date.
/// - `digest` (window `YYYY-Www`, the ISO week): once a week per school with active teachers, to each of its
///   enabled school-admins who has an e-mail in the notify file, else once to the school's own channel (person
///   `school:ID`): who is expiring (RULES.md's warning window), and from the year's first behind-check day on,
///   who is behind this school year (before it, early in the year, nearly everyone is, and nobody was told yet),
///   and what awaits the school's approval: the count of its `submitted` records (sign-in sheets and teachers'
///   submissions, RULES.md "Record states") and a line per course, whatever their date (a record waits until it is
///   reviewed). A school with nothing waiting says so with a count of 0.
///
/// The certification statuses and the quota's reading of the year (needed from the first behind-check day on)
/// are read at once, on two threads; the records awaiting approval are one read of every school's.
public struct ReminderPlanner: Sendable {
    public var profile: RuleProfile
    public var quotaRules: QuotaRules
    public var configuration: NotifyConfiguration

    /// A planner.
    public init(profile: RuleProfile, quotaRules: QuotaRules, configuration: NotifyConfiguration) {
        self.profile = profile
        self.quotaRules = quotaRules
        self.configuration = configuration
    }

    var rules: ReminderRules { profile.reminders ?? .standard }

    /// The notices due as of `asOf`, created at `now` (not yet checked against the outbox), sorted by key.
    public func plan(in store: any XinyuStore, asOf: Day, now: Date) throws -> [Notice] {
        let year = SchoolYear(containing: asOf)
        let check = rules.behindCheck(asOf: asOf)
        let quota = Background { [check] in
            check == nil ? nil : try store.quotaYear(from: year.first, through: asOf, school: nil)
        }
        let statuses = try CertificationEngine.statuses(in: store, asOf: asOf, profile: profile, explain: false)
        let reading = try quota.value() ?? QuotaYearReading(schools: [], teachers: [], attendance: [])
        var standings: [String: QuotaStanding] = [:]
        for t in reading.teachers { standings[t.id] = QuotaStanding() }
        for r in reading.attendance where standings[r.teacherId] != nil {
            standings[r.teacherId]!.add(
                courseId: r.courseId, category: r.category, hours: Hours(tenths: r.tenths),
                status: r.status, result: r.result)
        }
        var out: [Notice] = []
        func add(_ key: NoticeKey, school: String, recipient: String, _ text: (ReportLanguage) -> NoticeText.Text) {
            let route = configuration.route(person: key.person, school: school)
            let t = text(route.language)
            out.append(
                Notice(
                    key: key, school: school, recipient: recipient, channel: route.channel, address: route.address,
                    language: route.language.rawValue, subject: t.subject, body: t.body, asOf: asOf,
                    created: now))
        }
        for t in statuses where t.isActive {
            if let l = t.effectiveLevel {
                let s = t.level(l)
                if let end = s.cycleEnd, let renewal = s.renewalHours, renewal < s.renewalRequired,
                    let window = rules.expiryWindow(daysLeft: asOf.days(to: end))
                {
                    add(
                        NoticeKey(person: t.teacherId, kind: "expiry", window: "\(l.rawValue)/\(end)/\(window)"),
                        school: t.schoolId, recipient: t.name
                    ) { lang in
                        NoticeText.expiry(
                            name: t.name, level: l, end: end, daysLeft: asOf.days(to: end), renewal: renewal,
                            required: s.renewalRequired, lang)
                    }
                }
            }
            if t.isLapsed, let h = t.highestAwarded {
                let s = t.level(h)
                if let on = s.countsFrom, on <= asOf, on.days(to: asOf) <= rules.lapsedWithinDays {
                    let rule = profile.rule(for: h)
                    add(
                        NoticeKey(person: t.teacherId, kind: "lapsed", window: "\(h.rawValue)/\(on)"),
                        school: t.schoolId, recipient: t.name
                    ) { lang in
                        NoticeText.lapsed(
                            name: t.name, level: h, on: on, trackHours: s.trackHours, required: rule.hours,
                            passRequired: rule.passRequired, passed: s.passed, lang)
                    }
                }
            }
            if let check, let st = standings[t.teacherId] {
                let missing = st.missing(quotaRules)
                if !missing.meetsAll {
                    let key = NoticeKey(
                        person: t.teacherId, kind: "behind",
                        window: "\(year)/\(ReminderRules.MonthDay(month: check.month, day: check.day)!)")
                    add(key, school: t.schoolId, recipient: t.name) { lang in
                        NoticeText.behind(
                            name: t.name, year: year, asOf: asOf, hours: HoursStatistics.categoryHours(st),
                            total: st.total, sessions: st.sessions, missing: missing, lang)
                    }
                }
            }
        }
        out += try digests(
            in: store, asOf: asOf, year: year, statuses: statuses,
            standings: check == nil ? nil : standings, now: now)
        return out.sorted { ($0.key.kind, $0.key.person, $0.key.window) < ($1.key.kind, $1.key.person, $1.key.window) }
    }

    /// The week's digests, one per school with active teachers (see the type's comment for who gets them).
    func digests(
        in store: any XinyuStore, asOf: Day, year: SchoolYear, statuses: [TeacherCertStatus],
        standings: [String: QuotaStanding]?, now: Date
    ) throws -> [Notice] {
        let week = Self.isoWeek(asOf)
        var admins: [String: [StoredAccount]] = [:]
        for a in try store.accounts() where a.role == .schoolAdmin && !a.disabled {
            if let s = a.school { admins[s, default: []].append(a) }
        }
        var bySchool: [String: [TeacherCertStatus]] = [:]
        for t in statuses where t.isActive { bySchool[t.schoolId, default: []].append(t) }
        var awaiting: [String: [NoticeText.DigestAwaiting]] = [:]
        for (key, records) in Dictionary(
            grouping: try store.recordEntries(RecordFilter(states: [.submitted])), by: { [$0.schoolId, $0.courseId] })
        {
            let first = records[0]
            awaiting[key[0], default: []].append(
                .init(
                    course: key[1], title: first.courseTitle, date: records.map(\.date).min()!, records: records.count,
                    teacher: records.count == 1 ? first.teacherName : nil))
        }
        var out: [Notice] = []
        for school in try store.schoolSummaries() {
            guard let teachers = bySchool[school.id], !teachers.isEmpty else { continue }
            let waiting = (awaiting[school.id] ?? []).sorted { ($0.date, $0.course) < ($1.date, $1.course) }
            var expiring: [NoticeText.DigestExpiring] = []
            var behind: [NoticeText.DigestBehind] = []
            for t in teachers {
                if t.isExpiring, let l = t.effectiveLevel {
                    let s = t.level(l)
                    if let end = s.cycleEnd {
                        expiring.append(
                            .init(
                                name: t.name, level: l, end: end,
                                short: s.renewalRequired - (s.renewalHours ?? .zero)))
                    }
                }
                if let st = standings?[t.teacherId] {
                    let m = st.missing(quotaRules)
                    if !m.meetsAll { behind.append(.init(name: t.name, total: st.total, missing: m)) }
                }
            }
            expiring.sort { ($0.end, $0.name) < ($1.end, $1.name) }
            let mailed = (admins[school.id] ?? []).filter { configuration.people[$0.name]?.email != nil }
            let readers =
                mailed.isEmpty
                ? [(person: "school:\(school.id)", name: school.name)]
                : mailed.map { (person: $0.name, name: $0.name) }
            for reader in readers {
                let route = configuration.route(person: reader.person, school: school.id)
                let text = NoticeText.digest(
                    school: school.name, asOf: asOf, year: year, expiring: expiring,
                    behind: standings == nil ? nil : behind,
                    teachers: teachers.count, awaiting: waiting, route.language)
                out.append(
                    Notice(
                        key: NoticeKey(person: reader.person, kind: "digest", window: week), school: school.id,
                        recipient: reader.name, channel: route.channel, address: route.address,
                        language: route.language.rawValue, subject: text.subject, body: text.body, asOf: asOf,
                        created: now))
            }
        }
        return out
    }

    /// The ISO 8601 week of a day, `2026-W10` (weeks start on Monday; week 1 holds the year's first Thursday).
    static func isoWeek(_ d: Day) -> String {
        let thursday = d.adding(days: 4 - d.weekday)
        let jan1 = Day(year: thursday.year, month: 1, day: 1)!
        let week = jan1.days(to: thursday) / 7 + 1
        return "\(thursday.year)-W" + (week < 10 ? "0" : "") + "\(week)"
    }
}
