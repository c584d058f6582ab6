import Foundation

/// A value shared between a test and the threads it starts.
final class Locked<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: T

    init(_ value: T) { self.value = value }

    func get() -> T { lock.withLock { value } }

    func set(_ v: T) { lock.withLock { value = v } }
}
