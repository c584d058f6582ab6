import Foundation
import XinyuCore

/// The demo's district report: each capability that has landed prints its headline here.
struct DemoReport {
    let store: AppDatabase
    let asOf: Day

    func print() throws {
        let schools = try store.schoolSummaries()
        let classes = schools.reduce(0) { $0 + $1.classes }
        let teachers = schools.reduce(0) { $0 + $1.activeTeachers }
        Swift.print("District: \(schools.count) schools, \(classes) classes, \(teachers) active teachers; \(schools.filter(\.counselingRoom).count) schools with a counseling room")
    }
}
