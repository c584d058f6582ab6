import XinyuCore

/// One row of `xinyu lessons list` and `GET /api/v1/lessons`: a bundled or stored lesson plan or activity.
public struct LibraryEntry: Sendable, Codable, Hashable {
    public var id: String
    public var kind: LibraryKind
    public var source: LibrarySource
    /// The owning school (credited in the district library when approved); nil for bundled and district items.
    public var school: String?
    /// `active` for bundled items.
    public var state: LibraryState
    /// Why the district returned it.
    public var reason: String?
    /// 0 for bundled items (they have no stored versions).
    public var version: Int
    public var band: String?
    public var theme: String?
    public var title: String
    public var titleEn: String
    /// Whether every school sees it (bundled, district, approved).
    public var shared: Bool

    init(bundled l: LessonPlan) {
        self.init(
            id: l.id, kind: .lesson, source: .bundled, school: nil, state: .active, reason: nil, version: 0,
            band: l.band.rawValue, theme: l.theme.rawValue, title: l.title, titleEn: l.titleEn, shared: true)
    }

    init(bundled a: GroupActivity) {
        self.init(
            id: a.id, kind: .activity, source: .bundled, school: nil, state: .active, reason: nil, version: 0, band: nil,
            theme: nil, title: a.name, titleEn: a.nameEn, shared: true)
    }

    /// The row of a stored item.
    public init(stored i: LibraryItem) {
        self.init(
            id: i.id, kind: i.kind, source: i.source, school: i.school, state: i.state, reason: i.reason,
            version: i.version, band: i.band, theme: i.theme, title: i.title, titleEn: i.titleEn,
            shared: i.isInDistrictLibrary)
    }

    init(
        id: String, kind: LibraryKind, source: LibrarySource, school: String?, state: LibraryState, reason: String?,
        version: Int, band: String?, theme: String?, title: String, titleEn: String, shared: Bool
    ) {
        self.id = id
        self.kind = kind
        self.source = source
        self.school = school
        self.state = state
        self.reason = reason
        self.version = version
        self.band = band
        self.theme = theme
        self.title = title
        self.titleEn = titleEn
        self.shared = shared
    }
}
