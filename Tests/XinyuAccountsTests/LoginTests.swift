import Foundation
import Testing

@testable import XinyuAccounts
@testable import XinyuCore

@Suite struct LoginTests {
    func setUp() throws -> (Accounts, TestClock, AppDatabase) {
        let db = try twoSchools()
        let clock = TestClock()
        let a = accounts(db, clock: clock)
        try a.addUser(name: "wang", role: .teacher, school: nil, teacher: "T1", by: admin)
        try a.setPassword(name: "wang", password: "密码是八个字符以上", by: admin)
        return (a, clock, db)
    }

    @Test func aRightPasswordOpensASessionThatExpires() throws {
        let (a, clock, db) = try setUp()
        guard case .success(let session, let credential) = try a.logIn(name: "wang", password: "密码是八个字符以上", from: "127.0.0.1")
        else {
            Issue.record("login failed")
            return
        }
        #expect(credential.principal == Principal(name: "wang", role: .teacher, school: "S1", teacher: "T1", via: .session))
        let stored = try db.writer.read { d in try String.fetchAll(d, sql: "SELECT hash FROM session") }
        #expect(stored == [Secrets.sha256(session)])
        #expect(try a.credential(forSessionHash: Secrets.sha256(session))?.principal.name == "wang")
        clock.advance(Accounts.sessionLifetime + 1)
        #expect(try a.credential(forSessionHash: Secrets.sha256(session)) == nil)
    }

    @Test func logoutAndDisablingEndSessions() throws {
        let (a, _, _) = try setUp()
        guard case .success(let one, let c) = try a.logIn(name: "wang", password: "密码是八个字符以上", from: nil),
            case .success(let two, _) = try a.logIn(name: "wang", password: "密码是八个字符以上", from: nil)
        else {
            Issue.record("login failed")
            return
        }
        try a.logOut(session: one, by: c.principal, from: nil)
        #expect(try a.credential(forSessionHash: Secrets.sha256(one)) == nil)
        #expect(try a.credential(forSessionHash: Secrets.sha256(two)) != nil)
        try a.disable(name: "wang", by: admin)
        #expect(try a.credential(forSessionHash: Secrets.sha256(two)) == nil)
        guard case .failed = try a.logIn(name: "wang", password: "密码是八个字符以上", from: nil) else {
            Issue.record("a disabled user logged in")
            return
        }
    }

    @Test func fiveFailuresWithinFifteenMinutesLockTheNameForFifteenMinutes() throws {
        let (a, clock, _) = try setUp()
        for _ in 1...4 {
            guard case .failed = try a.logIn(name: "wang", password: "wrong password", from: "10.1.1.1") else {
                Issue.record("expected a failure")
                return
            }
            clock.advance(200)  // 4 × 200 s: the fifth failure is 800 s after the first, inside 15 minutes
        }
        guard case .locked(let until) = try a.logIn(name: "wang", password: "wrong password", from: "10.1.1.1") else {
            Issue.record("expected the fifth failure to lock")
            return
        }
        #expect(until == clock.now + Accounts.lockDuration)
        clock.advance(600)
        // The right password is refused while locked, and does not extend the lock.
        guard case .locked(let still) = try a.logIn(name: "wang", password: "密码是八个字符以上", from: nil) else {
            Issue.record("expected locked")
            return
        }
        #expect(still == until)
        clock.advance(301)
        guard case .success = try a.logIn(name: "wang", password: "密码是八个字符以上", from: nil) else {
            Issue.record("expected the lock to have ended")
            return
        }
        let actions = try a.audit().map(\.action).filter { $0.hasPrefix("login") }
        #expect(
            actions == [
                "login.failed", "login.failed", "login.failed", "login.failed", "login.failed", "login.locked",
                "login",
            ])
    }

    @Test func failuresSpreadOverMoreThanFifteenMinutesOrBrokenBySuccessDoNotLock() throws {
        let (a, clock, _) = try setUp()
        for _ in 1...6 {
            _ = try a.logIn(name: "wang", password: "nope nope", from: nil)
            clock.advance(301)  // five failures span 20 minutes
        }
        #expect(try a.lockedUntil(name: "wang") == nil)
        clock.advance(3600)
        for i in 1...8 {
            if i == 4 {
                _ = try a.logIn(name: "wang", password: "密码是八个字符以上", from: nil)
            } else {
                _ = try a.logIn(name: "wang", password: "nope nope", from: nil)
            }
        }
        #expect(try a.lockedUntil(name: "wang") == nil)  // 3, a success, then 4
        _ = try a.logIn(name: "wang", password: "nope nope", from: nil)
        #expect(try a.lockedUntil(name: "wang") != nil)
    }

    @Test func unknownNamesFailAndLockAlike() throws {
        let (a, _, _) = try setUp()
        for _ in 1...4 {
            guard case .failed = try a.logIn(name: "nobody", password: "whatever1", from: nil) else {
                Issue.record("expected failed")
                return
            }
        }
        guard case .locked = try a.logIn(name: "nobody", password: "whatever1", from: nil) else {
            Issue.record("expected locked")
            return
        }
    }
}
