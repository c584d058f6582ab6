/// What a lesson-library item is (issue #19): a class's lesson plan (教案) or a group-guidance activity (团体辅导).
public enum LibraryKind: String, Sendable, Codable, CaseIterable {
    case lesson, activity
}
