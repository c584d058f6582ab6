import Foundation

/// A stored lesson-library item (issue #19) with its current version.
public struct LibraryItem: Sendable, Hashable, Codable {
    public var id: String
    public var kind: LibraryKind
    /// The owning school (credited when the district approves it); nil: the district's own.
    public var school: String?
    public var state: LibraryState
    /// Why a district role returned it (state `returned`); nil otherwise.
    public var reason: String?
    /// The current version: 1 for the first save, one more for every save.
    public var version: Int
    public var band: String?
    public var theme: String?
    public var title: String
    public var titleEn: String
    /// The item it was copied from (a bundled or stored id), if any.
    public var copiedFrom: String?
    /// The current version's content (JSON text).
    public var body: String
    /// When it was created.
    public var created: Date
    /// When its content or state last changed.
    public var updated: Date

    public init(
        id: String, kind: LibraryKind, school: String?, state: LibraryState, reason: String?, version: Int,
        band: String?, theme: String?, title: String, titleEn: String, copiedFrom: String?, body: String,
        created: Date, updated: Date
    ) {
        self.id = id
        self.kind = kind
        self.school = school
        self.state = state
        self.reason = reason
        self.version = version
        self.band = band
        self.theme = theme
        self.title = title
        self.titleEn = titleEn
        self.copiedFrom = copiedFrom
        self.body = body
        self.created = created
        self.updated = updated
    }

    /// `district` for the district's own plans, `school` for a school's (approved ones included: the district
    /// library shows them, ``isInDistrictLibrary``).
    public var source: LibrarySource { school == nil ? .district : .school }

    /// Whether every school sees it: the district's own plans in use, and schools' plans the district approved.
    public var isInDistrictLibrary: Bool { school == nil ? state.isInUse : state == .approved }
}
