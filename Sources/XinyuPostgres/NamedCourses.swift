import XinyuCore

/// The course ids a feed's attendance records have named so far, by their bytes: ``UnnestArrays`` makes a `String`
/// (for the reference check at the commit, ``FeedReferenceKeys``) only of a course no earlier batch of the feed
/// named. A district's feed names each of its 16,500 courses in hundreds of its 600 batches; making and hashing
/// those strings batch after batch was a tenth of the packing's CPU time.
///
/// A class: the feed transaction and its batches' ``UnnestArrays`` share one; one thread at a time uses it.
final class NamedCourses {
    private var seen = ByteKeyMap<Bool>()

    /// Whether no earlier call named `course` (it is remembered for the next ones).
    func isFirst(_ course: UnsafeBufferPointer<UInt8>) -> Bool { seen.findOrInsert(true, for: course) == nil }
}
