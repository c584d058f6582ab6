import Foundation

/// One saved version of a library item (append-only: a save never replaces one).
public struct LibraryVersion: Sendable, Hashable, Codable {
    public var id: String
    public var version: Int
    public var saved: Date
    /// Who saved it (an account name or `cli:USER`).
    public var actor: String
    /// The content of this version (JSON text).
    public var body: String

    public init(id: String, version: Int, saved: Date, actor: String, body: String) {
        self.id = id
        self.version = version
        self.saved = saved
        self.actor = actor
        self.body = body
    }
}
