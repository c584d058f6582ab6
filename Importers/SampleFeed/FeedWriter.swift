import Foundation

/// Buffered UTF-8 output for large generated files.
final class FeedWriter {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private(set) var bytesWritten = 0

    init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let h = FileHandle(forWritingAtPath: path)
        else {
            throw SampleFeedError.cannotWrite(path: path)
        }
        handle = h
        buffer.reserveCapacity(1 << 20)
    }

    func write(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        if buffer.count >= 1 << 20 { flush() }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        handle.write(Data(buffer))
        bytesWritten += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws {
        flush()
        try handle.close()
    }

    /// Escapes text for XML content and attribute values.
    static func escape(_ s: String) -> String {
        guard s.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" || $0 == "\"" }) else { return s }
        return s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}

/// Why a sample feed could not be written.
public enum SampleFeedError: Error, CustomStringConvertible, Sendable {
    case cannotWrite(path: String)
    /// A school count outside ``SampleFeedGenerator/schoolRange``.
    case schoolCount(Int)
    /// A district code that is not 6 digits.
    case districtCode(String)

    public var description: String {
        switch self {
        case .cannotWrite(let path): "cannot write sample feed \(path) (check the directory exists and is writable)"
        case .schoolCount(let n):
            "schools \(n): must be between \(SampleFeedGenerator.schoolRange.lowerBound)"
                + " and \(SampleFeedGenerator.schoolRange.upperBound)"
        case .districtCode(let code): "district \"\(code)\" is not a 6-digit administrative code (e.g. 440608)"
        }
    }
}
