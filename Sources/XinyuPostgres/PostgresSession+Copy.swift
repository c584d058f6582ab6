import Foundation
import NIOCore
import PostgresNIO

extension PostgresSession {
    /// Loads `rows` into `table` (`columns` in order, names as the server folds them) with one
    /// `COPY … FROM STDIN (FORMAT text)`, in the session's open transaction, and waits for it
    /// (``send(copyInto:columns:data:)``).
    func copy(into table: String, columns: [String], rows: [[PostgresValue]]) throws {
        try wait(send(copyInto: table, columns: columns, data: Self.copyBuffer(rows)))
    }

    /// `rows` in `COPY`'s text format: values apart by tabs, one line each.
    static func copyBuffer(_ rows: [[PostgresValue]]) -> ByteBuffer {
        var buffer = ByteBufferAllocator().buffer(capacity: rows.count * (rows.first?.count ?? 0) * 12)
        for row in rows {
            for (i, v) in row.enumerated() {
                if i > 0 { buffer.writeInteger(UInt8(ascii: "\t")) }
                appendCopyText(v, to: &buffer)
            }
            buffer.writeInteger(UInt8(ascii: "\n"))
        }
        return buffer
    }

    /// ``copyBuffer(_:)``'s bytes (tests compare them with ``UnnestArrays/plainKinds``).
    static func copyText(_ rows: [[PostgresValue]]) -> [UInt8] { Array(copyBuffer(rows).readableBytesView) }

    /// Sends `data`, rows in `COPY`'s text format, to `table` with one `COPY … FROM STDIN`, without waiting: the
    /// `COPY` runs after the statements sent before it and before those sent after it (the task's first step writes
    /// it to the connection, on the event loop, where the later statements' writes are queued behind it), and
    /// ``wait(_:)`` returns (or throws) its outcome. PostgresNIO offers COPY on its async API only: it runs as a
    /// task on the connection's event loop (``EventLoopTaskExecutor``).
    func send(copyInto table: String, columns: [String], data: ByteBuffer) -> EventLoopFuture<Void> {
        let connection = self.connection
        let logger = self.logger
        let loop = connection.eventLoop
        let promise = loop.makePromise(of: Void.self)
        Task(executorPreference: EventLoopTaskExecutor(loop)) {
            do {
                try await connection.copyFrom(table: table, columns: columns, logger: logger) { writer in
                    // In slices: the writer sends each as one CopyData message.
                    var rest = data
                    while rest.readableBytes > 0 {
                        let slice = rest.readSlice(length: min(rest.readableBytes, 1 << 20))!
                        try await writer.write(slice)
                    }
                }
                promise.succeed(())
            } catch {
                promise.fail(error)
            }
        }
        return promise.futureResult
    }

    /// One value in COPY's text format: `\N` for NULL; backslash, tab, newline and carriage return escaped.
    static func appendCopyText(_ v: PostgresValue, to buffer: inout ByteBuffer) {
        switch v {
        case .text(let t?):
            guard t.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == 9 || $0 == 10 || $0 == 13 }) else {
                buffer.writeString(t)
                return
            }
            for byte in t.utf8 {
                switch byte {
                case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
                case UInt8(ascii: "\t"): buffer.writeStaticString("\\t")
                case UInt8(ascii: "\n"): buffer.writeStaticString("\\n")
                case UInt8(ascii: "\r"): buffer.writeStaticString("\\r")
                default: buffer.writeInteger(byte)
                }
            }
        case .int(let n?): buffer.writeString(String(n))
        case .bool(let b): buffer.writeString(b ? "t" : "f")
        default: buffer.writeStaticString("\\N")
        }
    }
}
