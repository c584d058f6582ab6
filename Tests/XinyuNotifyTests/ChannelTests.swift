import Crypto
import Foundation
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing
import XinyuCore

@testable import XinyuNotify

/// The channels for real: a fake `sendmail` script that records what it receives, a local HTTP receiver on
/// 127.0.0.1 standing in for the WeCom and DingTalk robots, and the CSV outbox.
@Suite(.serialized) struct ChannelTests {
    let now = Date(timeIntervalSince1970: 1_780_000_000)

    func notice(
        _ id: Int64, _ person: String, channel: NoticeChannel, address: String, subject: String = "【心育】测试",
        body: String = "第一行\n第二行", language: String = "zh"
    ) -> Notice {
        Notice(
            id: id, key: NoticeKey(person: person, kind: "expiry", window: "C/2026-12-31/30"), school: "S1",
            recipient: "教师\(person)", channel: channel, address: address, language: language, subject: subject,
            body: body, asOf: day("2026-12-01"), created: now, attempts: 1)
    }

    /// Delivers `notices` with a postman of `config`.
    func deliver(_ config: NotifyConfiguration, _ notices: [Notice]) async throws -> [(notice: Notice, error: DeliveryError?)] {
        try await Postman.with(config) { p in await p.deliver(notices) }
    }

