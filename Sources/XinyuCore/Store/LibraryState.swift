/// Where a stored lesson-library item stands (issue #19). Retiring is a state: nothing is ever deleted.
///
/// A school's own plan starts `active` (used by that school's schedules), may be `proposed` to the district
/// library, and a district role makes it `approved` (every school then sees it, crediting the school) or
/// `returned` with a reason (the school edits it and proposes again). A district plan is `active` for every
/// school. `retired` plans are kept with their history but no longer listed by default or scheduled.
public enum LibraryState: String, Sendable, Codable, CaseIterable {
    case active, proposed, approved, returned, retired

    /// Whether the owning school (or, for district plans, every school) still uses it.
    public var isInUse: Bool { self != .retired }
}
