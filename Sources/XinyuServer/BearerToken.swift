import Hummingbird

/// Checks `Authorization: Bearer <token>` for write routes.
///
/// No token configured → 403 (writes are switched off); header missing or token wrong → 401.
/// The comparison takes the same time wherever the first difference is.
struct BearerToken: Sendable {
    let expected: [UInt8]?

    init(_ token: String?) { expected = token.map { Array($0.utf8) } }

    func authorize(_ request: Request) throws {
        guard let expected else {
            throw APIError(.forbidden, code: "forbidden", message: "writes are disabled: the server was started without a token")
        }
        guard let header = request.headers[.authorization] else {
            throw APIError(.unauthorized, code: "unauthorized", message: "missing Authorization: Bearer <token>")
        }
        let prefix = "Bearer "
        guard header.hasPrefix(prefix), Self.constantTimeEqual(Array(header.utf8.dropFirst(prefix.utf8.count)), expected) else {
            throw APIError(.unauthorized, code: "unauthorized", message: "wrong bearer token")
        }
    }

    /// Equal length and equal bytes, examining every byte of `given` regardless of where they differ.
    static func constantTimeEqual(_ given: [UInt8], _ expected: [UInt8]) -> Bool {
        var diff = UInt8(truncatingIfNeeded: given.count ^ expected.count)
        if given.count != expected.count { diff |= 1 }
        for i in 0..<given.count {
            let e = expected.isEmpty ? 0 : expected[i % expected.count]
            diff |= given[i] ^ e
        }
        return diff == 0
    }
}
