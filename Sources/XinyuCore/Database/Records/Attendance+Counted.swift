extension Attendance {
    /// RULES.md "Counted hours": an attendance record counts its own hours when its status is `completed` or
    /// `partial` and its result is not `fail` (the caller bounds the date). The one definition of the rule.
    public static func counts(status: AttendanceStatus, result: CourseResult) -> Bool {
        (status == .completed || status == .partial) && result != .fail
    }

    /// Whether this record's hours count (date bound aside).
    public var counts: Bool { Attendance.counts(status: status, result: result) }
}
