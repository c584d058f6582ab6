/// Which stored library items a list returns (issue #19); every filter is optional. Items come ordered by id.
public struct LibraryQuery: Sendable, Hashable {
    public var kind: LibraryKind?
    /// A substring, any case, of the title, English title, objectives or steps (Chinese or English).
    public var text: String?
    public var band: String?
    public var theme: String?
    /// Items owned by this school only.
    public var school: String?
    /// `district`: the district library (its own plans and approved school plans); `school`: schools' own plans;
    /// `bundled`: none (the bundled library is not in the store).
    public var source: LibrarySource?
    /// Items this school may see: its own and the district library's. Nil: every item.
    public var visibleTo: String?
    /// Retired items too (default: not).
    public var includeRetired: Bool
    /// Items in these states only (nil: any).
    public var states: Set<LibraryState>?
    /// Whether each item carries its current version's body (default: yes). Lists need only the summary columns:
    /// with `false` the engine does not read the versions and ``LibraryItem/body`` is empty.
    public var withBody: Bool

    public init(
        kind: LibraryKind? = nil, text: String? = nil, band: String? = nil, theme: String? = nil, school: String? = nil,
        source: LibrarySource? = nil, visibleTo: String? = nil, includeRetired: Bool = false,
        states: Set<LibraryState>? = nil, withBody: Bool = true
    ) {
        self.kind = kind
        self.text = text
        self.band = band
        self.theme = theme
        self.school = school
        self.source = source
        self.visibleTo = visibleTo
        self.includeRetired = includeRetired
        self.states = states
        self.withBody = withBody
    }
}
