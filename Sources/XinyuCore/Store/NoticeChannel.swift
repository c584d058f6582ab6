/// How a notice reaches its reader (issue #16; configured in the notify file).
public enum NoticeChannel: String, Sendable, Codable, CaseIterable {
    /// An e-mail handed to the system's `sendmail -t -i`.
    case email
    /// A 企业微信 (WeCom) group robot's webhook.
    case wecom
    /// A 钉钉 (DingTalk) group robot's webhook.
    case dingtalk
    /// A line in the school's CSV outbox file.
    case csv
}