    static func tempDir() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("xinyu-notify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A fake sendmail: saves its arguments and standard input under `dir`, then exits with `status`.
    static func fakeSendmail(in dir: URL, status: Int32, stderr: String = "") throws -> String {
        let script = dir.appendingPathComponent("sendmail-\(status)")
        try """
        #!/bin/sh
        n=$(ls "\(dir.path)" | grep -c '^mail-')
        echo "$@" > "\(dir.path)/args-$n"
        cat > "\(dir.path)/mail-$n"
        \(stderr.isEmpty ? "" : "echo '\(stderr)' >&2")
        exit \(status)
        """.write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        return script.path
    }

    @Test func emailGoesToSendmailAsOneUTF8MessageAndAFailureKeepsItsWords() async throws {
        let dir = try Self.tempDir()
        let ok = try Self.fakeSendmail(in: dir, status: 0)
        var config = NotifyConfiguration(sender: "心育通知 <xinyu@jyj.example.cn>", sendmailPath: ok)
        let clock: @Sendable () -> Date = { self.now }
        let results = try await Postman.with(config, now: clock) { p in
            await p.deliver([notice(7, "T1", channel: .email, address: "zhang@s1.example.cn")])
        }
        #expect(results.map { $0.error == nil } == [true])
        #expect(try String(contentsOf: dir.appendingPathComponent("args-0"), encoding: .utf8) == "-t -i\n")
        let mail = try String(contentsOf: dir.appendingPathComponent("mail-0"), encoding: .utf8)
        #expect(mail.contains("To: zhang@s1.example.cn\r\n") && mail.contains("From: 心育通知 <xinyu@jyj.example.cn>\r\n"))
        #expect(mail.contains("Subject: =?UTF-8?B?" + Data("【心育】测试".utf8).base64EncodedString() + "?=\r\n"))
        #expect(mail.contains("Content-Type: text/plain; charset=UTF-8\r\n") && mail.contains("Auto-Submitted: auto-generated"))
        #expect(mail.hasSuffix("\r\n\r\n第一行\r\n第二行\r\n"))
        // A sendmail that refuses: the delivery fails with its status and words.
        config.sendmailPath = try Self.fakeSendmail(in: dir, status: 75, stderr: "mailbox temporarily unavailable")
        let failed = try await deliver(config, [notice(8, "T1", channel: .email, address: "a@b.cn")])
        #expect(failed.first?.error?.description == "sendmail exited with status 75: mailbox temporarily unavailable")
        config.sendmailPath = dir.appendingPathComponent("missing").path
        let missing = try await deliver(config, [notice(9, "T1", channel: .email, address: "a@b.cn")])
        #expect(missing.first?.error?.description.contains("missing or not executable") == true)
    }

    /// What the local robot receiver saw.
    final class Received: Sendable {
        let posts = Mutex<[(path: String, query: String, body: Data)]>([])
        /// The posts with their JSON bodies.
        var all: [(path: String, query: String, body: [String: Any])] {
            posts.withLock { $0 }.map {
                ($0.path, $0.query, (try? JSONSerialization.jsonObject(with: $0.body)) as? [String: Any] ?? [:])
            }
        }
    }

    /// A receiver on 127.0.0.1: `/ok` answers errcode 0, `/busy` errcode 45009, `/broken` HTTP 500, `/slow` errcode 0
    /// after 3 s (so a delivery to it succeeds unless the 1-second timeout ends it first).
    static func receiver(_ received: Received) -> some ApplicationProtocol {
        let router = Router()
        for path in ["ok", "busy", "broken", "slow"] {
            router.post(RouterPath(path)) { request, _ -> Response in
                let data = Data(buffer: try await request.body.collect(upTo: 1 << 20))
                let query = request.uri.query ?? ""
                received.posts.withLock { $0.append((path, query, data)) }
                if path == "slow" { try await Task.sleep(for: .seconds(3)) }
                if path == "broken" { return Response(status: .internalServerError) }
                let answer =
                    path == "busy"
                    ? #"{"errcode":45009,"errmsg":"api freq out of limit"}"#
                    : #"{"errcode":0,"errmsg":"ok"}"#
                return Response(
                    status: .ok, headers: [.contentType: "application/json"],
                    body: ResponseBody(byteBuffer: ByteBuffer(string: answer)))
            }
        }
        return Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
    }

    @Test func robotsGetTheirDocumentedMarkdownAndDingTalkIsSigned() async throws {
        let received = Received()
        try await Self.receiver(received).test(.live) { client in
            let port = try #require(client.port)
            let base = "http://127.0.0.1:\(port)"
            let config = NotifyConfiguration(
                timeoutSeconds: 1,
                schools: [
                    "S1": .init(wecom: .init(webhook: "\(base)/ok?key=k1")),
                    "S2": .init(dingtalk: .init(webhook: "\(base)/ok?access_token=t2", secret: "SECtest")),
                ])
            let notices = [
                notice(1, "T1", channel: .wecom, address: "S1"), notice(2, "T2", channel: .wecom, address: "S1"),
                notice(3, "T3", channel: .dingtalk, address: "S2", subject: "【心育】钉钉"),
            ]
            let results = try await Postman.with(config, now: { self.now }) { p in await p.deliver(notices) }
            #expect(results.allSatisfy { $0.error == nil })
            let posts = received.all
            // Two notices of one school's robot in one post; one DingTalk post.
            #expect(posts.count == 2)
            let wecom = try #require(posts.first { $0.query == "key=k1" })
            #expect(wecom.body["msgtype"] as? String == "markdown")
            let content = try #require((wecom.body["markdown"] as? [String: Any])?["content"] as? String)
            #expect(content == "**【心育】测试**\n第一行\n第二行\n\n**【心育】测试**\n第一行\n第二行")
            let ding = try #require(posts.first { $0.query.hasPrefix("access_token=t2&") })
            let markdown = try #require(ding.body["markdown"] as? [String: Any])
            #expect(markdown["title"] as? String == "【心育】钉钉" && markdown["text"] as? String == "**【心育】钉钉**\n\n第一行\n\n第二行")
            // The signature checks out with the secret: HMAC-SHA256 of "timestamp\nsecret", Base64, URL-encoded.
            let items = URLComponents(string: "\(base)/ok?\(ding.query)")?.queryItems ?? []
            let timestamp = try #require(items.first { $0.name == "timestamp" }?.value)
            let sign = try #require(items.first { $0.name == "sign" }?.value)
            #expect(timestamp == String(Int64(now.timeIntervalSince1970 * 1000)))
            let mac = HMAC<SHA256>.authenticationCode(
                for: Data("\(timestamp)\nSECtest".utf8),
                using: SymmetricKey(data: Data("SECtest".utf8)))
            #expect(sign == Data(mac).base64EncodedString())
        }
    }

    @Test func aRobotThatRefusesOrHangsFailsTheDelivery() async throws {
        let received = Received()
        try await Self.receiver(received).test(.live) { client in
            let base = "http://127.0.0.1:\(try #require(client.port))"
            for (path, words) in [
                ("busy", "errcode 45009 api freq out of limit"), ("broken", "HTTP 500"),
                ("slow", "no answer within the timeout"),
            ] {
                let robot = NotifyConfiguration.SchoolChannels(wecom: .init(webhook: "\(base)/\(path)"))
                let config = NotifyConfiguration(timeoutSeconds: 1, schools: ["S1": robot])
                let results = try await deliver(config, [notice(1, "T1", channel: .wecom, address: "S1")])
                #expect(results.first?.error?.description == "127.0.0.1: \(words)", "\(path)")
            }
            // Nothing listens here: a connection error, not a hang.
            let nobody = NotifyConfiguration.SchoolChannels(wecom: .init(webhook: "http://127.0.0.1:9/x"))
            let closed = NotifyConfiguration(timeoutSeconds: 1, schools: ["S1": nobody])
            let results = try await deliver(closed, [notice(1, "T1", channel: .wecom, address: "S1")])
            #expect(results.first?.error?.description.hasPrefix("127.0.0.1: ") == true)
            // A school whose robot was removed from the file.
            let none = try await Postman.with(NotifyConfiguration()) { p in
                await p.deliver([notice(1, "T1", channel: .dingtalk, address: "S9")])
            }
            #expect(none.first?.error?.description == "no dingtalk robot is configured for school S9 any more")
        }
    }

    @Test func theCSVOutboxAppendsOneLinePerNoticeWithABOMOnce() async throws {
        let dir = try Self.tempDir().appendingPathComponent("outbox")
        let config = NotifyConfiguration(outboxDirectory: dir.path)
        let notices = [
            notice(1, "T1", channel: .csv, address: "S1", body: "第一行,逗号\n第二行"),
            notice(2, "T2", channel: .csv, address: "S1", subject: "say \"hi\""),
        ]
        let results = try await Postman.with(config) { p in await p.deliver(notices) }
        #expect(results.allSatisfy { $0.error == nil })
        let bytes = try Data(contentsOf: dir.appendingPathComponent("S1.csv"))
        let bom = Data([0xEF, 0xBB, 0xBF])
        #expect(bytes.starts(with: bom + Data("created,school,recipient,kind,subject,message\r\n".utf8)))
        #expect(bytes.dropFirst(3).firstRange(of: bom) == nil)
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text.contains(",S1,教师T1,expiry,【心育】测试,\"第一行,逗号\n第二行\"\r\n"))
        #expect(text.contains(",S1,教师T2,expiry,\"say \"\"hi\"\"\",\"第一行\n第二行\"\r\n"))
    }

    @Test func longRobotMessagesAreCutIntoPostsThatFit() {
        let long = String(repeating: "很长的一行\n", count: 400)
        let notices = (1...3).map { (index: $0, notice: notice(Int64($0), "T\($0)", channel: .wecom, address: "S1", body: long)) }
        let batches = Postman.batches(notices, channel: .wecom)
        #expect(batches.count == 3)
        #expect(batches.allSatisfy { $0.markdown.utf8.count <= RobotTransport.maxBytes && $0.markdown.hasSuffix("…") })
        let short = (1...5).map { (index: $0, notice: notice(Int64($0), "T\($0)", channel: .wecom, address: "S1")) }
        #expect(Postman.batches(short, channel: .wecom).map(\.indexes) == [[1, 2, 3, 4, 5]])
    }
}
