/// School stage, with the grade levels it may hold (FEED-FORMAT.md).
public enum Stage: String, Sendable, Codable, CaseIterable {
    case primary, junior, senior, nineYear = "nine-year", complete, special

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
    case psychFulltime = "psych-fulltime", psychParttime = "psych-parttime"
    case classTeacher = "class-teacher", subjectTeacher = "subject-teacher", leader
}

public enum TeacherStatus: String, Sendable, Codable, CaseIterable { case active, inactive }

/// What a scheduled session is: a class's psychology lesson, or a group-guidance session (团体辅导).
public enum SessionKind: String, Sendable, Codable, CaseIterable { case lesson, group }

/// Certification level; `A` is the highest.
public enum Level: String, Sendable, Codable, CaseIterable, Comparable {
    case C, B, A
    public var rank: Int { switch self { case .C: 1; case .B: 2; case .A: 3 } }
    public static func < (a: Level, b: Level) -> Bool { a.rank < b.rank }
}

/// What a course trains for: a certification track, other mental-health training, or anything else.
public enum Track: String, Sendable, Codable, CaseIterable {
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
    case national = 10, provincial = 20, municipal = 30, county = 40, school = 60, other = 99
}

/// Training mode codes of the national teacher-management system.
public enum TrainingMode: Int, Sendable, Codable, CaseIterable {
    case longRelease = 1, shortFaceToFace = 2, online = 3, blended = 4, other = 9
}
