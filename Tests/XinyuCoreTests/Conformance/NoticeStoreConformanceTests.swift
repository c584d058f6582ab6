import Foundation
import Testing
import XinyuCore
import XinyuPostgres

/// ``NoticeStore``: the reminders' outbox on every engine: once per key, claims, retries, states.
@Suite struct NoticeStoreConformanceTests {
    let now = Date(timeIntervalSince1970: 1_780_000_000)

    func notice(
        _ person: String, _ kind: String = "expiry", _ window: String = "C/2026-12-31/90",
        channel: NoticeChannel = .email, at offset: TimeInterval = 0
    ) -> Notice {
        Notice(
            key: NoticeKey(person: person, kind: kind, window: window), school: "S1", recipient: "教师\(person)",
            channel: channel, address: channel == .email ? "\(person)@example.cn" : "S1", language: "zh",
            subject: "【心育】\(person)", body: "正文 \(person)\n第二行", asOf: day(2026, 10, 2),
            created: now.addingTimeInterval(offset))
    }

    func audit(_ action: String) -> AuditEntry {
        AuditEntry(at: now, actor: "cli:test", address: nil, action: action, target: "as-of 2026-10-02")
    }

    @Test(arguments: StoreEngine.all)
    func aNoticeIsQueuedOncePerKeyWithItsTextAndTheAuditLine(_ engine: StoreEngine) throws {
        let store = try engine.make()
        let first = [notice("T1"), notice("T2", "behind", "2025-2026/03-01"), notice("T1")]
        var v = try store.dataVersion()
        let added = try store.enqueueNotices(first, audit: audit("remind.queue"))
        #expect(added.map(\.key) == [first[0].key, first[1].key])
        #expect(added.allSatisfy { $0.id != nil && $0.state == .pending && $0.attempts == 0 && $0.nextAttempt == now })
        #expect(try store.dataVersion() != v)
        #expect(try store.auditEntries(since: nil, actor: nil, actions: ["remind.queue"], target: nil).count == 1)
        // Again, with one new key: only that one is added; the stored text is not replaced.
        var changed = notice("T1")
        changed.subject = "changed"
        v = try store.dataVersion()
        let again = try store.enqueueNotices([changed, notice("T3")], audit: audit("remind.queue"))
        #expect(again.map(\.key.person) == ["T3"])
        #expect(try store.enqueueNotices([notice("T3")], audit: audit("remind.queue")).isEmpty)
        #expect(try store.auditEntries(since: nil, actor: nil, actions: ["remind.queue"], target: nil).count == 2)
        let all = try store.notices(state: nil)
        #expect(all.map(\.key.person) == ["T1", "T2", "T3"])
        #expect(all[0].subject == "【心育】T1" && all[0].body == "正文 T1\n第二行" && all[0].asOf == day(2026, 10, 2))
        #expect(all[0].channel == .email && all[0].address == "T1@example.cn" && all[0].school == "S1")
        #expect(
            try store.storedNoticeKeys([first[0].key, NoticeKey(person: "T9", kind: "expiry", window: "x")])
                == [first[0].key])
    }

    @Test(arguments: StoreEngine.all)
    func claimsTakeDueNoticesOnceAndDeliveriesSetTheirState(_ engine: StoreEngine) throws {
        let store = try engine.make()
        _ = try store.enqueueNotices([notice("T1"), notice("T2"), notice("T3", at: 3_600)], audit: nil)
        let lease = now.addingTimeInterval(900)
        let claimed = try store.claimDueNotices(now: now, leaseUntil: lease, maxAttempts: 3, limit: 10)
        #expect(claimed.map(\.key.person) == ["T1", "T2"])  // T3 is due an hour later
        #expect(claimed.allSatisfy { $0.attempts == 1 && $0.nextAttempt == lease })
        #expect(try store.claimDueNotices(now: now, leaseUntil: lease, maxAttempts: 3, limit: 10).isEmpty)
        try store.recordDelivery(id: claimed[0].id!, .sent(at: now.addingTimeInterval(5)))
        let retry = now.addingTimeInterval(600)
        try store.recordDelivery(id: claimed[1].id!, .failed(error: "sendmail exited with status 75", retryAt: retry))
        #expect(try store.notices(state: .sent).map(\.key.person) == ["T1"])
        let failed = try #require(try store.notices(state: .failed).first)
        #expect(
            failed.key.person == "T2" && failed.attempts == 1 && failed.lastError == "sendmail exited with status 75"
                && failed.nextAttempt == retry)
        // Due again at its retry time (with T3), never the sent one.
        let later = try store.claimDueNotices(
            now: now.addingTimeInterval(3_600), leaseUntil: now.addingTimeInterval(4_500),
            maxAttempts: 3, limit: 10)
        #expect(later.map(\.key.person) == ["T2", "T3"])
        #expect(later[0].attempts == 2)
        // A late failure report never turns a sent notice back.
        try store.recordDelivery(id: claimed[0].id!, .failed(error: "late", retryAt: nil))
        #expect(try store.notices(state: .sent).first?.sent == now.addingTimeInterval(5))
    }

    @Test(arguments: StoreEngine.all)
    func attemptsRunOutAndTheLimitIsKept(_ engine: StoreEngine) throws {
        let store = try engine.make()
        _ = try store.enqueueNotices((1...5).map { notice("T\($0)") }, audit: nil)
        let first = try store.claimDueNotices(now: now, leaseUntil: now, maxAttempts: 2, limit: 2)
        #expect(first.map(\.key.person) == ["T1", "T2"])
        for n in first { try store.recordDelivery(id: n.id!, .failed(error: "down", retryAt: now)) }
        let second = try store.claimDueNotices(now: now, leaseUntil: now, maxAttempts: 2, limit: 10)
        #expect(second.map(\.key.person) == ["T1", "T2", "T3", "T4", "T5"])
        for n in second { try store.recordDelivery(id: n.id!, .failed(error: "down", retryAt: now)) }
        // T1 and T2 have had their 2 attempts: no more.
        let third = try store.claimDueNotices(now: now, leaseUntil: now, maxAttempts: 2, limit: 10)
        #expect(third.map(\.key.person) == ["T3", "T4", "T5"])
        try store.recordDelivery(id: third[0].id!, .failed(error: "given up", retryAt: nil))
        #expect(try store.notices(state: .failed).first { $0.key.person == "T3" }?.nextAttempt == nil)
    }
}
