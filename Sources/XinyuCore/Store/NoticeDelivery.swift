import Foundation

/// The outcome of one delivery attempt of a notice (``NoticeStore/recordDelivery(id:_:)``).
public enum NoticeDelivery: Sendable, Hashable {
    /// The channel took it at this instant.
    case sent(at: Date)
    /// It failed with these words; tried again at `retryAt`, or never (nil: the attempts ran out).
    case failed(error: String, retryAt: Date?)
}
