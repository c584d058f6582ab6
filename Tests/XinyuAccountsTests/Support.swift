import Foundation
import GRDB
import Synchronization

@testable import XinyuAccounts
@testable import XinyuCore

/// Two schools, each with two teachers, in memory.
func twoSchools() throws -> AppDatabase {
    let db = try AppDatabase.inMemory()
    try db.writer.write { d in
        try School(id: "S1", name: "第一中学", stage: .junior, counselingRoom: true, district: "440106").insert(d)
        try School(id: "S2", name: "第二小学", stage: .primary, counselingRoom: false, district: "440106").insert(d)
        try Teacher(id: "T1", schoolId: "S1", name: "王芳", role: .psychFulltime, hired: nil, status: .active).insert(d)
        try Teacher(id: "T2", schoolId: "S1", name: "李强", role: .classTeacher, hired: nil, status: .active).insert(d)
        try Teacher(id: "T3", schoolId: "S2", name: "陈静", role: .psychParttime, hired: nil, status: .active).insert(d)
    }
    return db
}

/// A clock the test moves.
final class TestClock: Sendable {
    private let current = Mutex(Date(timeIntervalSince1970: 1_790_000_000))
    var now: Date { current.withLock { $0 } }
    func advance(_ seconds: TimeInterval) { current.withLock { $0 += seconds } }
}

/// The accounts of `db` with a cheap bcrypt cost and the test's clock.
func accounts(_ db: AppDatabase, clock: TestClock = TestClock()) -> Accounts {
    Accounts(store: db, bcryptCost: 4, now: { clock.now })
}

let admin = Principal.commandLine(user: "tester")
