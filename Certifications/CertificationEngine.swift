import XinyuCore

/// Certification statuses as of a date, computed from the store and a ``RuleProfile`` (RULES.md).
///
/// Practice toward A counts individual-counseling hours (`counseling`) and psychology periods (`lessonPractice`)
/// dated on or before the date, PLUS delivered scheduled lessons: each `scheduledSession` row of kind `lesson`
/// dated strictly before the date counts one period for its teacher, except on a (teacher, date) that already has
/// a `lessonPractice` row — the feed's record wins, so nothing is counted twice.
///
/// The store reads (``ReportStore/trainingRecord(teacherId:asOf:)``,
/// ``ReportStore/certificationReadings(asOf:school:includeInactive:parts:withSchools:_:)``) take a fixed number of SQL passes (no
/// per-teacher queries); this type computes on what they return.
public enum CertificationEngine {
    /// One teacher's ledger; an unknown id throws `StoreError.unknownTeacher`.
    public static func ledger(teacherId: String, in db: any ReportStore, asOf: Day, profile: RuleProfile) throws -> TeacherLedger
    {
        let record = try db.trainingRecord(teacherId: teacherId, asOf: asOf, counting: profile.countingStates)
        var history = TeacherHistory()
        history.awards = record.awards
        var byTrack: [String: Hours] = Dictionary(uniqueKeysWithValues: Track.allCases.map { ($0.rawValue, Hours.zero) })
        var byCategory: [String: Hours] = Dictionary(
            uniqueKeysWithValues: XinyuCore.Category.allCases.map { ($0.rawValue, Hours.zero) })
        var total = Hours.zero
        for r in record.attendance {
            let h = Hours(tenths: r.tenths)
            byTrack[r.track, default: .zero] += h
            byCategory[r.category, default: .zero] += h
            total += h
            if let t = Track(rawValue: r.track), t != .none, let day = r.date {
                history.entries.append(.init(track: t, date: day, tenths: r.tenths, pass: r.pass))
            }
        }
        history.counselingTenths = record.practice.counseling[teacherId] ?? 0
        let feed = record.practice.feedPeriods[teacherId] ?? 0
        let scheduled = record.practice.scheduledPeriods[teacherId] ?? 0
        history.lessonPeriods = feed + scheduled
        let status = evaluate(teacher: record.teacher, history: history, asOf: asOf, profile: profile)
        var ledger = TeacherLedger(
            asOf: asOf, teacher: record.teacher, profile: profile.name, hoursByTrack: byTrack,
            hoursByCategory: byCategory, totalHours: total,
            counselingHours: Hours(tenths: history.counselingTenths), lessonPeriods: history.lessonPeriods,
            deliveredScheduledPeriods: scheduled, status: status, awards: history.awards)
        ledger.addUncounted(record.uncounted)
        return ledger
    }
}
