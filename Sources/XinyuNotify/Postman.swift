import AsyncHTTPClient
import Foundation
import NIOCore
import XinyuCore

/// Delivers claimed notices by their channels (issue #16): e-mail through sendmail one by one, robot notices of
/// one school together in as few Markdown posts as fit (robots take about 20 messages a minute), CSV lines one
/// by one. Robots are looked up in the notify file at delivery, so a changed key applies to retries.
public struct Postman: Sendable {
    let configuration: NotifyConfiguration
    let client: HTTPClient
    /// The clock of DingTalk's signature.
    let now: @Sendable () -> Date

    /// Runs `body` with a postman whose HTTP client (AsyncHTTPClient, the configured timeouts, no redirects) is
    /// shut down afterwards.
    public static func with<T: Sendable>(
        _ configuration: NotifyConfiguration, now: @escaping @Sendable () -> Date = { Date() },
        _ body: (Postman) async throws -> T
    ) async throws -> T {
        var http = HTTPClient.Configuration()
        let seconds = Int64(configuration.timeoutSeconds)
        http.timeout = .init(connect: .seconds(seconds), read: .seconds(seconds))
        http.redirectConfiguration = .disallow
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: http)
        let postman = Postman(configuration: configuration, client: client, now: now)
        do {
            let result = try await body(postman)
            try await client.shutdown()
            return result
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    /// Delivers `notices`; returns each with nil (sent) or why it failed, in the order given.
    public func deliver(_ notices: [Notice]) async -> [(notice: Notice, error: DeliveryError?)] {
        var outcome = [DeliveryError?](repeating: DeliveryError("not delivered"), count: notices.count)
        var robots: [String: [Int]] = [:]  // "channel address" → indexes
        let timeout = TimeInterval(configuration.timeoutSeconds)
        for (i, n) in notices.enumerated() {
            switch n.channel {
            case .email:
                outcome[i] = Self.attempt {
                    try SendmailTransport(path: configuration.sendmailPath, timeout: timeout)
                        .send(
                            EmailMessage.make(
                                from: configuration.sender, to: n.address, subject: n.subject, body: n.body,
                                id: n.id ?? 0, date: now()))
                }
            case .csv:
                outcome[i] = Self.attempt { try CSVOutbox(directory: configuration.outboxDirectory).append(n) }
            case .wecom, .dingtalk:
                robots["\(n.channel.rawValue) \(n.address)", default: []].append(i)
            }
        }
        let transport = RobotTransport(client: client, timeout: .seconds(Int64(configuration.timeoutSeconds)))
        for key in robots.keys.sorted() {
            let indexes = robots[key]!
            let first = notices[indexes[0]]
            let channels = configuration.schools[first.address]
            let robot = first.channel == .wecom ? channels?.wecom : channels?.dingtalk
            guard let robot else {
                let e = DeliveryError("no \(first.channel.rawValue) robot is configured for school \(first.address) any more")
                for i in indexes { outcome[i] = e }
                continue
            }
            for batch in Self.batches(indexes.map { ($0, notices[$0]) }, channel: first.channel) {
                var failure: DeliveryError?
                do {
                    if first.channel == .wecom {
                        try await transport.post(RobotTransport.wecomBody(batch.markdown), to: robot.webhook)
                    } else {
                        let url =
                            robot.secret.map { RobotTransport.signed(robot.webhook, secret: $0, at: now()) }
                            ?? robot.webhook
                        try await transport.post(RobotTransport.dingtalkBody(title: batch.title, batch.markdown), to: url)
                    }
                } catch let e as DeliveryError {
                    failure = e
                } catch {
                    failure = DeliveryError("\(error)")
                }
                for i in batch.indexes { outcome[i] = failure }
            }
        }
        return notices.indices.map { (notices[$0], outcome[$0]) }
    }

    static func attempt(_ body: () throws -> Void) -> DeliveryError? {
        do {
            try body()
            return nil
        } catch let e as DeliveryError {
            return e
        } catch {
            return DeliveryError("\(error)")
        }
    }

    /// One robot post: its notices, title and Markdown text.
    struct Batch {
        /// The notices' places in the list delivered.
        var indexes: [Int]
        var title: String
        var markdown: String
    }

    /// Notices cut into posts of at most ``RobotTransport/maxBytes`` bytes each; a notice too long on its own is
    /// cut short with "…".
    static func batches(_ notices: [(index: Int, notice: Notice)], channel: NoticeChannel) -> [Batch] {
        let lineBreak = channel == .dingtalk ? "\n\n" : "\n"
        let separator = "\n\n"
        var out: [Batch] = []
        var current: [(index: Int, notice: Notice)] = []
        var text = ""
        func flush() {
            guard let head = current.first?.notice else { return }
            let title =
                current.count == 1
                ? head.subject
                : (head.language == "en" ? "[Xinyu] \(current.count) notices" : "【心育】\(current.count) 条通知")
            out.append(Batch(indexes: current.map(\.index), title: title, markdown: text))
            current = []
            text = ""
        }
        for item in notices {
            let n = item.notice
            var piece =
                "**\(n.subject)**" + lineBreak
                + n.body.split(separator: "\n", omittingEmptySubsequences: false)
                .joined(separator: lineBreak)
            if piece.utf8.count > RobotTransport.maxBytes { piece = cut(piece, to: RobotTransport.maxBytes - 4) + "…" }
            if !current.isEmpty && text.utf8.count + separator.utf8.count + piece.utf8.count > RobotTransport.maxBytes { flush() }
            text += (current.isEmpty ? "" : separator) + piece
            current.append(item)
        }
        flush()
        return out
    }

    /// The longest prefix of `s` of at most `bytes` UTF-8 bytes, cut at a character.
    static func cut(_ s: String, to bytes: Int) -> String {
        var out = ""
        var count = 0
        for c in s {
            let n = String(c).utf8.count
            if count + n > bytes { break }
            out.append(c)
            count += n
        }
        return out
    }
}
