import Foundation
import Synchronization

/// How often one client address may ask the public verification (`GET /verify/{code}`): a bucket of
/// ``perMinute`` requests that refills evenly over a minute, per address (the peer, or the last
/// `X-Forwarded-For` hop of a local proxy). With codes of 130 random bits nobody can guess one anyway; the limit
/// keeps the page from being used to hammer the store. At most ``capacity`` addresses are remembered (all
/// forgotten when full).
public final class VerifyRateLimiter: Sendable {
    let perMinute: Int
    let capacity: Int
    /// The clock (tests stop it).
    let clock: @Sendable () -> Date
    private let buckets = Mutex<[String: (tokens: Double, at: Date)]>([:])

    public init(perMinute: Int = 30, capacity: Int = 10_000, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.perMinute = perMinute
        self.capacity = capacity
        self.clock = clock
    }

    /// Takes one request from `address`'s bucket now (see ``take(_:now:)``).
    func take(_ address: String) -> Int? { take(address, now: clock()) }

    /// Takes one request from `address`'s bucket: nil when allowed, else the whole seconds to wait.
    func take(_ address: String, now: Date) -> Int? {
        buckets.withLock { b in
            let rate = Double(perMinute) / 60
            var bucket = b[address] ?? (Double(perMinute), now)
            bucket.tokens = min(Double(perMinute), bucket.tokens + max(0, now.timeIntervalSince(bucket.at)) * rate)
            bucket.at = now
            if bucket.tokens >= 1 {
                bucket.tokens -= 1
                if b[address] == nil && b.count >= capacity { b.removeAll() }
                b[address] = bucket
                return nil
            }
            b[address] = bucket
            return max(1, Int(((1 - bucket.tokens) / rate).rounded(.up)))
        }
    }
}
