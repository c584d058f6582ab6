import XinyuCore

/// The tracks of the courses a feed's own course records give, as the attendance summary packs them (migration
/// v13: 0–3 for A, B, C and cpd, ``uncounted`` for any other track), keyed by the course id's bytes. The later
/// record of a course wins. A course the feed does not give (one stored before it) is not here: the summary of a
/// teacher who attended one is rebuilt by the server at the feed's commit (``PostgresFeedTransaction/finish()``).
///
/// A class: the feed transaction and the batches' ``UnnestArrays`` share one; one thread at a time uses it.
final class CourseTracks {
    private var map = ByteKeyMap<UInt8>()

    /// The code of a track that certification does not count (`none`, or a word RULES.md does not know).
    static let uncounted: UInt8 = 255

    /// The code of the track spelt by `bytes`.
    static func code(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
        switch String(decoding: bytes, as: UTF8.self) {
        case Track.A.rawValue: 0
        case Track.B.rawValue: 1
        case Track.C.rawValue: 2
        case Track.cpd.rawValue: 3
        default: uncounted
        }
    }

    /// How many courses are known.
    var count: Int { map.count }

    /// The code of the course's track, or nil for a course the feed has not given.
    func code(course: UnsafeBufferPointer<UInt8>) -> UInt8? { map.find(course) }

    /// Records a course record's track (`nil`: a record without one, which certification does not count).
    func learn(course: UnsafeBufferPointer<UInt8>, track: UnsafeBufferPointer<UInt8>?) {
        map.insert(track.map(Self.code) ?? Self.uncounted, for: course)
    }
}
