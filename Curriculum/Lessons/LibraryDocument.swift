import Foundation
import XinyuCore

/// A library item's content at one version, as `xinyu lessons show` and `GET /api/v1/lessons/{id}` give it.
public struct LibraryDocument: Sendable, Codable, Hashable {
    public var entry: LibraryEntry
    /// The version shown (0 for bundled items).
    public var version: Int
    public var lesson: LessonPlan?
    public var activity: GroupActivity?
}
