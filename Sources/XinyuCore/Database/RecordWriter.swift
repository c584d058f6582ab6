import Foundation
import GRDB
import GRDBSQLite

/// Writes the records of ``RecordBatch``es (teachers, courses, awards, attendance, counseling and lesson records)
/// on a second thread, so that the importer's parsing of the next records and the writing of the last ones
/// overlap: a large feed is mostly such records, and libxml2 and SQLite each take about half of its time.
///
/// The importer validates a record completely (ids, values, known teacher and course) and then only copies its
/// values into a batch; submitted batches go to the writer thread, which binds them to the prepared upsert of
/// their kind on the feed's connection, inside the feed's transaction.
///
/// The connection is never used by both threads at once: ``SQLiteFeedTransaction`` calls ``flush()`` before any
/// other statement (a lookup, another write, the commit), and ``stop()`` before the transaction ends on every path.
/// At most two batches wait, so memory stays bounded. The first SQLite error stops the writer and is rethrown to
/// the reader by the next ``submit(_:)`` or ``flush()``; the transaction then rolls back as a whole.
final class RecordWriter: @unchecked Sendable {
    /// Per kind: the one-record upsert, and the same upsert of ``rowsPerStatement`` records at once (one multi-row
    /// `VALUES`), which spares SQLite a statement start, a cursor open and a seek from the root per record.
    private let single: [OpaquePointer]
    private let multi: [OpaquePointer]
    /// Records in one multi-row upsert.
    static let rowsPerStatement = 32
    /// Values per record, by ``RecordBatch/Kind`` raw value.
    private static let fields = RecordBatch.Kind.allCases.map { $0.columns.columns.count }
    private let connection: OpaquePointer
    private let condition = NSCondition()
    private var queue: [RecordBatch] = []
    private var busy = false
    private var stopping = false
    private var failure: DatabaseError?
    private let finished = DispatchSemaphore(value: 0)

    /// Starts the writer thread for the prepared upserts of `connection`, indexed by ``RecordBatch/Kind``: `single` for one
    /// record, `multi` for ``rowsPerStatement`` records (the same upsert with that many `VALUES` rows). Within
    /// one multi-row upsert a key given twice is updated by its later row, as one record after the other would.
    init(single: [OpaquePointer], multi: [OpaquePointer], connection: OpaquePointer) {
        self.single = single
        self.multi = multi
        self.connection = connection
        let thread = Thread { [self] in run() }
        thread.name = "xinyu-record-writer"
        thread.start()
    }

    /// Queues a full batch; waits while two are already waiting. Rethrows the writer's error, if any.
    func submit(_ batch: RecordBatch) throws {
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
            if stopping {
                condition.unlock()
                return
            }
            let batch = queue.removeFirst()
            busy = true
            condition.unlock()
            let error = write(batch)
            condition.lock()
            busy = false
            if let error {
                failure = error
                queue.removeAll()
            }
            condition.broadcast()
            condition.unlock()
        }
    }

    private func write(_ batch: RecordBatch) -> DatabaseError? {
        // The reader thread may have run these statements through GRDB since the last batch: a statement that is
        // not reset refuses new bindings.
        for s in single + multi { sqlite3_reset(s) }
        return batch.bytes.withUnsafeBufferPointer { buffer -> DatabaseError? in
            guard let base = UnsafeRawPointer(buffer.baseAddress) else { return nil }
            // Where each record starts, and its kind.
            var starts: [UnsafeRawPointer] = []
            starts.reserveCapacity(batch.count + 1)
            var p = base
            for _ in 0..<batch.count {
                starts.append(p)
                let fields = RecordWriter.fields[Int(p.load(as: UInt8.self))]
                p += 1
                for _ in 0..<fields { p += RecordWriter.fieldSize(p) }
            }
            starts.append(p)
            func kind(_ i: Int) -> Int { Int(starts[i].load(as: UInt8.self)) }
            let n = RecordWriter.rowsPerStatement
            var i = 0
            while i < batch.count {
                let k = kind(i)
                var run = 1
                while run < n && i + run < batch.count && kind(i + run) == k { run += 1 }
                if run == n {
                    if let e = execute(multi[k], records: starts[i..<(i + n)]) { return e }
                    i += n
                } else {
                    for r in i..<(i + run) {
                        if let e = execute(single[k], records: starts[r..<(r + 1)]) { return e }
                    }
                    i += run
                }
            }
            return nil
        }
    }

    /// Bytes taken by the field at `p` (its tag and value).
    private static func fieldSize(_ p: UnsafeRawPointer) -> Int {
        switch p.load(as: UInt8.self) {
        case 0: 5 + Int(UInt32(littleEndian: (p + 1).loadUnaligned(as: UInt32.self)))
        case 1: 9
        default: 1
        }
    }

    /// Binds the fields of `records` (one after the other) to `s`, runs it once and resets it.
    private func execute(_ s: OpaquePointer, records: ArraySlice<UnsafeRawPointer>) -> DatabaseError? {
        var bound = SQLITE_OK
        var index: Int32 = 1
        let fields = sqlite3_bind_parameter_count(s) / Int32(records.count)
        for start in records {
            var p = start + 1
            for _ in 0..<fields {
                switch p.load(as: UInt8.self) {
                case 0:
                    let n = Int(UInt32(littleEndian: (p + 1).loadUnaligned(as: UInt32.self)))
                    bound |= sqlite3_bind_text(s, index, (p + 5).assumingMemoryBound(to: CChar.self), Int32(n), nil)
                    p += 5 + n
                case 1:
                    bound |= sqlite3_bind_int64(s, index, Int64(littleEndian: (p + 1).loadUnaligned(as: Int64.self)))
                    p += 9
                default:
                    bound |= sqlite3_bind_null(s, index)
                    p += 1
                }
                index += 1
            }
        }
        guard bound == SQLITE_OK else {
            return DatabaseError(
                resultCode: .SQLITE_MISUSE, message: "queued upsert: " + String(cString: sqlite3_errmsg(connection)))
        }
        let code = sqlite3_step(s)
        sqlite3_reset(s)
        guard code == SQLITE_DONE else {
            return DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)))
        }
        return nil
    }
}
