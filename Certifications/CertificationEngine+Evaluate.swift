import XinyuCore

extension CertificationEngine {
    /// Follows an award's cycles up to `asOf`: the first end is `expires`, else issued + validity years; a cycle
    /// whose renewal hours (track A, B, C or cpd, dated in [start, end)) reach the level's renewal hours is followed
    /// by [end, end + validity years).
    static func state(of award: Award, asOf: Day, rule: RuleProfile.LevelRule, entries: [TeacherHistory.Entry]) -> AwardState {
        func renewal(_ start: Day, _ end: Day) -> Int {
            var sum = 0
            for e in entries {
                guard e.date >= start, e.date < end, e.track != .none else { continue }
                sum += e.tenths
            }
            return sum
        }
        var start = award.issued
        var end = award.expires ?? award.issued.adding(years: rule.validityYears)
        while end <= asOf {
            let h = renewal(start, end)
            if h >= rule.renewalHours.tenths {
                start = end
                end = end.adding(years: rule.validityYears)
            } else {
                return AwardState(award: award, valid: false, cycleStart: start, cycleEnd: end, renewalTenths: h, expiring: false)
            }
        }
        let h = renewal(start, end)
        let expiring = asOf.days(to: end) <= rule.warningDays && h < rule.renewalHours.tenths
        return AwardState(award: award, valid: true, cycleStart: start, cycleEnd: end, renewalTenths: h, expiring: expiring)
    }

    /// Every level's status for one teacher (RULES.md "Exact meanings"). With `explain` false the reasons are left
    /// empty (counts need only the flags; the words are most of the work).
    static func evaluate(
        teacher: Teacher, history: TeacherHistory, asOf: Day, profile: RuleProfile,
        explain: Bool = true
    ) -> TeacherCertStatus {
        let awards = history.awards.filter { $0.issued <= asOf }
        var states: [Level: [AwardState]] = [:]
        var first: [Level: Day] = [:]
        for a in awards {
            states[a.level, default: []].append(
                state(of: a, asOf: asOf, rule: profile.rule(for: a.level), entries: history.entries))
            if first[a.level].map({ a.issued < $0 }) ?? true { first[a.level] = a.issued }
        }
        var certified: [Level: Bool] = [:]
        for l in Level.allCases { certified[l] = states[l]?.contains { $0.valid } ?? false }

        var levels: [LevelStatus] = []
        for l in Level.allCases {
            let rule = profile.rule(for: l)
            let st = states[l] ?? []
            let valid = st.filter(\.valid)
            let isCertified = !valid.isEmpty
            // The valid award that lasts best: not expiring first, then latest end.
            let best = valid.max { a, b in
                (a.expiring ? 0 : 1, a.cycleEnd) < (b.expiring ? 0 : 1, b.cycleEnd)
            }
            let lapsed = !st.isEmpty && !isCertified
            let countsFrom = lapsed ? st.map(\.cycleEnd).max() : nil
            var tenths = 0
            var passed = false
            for e in history.entries where e.track.level == l {
                if let from = countsFrom {
                    guard e.date >= from else { continue }
                }
                tenths += e.tenths
                if e.pass { passed = true }
            }
            var shortfalls: [String] = []
            var prereqOK = true
            if let p = rule.prerequisite {
                if certified[p.level] != true {
                    prereqOK = false
                    if explain { shortfalls.append("needs \(p.level.rawValue) certified") }
                } else if let f = first[p.level], f.adding(years: p.years) > asOf {
                    prereqOK = false
                    if explain {
                        shortfalls.append(
                            "\(p.level.rawValue) held since \(f), needs \(p.years) year\(p.years == 1 ? "" : "s")"
                                + " (\(f.adding(years: p.years)))"
                        )
                    }
                }
            }
            let hoursOK = tenths >= rule.hours.tenths
            let passOK = !rule.passRequired || passed
            var practiceOK = true
            if let pr = rule.practice {
                if history.counselingTenths <= pr.counselingHoursAbove.tenths {
                    practiceOK = false
                    if explain {
                        shortfalls.append(
                            "counseling \(Hours(tenths: history.counselingTenths)) of >\(pr.counselingHoursAbove) h")
                    }
                }
                if history.lessonPeriods <= pr.lessonPeriodsAbove {
                    practiceOK = false
                    if explain { shortfalls.append("lessons \(history.lessonPeriods) of >\(pr.lessonPeriodsAbove) periods") }
                }
            }
            let eligible = !isCertified && prereqOK && hoursOK && passOK && practiceOK
            let inTraining = !isCertified && !eligible && tenths > 0
            let expiring = best?.expiring ?? false
            let status: CertStatus =
                isCertified
                ? (expiring ? .expiring : .certified)
                : eligible ? .eligible : lapsed ? .lapsed : inTraining ? .inTraining : .none
            let reason =
                explain
                ? self.reason(
                    level: l, status: status, rule: rule, tenths: tenths, passed: passed, best: best,
                    countsFrom: countsFrom, shortfalls: shortfalls, asOf: asOf) : ""
            levels.append(
                LevelStatus(
                    level: l, status: status, reason: reason, certified: isCertified, expiring: expiring, eligible: eligible,
                    lapsed: lapsed, inTraining: inTraining, trackHours: Hours(tenths: tenths), requiredHours: rule.hours,
                    passed: passed, countsFrom: countsFrom, firstAwarded: first[l], cycleStart: best?.cycleStart,
                    cycleEnd: best?.cycleEnd, renewalHours: best.map { Hours(tenths: $0.renewalTenths) },
                    renewalRequired: rule.renewalHours, awards: st.count))
        }
        let effective = Level.allCases.filter { certified[$0] == true }.max()
        let highest = awards.map(\.level).max()
        let required = profile.requiredLevel(for: teacher.role)
        return TeacherCertStatus(
            teacherId: teacher.id, name: teacher.name, schoolId: teacher.schoolId, role: teacher.role,
            teacherStatus: teacher.status, effectiveLevel: effective, highestAwarded: highest, requiredLevel: required,
            meetsRoleRequirement: teacher.status == .active && (effective.map { $0 >= required } ?? false),
            levels: levels)
    }

    /// A level's status in words, e.g. "B: 54.0 of 90.0 h, no pass yet".
    private static func reason(
        level l: Level, status: CertStatus, rule: RuleProfile.LevelRule, tenths: Int, passed: Bool,
        best: AwardState?, countsFrom: Day?, shortfalls: [String], asOf: Day
    ) -> String {
        let expiring = status == .expiring
        let hoursText =
            "\(Hours(tenths: tenths)) of \(rule.hours) h" + (rule.passRequired ? (passed ? ", passed" : ", no pass yet") : "")
        var reason = "\(l.rawValue): "
        switch status {
        case .certified, .expiring:
            let b = best!
            reason +=
                (expiring ? "expiring \(b.cycleEnd) (in \(asOf.days(to: b.cycleEnd)) days)" : "certified until \(b.cycleEnd)")
                + ", renewal \(Hours(tenths: b.renewalTenths)) of \(rule.renewalHours) h"
        case .eligible:
            reason += "eligible, " + hoursText + (rule.practice != nil ? ", practice met" : "")
        case .lapsed, .inTraining, .none:
            if let from = countsFrom { reason += "lapsed \(from); since then " }
            reason += ([hoursText] + shortfalls).joined(separator: ", ")
        }
        return reason
    }
}
