import NIOCore

/// A `TaskExecutor` that runs a task's jobs on one event loop: the synchronous bridge runs PostgresNIO's
/// async-only calls (`COPY … FROM STDIN`) as a task on the connection's own event loop and waits for it, so the
/// call never needs a thread of Swift's cooperative pool (which the waiting caller may be holding).
final class EventLoopTaskExecutor: TaskExecutor, @unchecked Sendable {
    private let loop: any EventLoop

    init(_ loop: any EventLoop) {
        self.loop = loop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        loop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
