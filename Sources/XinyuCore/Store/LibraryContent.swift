/// What one save of a library item writes (issue #19): its indexed fields and its whole content.
///
/// The store keeps ``body`` as given (the curriculum's JSON of the plan) and indexes ``title``, ``titleEn``,
/// ``objectives`` and ``steps`` for search.
public struct LibraryContent: Sendable, Hashable, Codable {
    public var id: String
    public var kind: LibraryKind
    /// A lesson's band (`low` … `senior`); nil for activities.
    public var band: String?
    /// A lesson's theme; nil for activities.
    public var theme: String?
    public var title: String
    public var titleEn: String
    /// The objectives as one text (searched).
    public var objectives: String
    /// Warm-up, main activity and closing (or an activity's description) as one text (searched).
    public var steps: String
    /// The whole content as JSON text.
    public var body: String

    public init(
        id: String, kind: LibraryKind, band: String?, theme: String?, title: String, titleEn: String,
        objectives: String, steps: String, body: String
    ) {
        self.id = id
        self.kind = kind
        self.band = band
        self.theme = theme
        self.title = title
        self.titleEn = titleEn
        self.objectives = objectives
        self.steps = steps
        self.body = body
    }

    /// The text a substring search looks in, lower-cased: title, English title, objectives and steps.
    public var searchText: String {
        [title, titleEn, objectives, steps].joined(separator: "\n").lowercased()
    }
}
