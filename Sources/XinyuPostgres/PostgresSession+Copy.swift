import Foundation
import NIOCore
import PostgresNIO

extension PostgresSession {
    /// Loads `rows` into `table` (`columns` in order, names as the server folds them) with one
    /// `COPY … FROM STDIN (FORMAT text)`, in the session's open transaction. PostgresNIO offers COPY on its async
    /// API only: it runs as a task on the connection's event loop (``EventLoopTaskExecutor``) while the calling
    /// thread waits, as every statement of the bridge does.
    func copy(into table: String, columns: [String], rows: [[PostgresValue]]) throws {
        var buffer = ByteBufferAllocator().buffer(capacity: rows.count * columns.count * 12)
        for row in rows {
            for (i, v) in row.enumerated() {
                if i > 0 { buffer.writeInteger(UInt8(ascii: "\t")) }
                Self.appendCopyText(v, to: &buffer)
            }
            buffer.writeInteger(UInt8(ascii: "\n"))
        }
        let data = buffer
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
        do {
            try promise.futureResult.wait()
        } catch let e as PSQLError {
            throw PostgresSession.wrap(e, url: url, lockTimeout: lockTimeout)
        }
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
