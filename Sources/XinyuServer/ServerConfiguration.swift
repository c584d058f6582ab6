import Foundation

/// How `xinyu serve` runs: where it listens, who may write, how large an upload may be.
public struct ServerConfiguration: Sendable {
    /// Interface to bind; loopback by default so nothing is exposed by accident.
    public var host: String
    public var port: Int
    /// The bootstrap token (`--token-file` / `$XINYU_TOKEN`): whoever sends it is a district-admin named
    /// `bootstrap`, for setting up before any user exists (then prefer users and their own tokens). Nil: none.
    public var token: String?
    /// Session cookies always carry `Secure` (set it when a TLS proxy in front does not send
    /// `X-Forwarded-Proto: https`); otherwise only requests that came over TLS get it.
    public var secureCookies: Bool
    /// The largest accepted request body for `POST /api/v1/imports`, in bytes (default 512 MB).
    public var maxBodyBytes: Int
    /// A rule-profile YAML path for coverage and quota; nil means the bundled default profile.
    public var profilePath: String?
    /// Where uploaded feeds are streamed before import (default: the system temporary directory).
    public var temporaryDirectory: String
    /// A connection that sends nothing for this long is closed: an idle keep-alive connection, a client that
    /// stalls in its request head (slow headers), or one that stops sending its body. Default 30 s.
    public var idleTimeout: Duration
    /// The longest an upload body may take to arrive in full (408 after it). Default 15 minutes: 512 MB at
    /// about 0.6 MB/s, a slow school line.
    public var bodyTimeout: Duration
    /// The server's public address (`https://xinyu.example.cn`) that certificates print for their verification
    /// (issue #16); nil: the address a certificate page was asked on.
    public var publicURL: String?

    /// The largest body limit `xinyu serve` accepts, in MB (64 GiB): larger values are a usage error, never an
    /// overflow.
    public static let maxBodyMegabytes = 65_536

    public init(
        host: String = "127.0.0.1", port: Int = 8080, token: String? = nil,
        maxBodyBytes: Int = 512 * 1024 * 1024, profilePath: String? = nil,
        temporaryDirectory: String = NSTemporaryDirectory(), idleTimeout: Duration = .seconds(30),
        bodyTimeout: Duration = .seconds(900), secureCookies: Bool = false, publicURL: String? = nil
    ) {
        self.secureCookies = secureCookies
        self.publicURL = publicURL
        self.host = host
        self.port = port
        self.token = token
        self.maxBodyBytes = maxBodyBytes
        self.profilePath = profilePath
        self.temporaryDirectory = temporaryDirectory
        self.idleTimeout = idleTimeout
        self.bodyTimeout = bodyTimeout
    }

    /// `megabytes` MB in bytes, when it is within 1...``maxBodyMegabytes``; nil otherwise (never traps).
    public static func bodyBytes(megabytes: Int) -> Int? {
        guard (1...maxBodyMegabytes).contains(megabytes) else { return nil }
        return megabytes * 1024 * 1024
    }

    /// Reads the token from `tokenFile` (first line, trimmed) or else `$XINYU_TOKEN`; empty means none.
    ///
    /// A token file that cannot be read is an error, never silently "no token".
    public static func token(file: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String?
    {
        if let file {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ServerSetupError("--token-file \(file): cannot read the file (check the path and permissions)")
            }
            let text = String(decoding: data, as: UTF8.self)
            let first = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            let token = first.trimmingCharacters(in: .whitespaces)
            guard !token.isEmpty else {
                throw ServerSetupError("--token-file \(file): the file is empty; write the token on its first line")
            }
            return token
        }
        if let env = environment["XINYU_TOKEN"]?.trimmingCharacters(in: .whitespacesAndNewlines), !env.isEmpty { return env }
        return nil
    }
}
