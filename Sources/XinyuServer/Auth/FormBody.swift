import Foundation
import Hummingbird

/// An `application/x-www-form-urlencoded` body (the pages' forms), read up to 16 KiB.
struct FormBody {
    static let maxBytes = 16 * 1024
    let fields: [String: String]

    init(_ request: Request) async throws {
        var body = request.body
        let buffer = try await body.collect(upTo: Self.maxBytes)
        fields = Self.parse(String(buffer: buffer))
    }

    subscript(_ name: String) -> String? { fields[name] }

    static func parse(_ text: String) -> [String: String] {
        var out: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String {
                String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            guard let key = parts.first else { continue }
            out[decode(key)] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return out
    }
}
