/// School stage, with the grade levels it may hold (FEED-FORMAT.md).
public enum Stage: String, Sendable, Codable, CaseIterable {
    case primary, junior, senior
    case nineYear = "nine-year"
    case complete, special

    public var allowedGrades: ClosedRange<Int> {
        switch self {
        case .primary: 1...6
        case .junior: 7...9
        case .senior: 10...12
        case .nineYear: 1...9
        case .complete: 7...12
        case .special: 1...12
        }
    }
}

/// A teacher's role in mental-health work.
public enum Role: String, Sendable, Codable, CaseIterable {
    case psychFulltime = "psych-fulltime"
    case psychParttime = "psych-parttime"
    case classTeacher = "class-teacher"
    case subjectTeacher = "subject-teacher"
    case leader
}

public enum TeacherStatus: String, Sendable, Codable, CaseIterable { case active, inactive }

/// What a scheduled session is: a class's psychology lesson, or a group-guidance session (团体辅导).
public enum SessionKind: String, Sendable, Codable, CaseIterable { case lesson, group }

/// Certification level; `A` is the highest.
public enum Level: String, Sendable, Codable, CaseIterable, Comparable {
    // swift-format-ignore: AlwaysUseLowerCamelCase
    case C, B, A
    public var rank: Int {
        switch self {
        case .C: 1
        case .B: 2
        case .A: 3
        }
    }
    public static func < (a: Level, b: Level) -> Bool { a.rank < b.rank }
}

/// What a course trains for: a certification track, other mental-health training, or anything else.
public enum Track: String, Sendable, Codable, CaseIterable {
    // swift-format-ignore: AlwaysUseLowerCamelCase
    case A, B, C, cpd, none
    /// The level a certification track trains for (cpd and none train for none).
    public var level: Level? {
        switch self {
        case .A: .A
        case .B: .B
        case .C: .C
        case .cpd, .none: nil
        }
    }
}

/// Continuing-education category of a course.
public enum Category: String, Sendable, Codable, CaseIterable { case `public`, professional, elective }

public enum AttendanceStatus: String, Sendable, Codable, CaseIterable { case completed, partial, absent, withdrawn }

public enum CourseResult: String, Sendable, Codable, CaseIterable { case pass, fail, none }

/// Training tier codes of the national teacher-management system.
public enum Tier: Int, Sendable, Codable, CaseIterable {
    case national = 10
    case provincial = 20
    case municipal = 30
    case county = 40
    case school = 60
    case other = 99
}

/// Training mode codes of the national teacher-management system.
public enum TrainingMode: Int, Sendable, Codable, CaseIterable {
    case longRelease = 1
    case shortFaceToFace = 2
    case online = 3
    case blended = 4
    case other = 9
}
