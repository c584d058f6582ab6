import Foundation

/// The managed lesson library (issue #19): schools' own and the district's lesson plans and group-guidance
/// activities, each with an append-only list of versions. The bundled library is not stored: it stays the
/// read-only base the curriculum reads from its resources.
///
/// An engine must guarantee:
/// - Ids are unique across kinds; every save appends a version (1, 2, …) and never changes an earlier one.
/// - A state change checks the state it starts from and writes no version.
/// - A text query finds any substring (one character and up), Chinese or English, of the title, English title,
///   objectives and steps, ignoring case.
/// - Every write raises ``ReportStore/dataVersion()``; an audit line given with a write commits with it.
public protocol LessonLibraryStore: Sendable {
    /// Stores new items, each at version 1 and `active`, owned by `school` (nil: the district), all or none.
    /// Throws ``LessonLibraryStoreError/duplicateId(_:)`` or ``LessonLibraryStoreError/unknownSchool(_:)``.
    func createLibraryItems(
        _ items: [LibraryContent], school: String?, copiedFrom: String?, actor: String, at: Date, audit: AuditEntry?
    ) throws -> [LibraryItem]

    /// Saves a new version of a stored item (same id and kind). A `returned` item becomes `active` again; a
    /// retired one is refused (``LessonLibraryStoreError/wrongState(id:state:expected:)``).
    func saveLibraryVersion(_ content: LibraryContent, actor: String, at: Date, audit: AuditEntry?) throws -> LibraryItem

    /// Moves an item to `state` (with `reason`, kept while `returned`) when it is in one of `from`.
    func setLibraryState(
        id: String, to state: LibraryState, from: [LibraryState], reason: String?, at: Date, audit: AuditEntry?
    ) throws -> LibraryItem

    /// One stored item, or nil.
    func libraryItem(id: String) throws -> LibraryItem?

    /// Every version of an item, oldest first (empty for an unknown id).
    func libraryVersions(id: String) throws -> [LibraryVersion]

    /// Stored items matching `query`, by id.
    func libraryItems(_ query: LibraryQuery) throws -> [LibraryItem]
}
