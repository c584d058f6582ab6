import Foundation
import ZIPFoundation

/// The uncompressed bytes of one zip entry, read on demand: ZIPFoundation inflates the entry on a thread of its
/// own and hands over chunks through a queue of at most four, so the reader (libxml2) pulls while the entry is
/// inflated and memory stays flat however long the entry is. Past `limit` uncompressed bytes (a zip bomb) the
/// stream fails.
final class ZipEntryStream: @unchecked Sendable {
    private let archive: Archive
    private let entry: Entry
    private let limit: Int
    private let condition = NSCondition()
    private var chunks: [Data] = []
    private var finished = false
    private var cancelled = false
    private(set) var failure: String?
    private var current = Data()
    private var offset = 0
    private var total = 0
    private let exited = DispatchSemaphore(value: 0)

    private struct Stop: Error {}

    init(archive: Archive, entry: Entry, limit: Int) {
        self.archive = archive
        self.entry = entry
        self.limit = limit
        let thread = Thread { [self] in run() }
        thread.name = "xinyu-zip-entry"
        thread.start()
    }

    deinit { cancel() }

    private func run() {
        defer { exited.signal() }
        do {
            _ = try archive.extract(entry, bufferSize: 1 << 16) { [self] data in
                condition.lock()
                defer { condition.unlock() }
                while chunks.count >= 4 && !cancelled { condition.wait() }
                if cancelled { throw Stop() }
                total += data.count
                if total > limit {
                    failure = "\(entry.path) is larger than \(limit >> 20) MiB uncompressed"
                    throw Stop()
                }
                chunks.append(data)
                condition.broadcast()
            }
        } catch is Stop {
        } catch {
            condition.lock()
            failure = "\(entry.path) cannot be unpacked (\(error))"
            condition.unlock()
        }
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// Copies up to `count` bytes into `buffer`: the number copied, 0 at the end, -1 on a failure.
    func read(into buffer: UnsafeMutableRawPointer, count: Int) -> Int {
        if offset >= current.count {
            condition.lock()
            while chunks.isEmpty && !finished { condition.wait() }
            if chunks.isEmpty {
                condition.unlock()
                return failure == nil ? 0 : -1
            }
            current = chunks.removeFirst()
            offset = 0
            condition.broadcast()
            condition.unlock()
        }
        let n = min(count, current.count - offset)
        current.withUnsafeBytes { src in buffer.copyMemory(from: src.baseAddress! + offset, byteCount: n) }
        offset += n
        return n
    }

    /// Stops the inflating thread (when the reader gives up early) and waits for it.
    func cancel() {
        condition.lock()
        let running = !cancelled
        cancelled = true
        condition.broadcast()
        condition.unlock()
        if running { exited.wait() }
    }
}
