import Foundation

/// One notice of the outbox (table `notice`): to whom, about what, by which channel, its text as sent, and its
/// delivery state (issue #16).
public struct Notice: Sendable, Hashable {
    /// The store's number; nil before it is stored.
    public var id: Int64?
    public var key: NoticeKey
    /// The school it concerns, when one.
    public var school: String?
    /// The reader's name as shown (a teacher's name, an account name, a school's name).
    public var recipient: String
    public var channel: NoticeChannel
    /// For e-mail the address; for robots and the CSV outbox the school id whose configured robot or outbox
    /// receives it (webhook addresses and secrets stay in the notify file, never in the store).
    public var address: String
    /// `zh` or `en`: the language the text is in.
    public var language: String
    public var subject: String
    /// The message, plain text that reads as Markdown too.
    public var body: String
    /// The date the reminder was computed for.
    public var asOf: Day
    public var created: Date
    public var state: NoticeState
    /// Delivery attempts made so far.
    public var attempts: Int
    /// The last failure's words.
    public var lastError: String?
    /// When it may be tried next (pending and failed notices); nil once sent or given up.
    public var nextAttempt: Date?
    /// When it was sent.
    public var sent: Date?

    /// A notice; the store queues new ones `pending`, due at their creation.
    public init(
        id: Int64? = nil, key: NoticeKey, school: String?, recipient: String, channel: NoticeChannel,
        address: String, language: String, subject: String, body: String, asOf: Day, created: Date,
        state: NoticeState = .pending, attempts: Int = 0, lastError: String? = nil, nextAttempt: Date? = nil,
        sent: Date? = nil
    ) {
        self.id = id
        self.key = key
        self.school = school
        self.recipient = recipient
        self.channel = channel
        self.address = address
        self.language = language
        self.subject = subject
        self.body = body
        self.asOf = asOf
        self.created = created
        self.state = state
        self.attempts = attempts
        self.lastError = lastError
        self.nextAttempt = nextAttempt
        self.sent = sent
    }
}
