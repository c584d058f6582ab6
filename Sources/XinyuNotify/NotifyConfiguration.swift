import Foundation
import XinyuCore

/// Where notices go (issue #16): one YAML file, `xinyu remind --notify FILE` (`notify.example.yaml` beside this
/// file documents every key).
///
/// Who hears a notice, and how (decisions where the issue is silent):
/// - A person listed under `people` (a teacher id, or an account name for a school-admin) with an `email`
///   gets it by e-mail, in their `language` when given.
/// - Anyone else gets it through their school's channel: its WeCom robot, else its DingTalk robot, else its
///   e-mail address, in the school's `language` (one channel per notice, in that order).
/// - A school with none of these keeps its notices in its CSV outbox file (`outboxDirectory/SCHOOL.csv`).
/// Webhook addresses and DingTalk secrets stay in this file: the store keeps only which school's robot a
/// notice went to, so a rotated key applies to every retry.
public struct NotifyConfiguration: Sendable, Hashable {
    /// A group robot: its webhook address and, for DingTalk, the signing secret (加签).
    public struct Robot: Sendable, Hashable {
        public var webhook: String
        public var secret: String?

        /// A robot.
        public init(webhook: String, secret: String? = nil) {
            self.webhook = webhook
            self.secret = secret
        }
    }

    /// A school's channels.
    public struct SchoolChannels: Sendable, Hashable {
        public var email: String?
        public var wecom: Robot?
        public var dingtalk: Robot?
        /// The language of notices through these channels; nil: the file's `language`.
        public var language: ReportLanguage?

        /// Channels.
        public init(email: String? = nil, wecom: Robot? = nil, dingtalk: Robot? = nil, language: ReportLanguage? = nil) {
            self.email = email
            self.wecom = wecom
            self.dingtalk = dingtalk
            self.language = language
        }
    }

    /// A person's own address and language.
    public struct Person: Sendable, Hashable {
        public var email: String?
        public var language: ReportLanguage?

        /// A person.
        public init(email: String? = nil, language: ReportLanguage? = nil) {
            self.email = email
            self.language = language
        }
    }

    /// The `From:` of every e-mail.
    public var sender: String
    /// The sendmail program (`sendmail -t -i` reads the message, recipients from its headers).
    public var sendmailPath: String
    /// Where the CSV outbox files go, one per school.
    public var outboxDirectory: String
    /// The language of notices where nothing else says.
    public var language: ReportLanguage
    /// The longest one HTTP call or one sendmail run may take.
    public var timeoutSeconds: Int
    /// Attempts per notice before it is given up (its state stays `failed`).
    public var maxAttempts: Int
    /// The wait before the second attempt; each later wait doubles, at most 24 hours.
    public var firstDelayMinutes: Int
    /// Channels per school id.
    public var schools: [String: SchoolChannels]
    /// Addresses per teacher id or account name.
    public var people: [String: Person]
    /// The file it came from.
    public var source: String?

    /// A configuration (the defaults are the file's).
    public init(
        sender: String = "xinyu <xinyu@localhost>", sendmailPath: String = "/usr/sbin/sendmail",
        outboxDirectory: String = "outbox", language: ReportLanguage = .zh, timeoutSeconds: Int = 10,
        maxAttempts: Int = 6, firstDelayMinutes: Int = 10, schools: [String: SchoolChannels] = [:],
        people: [String: Person] = [:], source: String? = nil
    ) {
        self.sender = sender
        self.sendmailPath = sendmailPath
        self.outboxDirectory = outboxDirectory
        self.language = language
        self.timeoutSeconds = timeoutSeconds
        self.maxAttempts = maxAttempts
        self.firstDelayMinutes = firstDelayMinutes
        self.schools = schools
        self.people = people
        self.source = source
    }

    /// How a notice to `person` of school `school` travels: the channel, the address the store keeps (an e-mail
    /// address, or the school id whose robot or outbox receives it) and the language.
    public func route(person: String, school: String) -> (channel: NoticeChannel, address: String, language: ReportLanguage) {
        let own = people[person]
        let channels = schools[school]
        let language = own?.language ?? channels?.language ?? self.language
        if let email = own?.email { return (.email, email, language) }
        if channels?.wecom != nil { return (.wecom, school, language) }
        if channels?.dingtalk != nil { return (.dingtalk, school, language) }
        if let email = channels?.email { return (.email, email, language) }
        return (.csv, school, language)
    }

    /// The next attempt after `attempts` failed ones: ``firstDelayMinutes`` doubled per earlier failure, at most
    /// 24 hours; nil when the attempts have run out.
    public func retryAt(afterAttempts attempts: Int, now: Date) -> Date? {
        guard attempts < maxAttempts else { return nil }
        let minutes = min(Double(firstDelayMinutes) * pow(2, Double(max(0, attempts - 1))), 24 * 60)
        return now.addingTimeInterval(minutes * 60)
    }
}
