import Foundation
import XinyuCore

#if canImport(Glibc)
    import Glibc
#endif

/// The CSV outbox of a school with no mail or robot (issue #16): `DIRECTORY/SCHOOL.csv`, UTF-8 with a byte-order
/// mark (written when the file is new) so that Excel opens it, one line per notice appended as it is delivered:
/// `created,school,recipient,kind,subject,message`. The school prints it or forwards it by hand.
struct CSVOutbox: Sendable {
    var directory: String

    static let header = ["created", "school", "recipient", "kind", "subject", "message"]

    /// The file of a school.
    func path(school: String) -> String { (directory as NSString).appendingPathComponent("\(school).csv") }

    /// Appends one notice; throws ``DeliveryError`` when the file cannot be written.
    func append(_ n: Notice) throws {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw DeliveryError("cannot create the outbox directory \(directory)")
        }
        let file = path(school: n.address)
        let fd = open(file, O_WRONLY | O_APPEND | O_CREAT, 0o644)
        guard fd >= 0 else { throw DeliveryError("cannot write \(file): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var text = ""
        if lseek(fd, 0, SEEK_END) == 0 { text += CSV.bom + Self.header.joined(separator: ",") + "\r\n" }
        let created = ISO8601DateFormatter().string(from: n.created)
        text +=
            [created, n.school ?? "", n.recipient, n.key.kind, n.subject, n.body].map(CSV.field).joined(separator: ",")
            + "\r\n"
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw DeliveryError("cannot write \(file): \(String(cString: strerror(errno)))") }
    }
}
