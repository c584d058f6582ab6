import Synchronization
import Testing

@testable import XinyuServer

/// How many are inside the gate now, the most at once, and how many are done.
private final class Counts: Sendable {
    let value = Mutex((inside: 0, most: 0, done: 0))
}

@Suite struct AdmissionGateTests {
    /// Never more than `limit` inside at once; everyone gets through; places pass on in arrival order.
    @Test func atMostLimitInsideAndEveryoneGetsThrough() async throws {
        let gate = AdmissionGate(limit: 3)
        let counts = Counts()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<40 {
                group.addTask {
                    try await gate.pass {
                        counts.value.withLock {
                            $0.inside += 1
                            $0.most = max($0.most, $0.inside)
                        }
                        try await Task.sleep(for: .milliseconds(2))
                        counts.value.withLock {
                            $0.inside -= 1
                            $0.done += 1
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        let c = counts.value.withLock { $0 }
        #expect(c.done == 40)
        #expect(c.most == 3)
        #expect(c.inside == 0)
    }

    /// A long line (600 waiting behind one place) is served in full while the gate drops the waiters it served.
    @Test func aLongLineIsServedInFull() async throws {
        let gate = AdmissionGate(limit: 1)
        let counts = Counts()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<600 {
                group.addTask {
                    await gate.pass {
                        counts.value.withLock {
                            $0.inside += 1
                            $0.most = max($0.most, $0.inside)
                        }
                        await Task.yield()
                        counts.value.withLock {
                            $0.inside -= 1
                            $0.done += 1
                        }
                    }
                }
            }
        }
        let c = counts.value.withLock { $0 }
        #expect(c.done == 600)
        #expect(c.most == 1)
    }

    /// A body that throws still gives its place back.
    @Test func aThrowingBodyLeavesItsPlace() async throws {
        struct Boom: Error {}
        let gate = AdmissionGate(limit: 1)
        for _ in 0..<3 {
            await #expect(throws: Boom.self) { try await gate.pass { throw Boom() } }
        }
        #expect(await gate.pass { 42 } == 42)
    }
}
