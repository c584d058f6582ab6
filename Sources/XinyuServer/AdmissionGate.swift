import Hummingbird
import Synchronization

/// At most `limit` requests past the gate at once; the others wait their turn, suspended (first come, first
/// served), holding no thread.
///
/// Why: under a flood of requests every one of them is runnable work for the same few threads, and a health check
/// waits behind all of them (p99 of 170 ms at 256 connections on 2 cores). With the gate, only `limit` requests
/// compete for the threads at a time, the rest wait cheaply, and what is exempt from the gate (`/health`) finds
/// a short line.
final class AdmissionGate: Sendable {
    let limit: Int
    private struct State {
        var inside = 0
        var waiting: [CheckedContinuation<Void, Never>] = []
        var head = 0  // index of the first waiter still to resume (a queue without removeFirst's copying)
    }
    private let state = Mutex(State())

    init(limit: Int) { self.limit = max(1, limit) }

    /// Runs `body` once fewer than `limit` others are running it.
    func pass<T>(_ body: () async throws -> T) async rethrows -> T {
        await enter()
        defer { leave() }
        return try await body()
    }

    private func enter() async {
        let admitted = state.withLock { s -> Bool in
            guard s.inside < limit else { return false }
            s.inside += 1
            return true
        }
        if admitted { return }
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            let now = state.withLock { s -> Bool in
                if s.inside < limit {  // a place freed up meanwhile
                    s.inside += 1
                    return true
                }
                s.waiting.append(c)
                return false
            }
            if now { c.resume() }
        }
    }

    private func leave() {
        let next = state.withLock { s -> CheckedContinuation<Void, Never>? in
            guard s.head < s.waiting.count else {
                s.inside -= 1
                s.waiting.removeAll(keepingCapacity: true)
                s.head = 0
                return nil
            }
            let c = s.waiting[s.head]  // the place passes straight to the next in line
            s.head += 1
            if s.head >= 256 && s.head * 2 >= s.waiting.count {  // under a line that never empties, drop the served
                s.waiting.removeFirst(s.head)
                s.head = 0
            }
            return c
        }
        next?.resume()
    }
}

/// Lets read requests (GET, HEAD) through an ``AdmissionGate``, except the paths in `exempt` (the health check),
/// which go straight on. Uploads (POST) do not take a place: a slow upload must not hold one for minutes, and
/// imports have their own lane.
struct AdmissionMiddleware<Context: RequestContext>: RouterMiddleware {
    let gate: AdmissionGate
    let exempt: Set<String>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response
    {
        if exempt.contains(request.uri.path) || (request.method != .get && request.method != .head) {
            return try await next(request, context)
        }
        return try await gate.pass { try await next(request, context) }
    }
}
