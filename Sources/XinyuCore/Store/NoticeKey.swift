/// What makes a notice unique: a notice goes out once per (person, kind, window).
public struct NoticeKey: Sendable, Hashable, Codable {
    /// Who hears it: a teacher id, an account name, or `school:ID` for a school's own channel.
    public var person: String
    /// `expiry`, `lapsed`, `behind` or `digest`.
    public var kind: String
    /// Which occasion, e.g. `C/2026-12-31/90` (a cycle end and a window in days), `2025-2026/03-01`, `2026-W10`.
    public var window: String

    /// A key.
    public init(person: String, kind: String, window: String) {
        self.person = person
        self.kind = kind
        self.window = window
    }
}
