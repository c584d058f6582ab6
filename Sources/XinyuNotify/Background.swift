import Foundation

/// A piece of blocking work started on a thread of its own at once; ``value()`` waits for its result.
final class Background<T: Sendable>: @unchecked Sendable {
    private var result: Result<T, any Error>?
    private let done = DispatchSemaphore(value: 0)

    /// Starts `work`.
    init(_ work: @escaping @Sendable () throws -> T) {
        Thread.detachNewThread { [self] in
            result = Result { try work() }  // written before the signal, read after the wait
            done.signal()
        }
    }

    /// Waits for the work and returns what it returned, or throws what it threw.
    func value() throws -> T {
        done.wait()
        done.signal()  // a second call returns at once
        return try result!.get()
    }
}
