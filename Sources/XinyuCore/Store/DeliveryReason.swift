/// Why a scheduled session was not given (issue #19).
public enum DeliveryReason: String, Sendable, Codable, CaseIterable, Hashable {
    /// 考试: the period went to an exam.
    case exam
    /// 假期: a holiday or a day off not in the term calendar.
    case holiday
    /// 活动: a school event.
    case event
    /// 病假: the teacher was ill.
    case illness
    /// 其他.
    case other
}
