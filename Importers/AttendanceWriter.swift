import Foundation
import GRDB
import GRDBSQLite

/// Runs the attendance fast path's upserts on a second thread, so that parsing the next records and writing the
/// last ones overlap (a large feed is mostly attendance; libxml2 and SQLite each take about half of its time).
///
/// The reader thread validates a record completely (ids, values, known teacher and course) and then only copies
/// its fields into the current ``Batch``; full batches go to the writer thread, which binds them to the prepared
/// upsert on the same connection, inside the feed's transaction.
///
/// The connection is never used by both threads at once: ``ImportSession`` calls ``flush()`` before any other
/// statement (a lookup, another upsert, the commit), and ``stop()`` before the transaction ends on every path.
/// At most two batches wait, so memory stays bounded. The first SQLite error stops the writer and is rethrown to
/// the reader by the next ``submit(_:)`` or ``flush()``; the transaction then rolls back as a whole.
final class AttendanceWriter: @unchecked Sendable {
    /// Attendance records packed for the writer: per record the teacher and course ids (length-prefixed), the
    /// date (10 bytes), the tenths (4 bytes, little-endian), and the status and result codes.
    struct Batch {
        var bytes: [UInt8] = []
        var count = 0
        static let capacity = 4096

        init() { bytes.reserveCapacity(Batch.capacity * 48) }

        mutating func append(teacher: UnsafeBufferPointer<UInt8>, course: UnsafeBufferPointer<UInt8>, date: UnsafePointer<UInt8>,
                             tenths: Int, status: UInt8, result: UInt8) {
            appendID(teacher)
            appendID(course)
            bytes.append(contentsOf: UnsafeBufferPointer(start: date, count: 10))
            withUnsafeBytes(of: UInt32(tenths).littleEndian) { bytes.append(contentsOf: $0) }
            bytes.append(status)
            bytes.append(result)
            count += 1
        }

        /// An identifier is 1–64 bytes (checked before), so its length fits the one-byte prefix.
        private mutating func appendID(_ id: UnsafeBufferPointer<UInt8>) {
            bytes.append(UInt8(id.count))
            bytes.append(contentsOf: id)
        }
    }

    /// The codes a batch stores for `status` and `result`.
    static let statuses: [StaticString] = ["completed", "partial", "absent", "withdrawn"]
    static let results: [StaticString] = ["none", "pass", "fail"]

    private let statement: OpaquePointer
    private let connection: OpaquePointer
    private let condition = NSCondition()
    private var queue: [Batch] = []
    private var busy = false
    private var stopping = false
    private var failure: DatabaseError?
    private let finished = DispatchSemaphore(value: 0)

    /// Starts the writer thread for `statement` (the prepared attendance upsert) of `connection`.
    init(statement: OpaquePointer, connection: OpaquePointer) {
        self.statement = statement
        self.connection = connection
        let thread = Thread { [self] in run() }
        thread.name = "xinyu-attendance-writer"
        thread.start()
    }

    /// Queues a full batch; waits while two are already waiting. Rethrows the writer's error, if any.
    func submit(_ batch: Batch) throws {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= 2 && failure == nil { condition.wait() }
        if let failure { throw failure }
        queue.append(batch)
        condition.broadcast()
    }

    /// Waits until every queued batch is written. Rethrows the writer's error, if any.
    func flush() throws {
        condition.lock()
        defer { condition.unlock() }
        while (!queue.isEmpty || busy) && failure == nil { condition.wait() }
        if let failure { throw failure }
    }

    /// Drops what is still queued, lets the batch in progress end and waits for the thread to exit.
    func stop() {
        condition.lock()
        stopping = true
        queue.removeAll()
        condition.broadcast()
        condition.unlock()
        finished.wait()
    }

    private func run() {
        defer { finished.signal() }
        while true {
            condition.lock()
            while queue.isEmpty && !stopping { condition.wait() }
            if stopping { condition.unlock(); return }
            let batch = queue.removeFirst()
            busy = true
            condition.unlock()
            let error = write(batch)
            condition.lock()
            busy = false
            if let error { failure = error; queue.removeAll() }
            condition.broadcast()
            condition.unlock()
        }
    }

    private func write(_ batch: Batch) -> DatabaseError? {
        let s = statement
        // The reader thread may have run the same statement through GRDB since the last batch: a statement that
        // is not reset refuses new bindings.
        sqlite3_reset(s)
        return batch.bytes.withUnsafeBufferPointer { buffer -> DatabaseError? in
            guard let base = UnsafeRawPointer(buffer.baseAddress) else { return nil }
            var p = base
            for _ in 0..<batch.count {
                let tn = Int(p.load(as: UInt8.self))
                let teacher = p + 1
                let cn = Int((teacher + tn).load(as: UInt8.self))
                let course = teacher + tn + 1
                let date = course + cn
                let tenths = UInt32(littleEndian: (date + 10).loadUnaligned(as: UInt32.self))
                let status = Int((date + 14).load(as: UInt8.self)), result = Int((date + 15).load(as: UInt8.self))
                p = date + 16
                var bound = sqlite3_bind_text(s, 1, teacher.assumingMemoryBound(to: CChar.self), Int32(tn), nil)
                bound |= sqlite3_bind_text(s, 2, course.assumingMemoryBound(to: CChar.self), Int32(cn), nil)
                bound |= sqlite3_bind_int64(s, 3, Int64(tenths))
                bound |= AttendanceWriter.statuses[status].withUTF8Buffer { b in
                    b.withMemoryRebound(to: CChar.self) { sqlite3_bind_text(s, 4, $0.baseAddress, Int32($0.count), nil) }
                }
                bound |= AttendanceWriter.results[result].withUTF8Buffer { b in
                    b.withMemoryRebound(to: CChar.self) { sqlite3_bind_text(s, 5, $0.baseAddress, Int32($0.count), nil) }
                }
                bound |= sqlite3_bind_text(s, 6, date.assumingMemoryBound(to: CChar.self), 10, nil)
                guard bound == SQLITE_OK else {
                    return DatabaseError(resultCode: .SQLITE_MISUSE, message: "attendance upsert: " + String(cString: sqlite3_errmsg(connection)))
                }
                let code = sqlite3_step(s)
                sqlite3_reset(s)
                guard code == SQLITE_DONE else {
                    return DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)))
                }
            }
            return nil
        }
    }
}
