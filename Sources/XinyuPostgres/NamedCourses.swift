import XinyuCore

/// The course ids a feed's attendance records have named so far, by their bytes: ``UnnestArrays`` makes a `String`
/// (for the reference check at the commit, ``FeedReferenceKeys``) only of a course no earlier batch of the feed
/// named. A district's feed names each of its 16,500 courses in hundreds of its 600 batches; making and hashing
/// those strings batch after batch was a tenth of the packing's CPU time.
///
/// A class: the feed transaction and its batches' ``UnnestArrays`` share one; one thread at a time uses it.
final class NamedCourses {
    /// The names seen, moved out while a batch uses them (``take()``, ``keep(_:)``), so that they are not copied.
    private var seen = ByteKeyMap<Bool>()

    /// The names seen so far, for a batch to add to; give them back with ``keep(_:)``.
    func take() -> ByteKeyMap<Bool> {
        defer { seen = ByteKeyMap() }
        return seen
    }

    /// Keeps `names` (what ``take()`` gave, with the batch's new names) for the next batch.
    func keep(_ names: ByteKeyMap<Bool>) { seen = names }
}
