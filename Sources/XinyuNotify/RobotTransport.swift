import AsyncHTTPClient
import Crypto
import Foundation
import NIOCore

/// Posts Markdown messages to the group robots of 企业微信 (WeCom) and 钉钉 (DingTalk) by their documented
/// webhook JSON: `{"msgtype":"markdown","markdown":{"content"}}` for WeCom, `{"msgtype":"markdown","markdown":
/// {"title","text"}}` for DingTalk, whose webhook is signed (`timestamp` and `sign`, HMAC-SHA256 of
/// "timestamp\nsecret" in Base64) when the robot has a secret (加签). A delivery succeeded when the answer is HTTP
/// 2xx with `"errcode": 0`. Every call has the configured timeout; redirects are not followed.
struct RobotTransport: Sendable {
    let client: HTTPClient
    let timeout: TimeAmount

    /// The largest message body posted at once, in bytes (WeCom takes 4,096 bytes of Markdown).
    static let maxBytes = 4_000

    /// A WeCom robot's message.
    static func wecomBody(_ markdown: String) -> Data {
        json(["msgtype": "markdown", "markdown": ["content": markdown]])
    }

    /// A DingTalk robot's message.
    static func dingtalkBody(title: String, _ markdown: String) -> Data {
        json(["msgtype": "markdown", "markdown": ["title": title, "text": markdown]])
    }

    /// The webhook with DingTalk's signature appended (`&timestamp=…&sign=…`).
    static func signed(_ webhook: String, secret: String, at date: Date) -> String {
        let timestamp = String(Int64(date.timeIntervalSince1970 * 1000))
        let mac = HMAC<SHA256>.authenticationCode(
            for: Data("\(timestamp)\n\(secret)".utf8),
            using: SymmetricKey(data: Data(secret.utf8)))
        let sign = Data(mac).base64EncodedString()
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let encoded = sign.addingPercentEncoding(withAllowedCharacters: allowed) ?? sign
        return webhook + (webhook.contains("?") ? "&" : "?") + "timestamp=\(timestamp)&sign=\(encoded)"
    }

    static func json(_ object: [String: Any]) -> Data {
        (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
    }

    /// Posts `body` to `url`; throws ``DeliveryError`` with the reason when the robot did not take it.
    func post(_ body: Data, to url: String) async throws {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
        request.headers.add(name: "User-Agent", value: "xinyu-remind")
        request.body = .bytes(ByteBuffer(bytes: body))
        let response: HTTPClientResponse
        do {
            response = try await client.execute(request, timeout: timeout)
        } catch {
            throw DeliveryError("\(Self.host(url)): \(Self.words(error))")
        }
        let answer = try? await response.body.collect(upTo: 64 * 1024)
        let text = answer.map { String(buffer: $0) } ?? ""
        guard (200..<300).contains(Int(response.status.code)) else {
            throw DeliveryError("\(Self.host(url)): HTTP \(response.status.code)")
        }
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
            let code = object["errcode"] as? Int
        else {
            throw DeliveryError("\(Self.host(url)): the answer has no errcode")
        }
        guard code == 0 else {
            throw DeliveryError("\(Self.host(url)): errcode \(code) \(object["errmsg"] as? String ?? "")")
        }
    }

    /// The host of a webhook, for messages (never its key or token).
    static func host(_ url: String) -> String { URL(string: url)?.host ?? "webhook" }

    /// An HTTP client error in words.
    static func words(_ error: any Error) -> String {
        if let e = error as? HTTPClientError {
            switch e {
            case .deadlineExceeded, .readTimeout: return "no answer within the timeout"
            case .connectTimeout: return "could not connect within the timeout"
            default: return "\(e)"
            }
        }
        return "\(error)"
    }
}
