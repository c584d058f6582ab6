import XinyuCore

/// What validation needs to know about a course.
struct CourseInfo {
    var hours: Int
    var end: Day
    var endText: String
}
