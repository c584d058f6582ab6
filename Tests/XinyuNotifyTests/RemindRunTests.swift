import Foundation
import Synchronization
import Testing
import XinyuCore

@testable import XinyuNotify

/// A run queues what is due once, delivers it, and retries failures with backoff; a dry run writes nothing.
@Suite struct RemindRunTests {
    /// A clock the test moves.
    final class Clock: Sendable {
        let value: Mutex<Date>
        init(_ d: Date) { value = Mutex(d) }
        var now: Date { value.withLock { $0 } }
        func advance(_ seconds: TimeInterval) { value.withLock { $0 = $0.addingTimeInterval(seconds) } }
    }

    /// A channel that fails while `failing` is set and records every notice it is handed.
    final class Channel: Sendable {
        let state = Mutex<(failing: Bool, handed: [String])>((false, []))
        func deliver(_ notices: [Notice]) -> [(notice: Notice, error: DeliveryError?)] {
            state.withLock { s in
                s.handed += notices.map(\.key.person)
                return notices.map { ($0, s.failing ? DeliveryError("robot answered errcode 45009") : nil) }
            }
        }
        var handed: [String] { state.withLock { $0.handed } }
        func fail(_ on: Bool) { state.withLock { $0.failing = on } }
    }

    func district() throws -> NotifyDistrict {
        let d = try NotifyDistrict()
        try d.teacher("T1", "张三丰")
        try d.teacher("T2", "李四", school: "S2")
        try d.award("T1", .C, issued: day("2022-01-10"), expires: day("2026-12-31"), number: "GD-C-0001")
        return d
    }

    @Test func aSecondRunSendsNothing() async throws {
        let d = try district()
        let clock = Clock(Date(timeIntervalSince1970: 1_780_000_000))
        let channel = Channel()
        let asOf = day("2026-12-01")  // T1 expiring (30-day window), and the week's digests of S1 and S2
        let run = {
            try await Reminders.run(
                store: d.store, planner: d.planner(), asOf: asOf, dryRun: false,
                actor: "cli:test", now: { clock.now }, deliver: channel.deliver)
        }
        let first = try await run()
        let expected = try d.planner().plan(in: d.store, asOf: asOf, now: clock.now).map(\.key)
        #expect(first.found == expected.count && first.queued == expected.count && first.sent == expected.count)
        #expect(first.failed == 0 && first.notices.allSatisfy { $0.state == .sent })
        #expect(first.notices.map { "\($0.kind) \($0.person)" } == ["digest school:S1", "digest school:S2", "expiry T1"])
        #expect(channel.handed.count == expected.count)
        clock.advance(3_600)
        let second = try await run()
        #expect(second.found == expected.count && second.queued == 0 && second.alreadyQueued == expected.count)
        #expect(second.attempted == 0 && second.notices.isEmpty)
        #expect(channel.handed.count == expected.count)
        #expect(try d.store.notices(state: .sent).count == expected.count)
        let audit = try d.store.auditEntries(since: nil, actor: "cli:test", actions: nil, target: nil).map(\.action)
        #expect(audit == ["remind.queue", "remind.deliver"])
    }

    @Test func aFailingChannelIsRetriedWithBackoffUntilItTakesTheNotice() async throws {
        let d = try district()
        let clock = Clock(Date(timeIntervalSince1970: 1_780_000_000))
        let channel = Channel()
        let config = NotifyConfiguration(maxAttempts: 4, firstDelayMinutes: 10)
        let asOf = day("2026-12-01")
        let run = {
            try await Reminders.run(
                store: d.store, planner: d.planner(config), asOf: asOf, dryRun: false,
                actor: "cli:test", now: { clock.now }, deliver: channel.deliver)
        }
        channel.fail(true)
        let first = try await run()
        #expect(first.failed == first.queued && first.sent == 0 && first.queued > 0)
        let failed = try d.store.notices(state: .failed)
        #expect(failed.count == first.queued)
        #expect(
            failed.allSatisfy {
                $0.attempts == 1 && $0.lastError == "robot answered errcode 45009"
                    && $0.nextAttempt == clock.now.addingTimeInterval(600)
            })
        // Not yet due: nothing is tried.
        clock.advance(599)
        #expect(try await run().attempted == 0)
        // Due after 10 minutes; still failing: the next wait doubles.
        clock.advance(1)
        let second = try await run()
        #expect(second.attempted == first.queued && second.failed == first.queued && second.queued == 0)
        let doubled = clock.now.addingTimeInterval(1_200)
        #expect(try d.store.notices(state: .failed).allSatisfy { $0.attempts == 2 && $0.nextAttempt == doubled })
        // The channel is back: the next due run sends them all, once.
        channel.fail(false)
        clock.advance(1_200)
        let third = try await run()
        #expect(third.sent == first.queued && third.failed == 0)
        #expect(try d.store.notices(state: .sent).allSatisfy { $0.attempts == 3 && $0.lastError == nil })
        clock.advance(86_400)
        #expect(try await run().attempted == 0)
    }

    @Test func attemptsRunOutAndAreNotTriedAgain() async throws {
        let d = try district()
        let clock = Clock(Date(timeIntervalSince1970: 1_780_000_000))
        let channel = Channel()
        channel.fail(true)
        let config = NotifyConfiguration(maxAttempts: 2, firstDelayMinutes: 1)
        let run = {
            try await Reminders.run(
                store: d.store, planner: d.planner(config), asOf: day("2026-12-01"),
                dryRun: false, actor: "cli:test", now: { clock.now }, deliver: channel.deliver)
        }
        let queued = try await run().queued
        clock.advance(60)
        #expect(try await run().attempted == queued)
        clock.advance(86_400)
        #expect(try await run().attempted == 0)
        #expect(try d.store.notices(state: .failed).allSatisfy { $0.attempts == 2 && $0.nextAttempt == nil })
    }

    @Test func aDryRunWritesAndSendsNothing() async throws {
        let d = try district()
        let version = try d.store.dataVersion()
        let channel = Channel()
        let dry = try await Reminders.run(
            store: d.store, planner: d.planner(), asOf: day("2026-12-01"), dryRun: true,
            actor: "cli:test", deliver: channel.deliver)
        #expect(dry.dryRun && dry.queued > 0 && dry.queued == dry.found && dry.attempted == 0 && dry.sent == 0)
        #expect(channel.handed.isEmpty)
        #expect(try d.store.notices(state: nil).isEmpty)
        #expect(try d.store.dataVersion() == version)
    }
}
