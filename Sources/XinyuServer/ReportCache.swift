import Foundation

/// Encoded report bytes per ``ReportKey``, computed once and reused until an import
/// invalidates everything. Concurrent requests for the same missing key compute it once.
/// At most ``capacity`` keys are kept (oldest dropped first), so a client walking through dates cannot grow it forever.
public actor ReportCache {
    public let capacity: Int
    private var entries: [ReportKey: Data] = [:]
    private var order: [ReportKey] = []
    private var inFlight: [ReportKey: Task<Data, any Error>] = [:]
    private var generation = 0
    /// The store's data version the entries were computed from (see `ReportStore.dataVersion()`).
    private var version: String?
    /// How many times a value was computed (not served from the cache); for tests and benchmarks.
    public private(set) var computations = 0

    public init(capacity: Int = 256) { self.capacity = max(1, capacity) }

    /// The cached JSON for `key`, or computes, stores and returns it. A `version` other than the one the entries were
    /// computed from (an import or schedule build by any process, the CLI included) empties the cache first.
    public func value(for key: ReportKey, version: String, compute: @escaping @Sendable () async throws -> Data) async throws
        -> Data
    {
        if version != self.version {
            if self.version != nil { invalidate() }
            self.version = version
        }
        if let hit = entries[key] { return hit }
        if let task = inFlight[key] { return try await task.value }
        let gen = generation
        computations += 1
        let task = Task.detached { try await compute() }
        inFlight[key] = task
        defer { if generation == gen { inFlight[key] = nil } }
        let data = try await task.value
        if generation == gen, entries[key] == nil {
            if entries.count >= capacity, !order.isEmpty { entries[order.removeFirst()] = nil }
            entries[key] = data
            order.append(key)
        }
        return data
    }

    /// Forgets everything (after an import changed the store).
    public func invalidate() {
        entries.removeAll()
        order.removeAll()
        inFlight.removeAll()
        generation += 1
    }
}
