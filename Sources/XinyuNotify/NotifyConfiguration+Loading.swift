import Foundation
import XinyuCore
import Yams

extension NotifyConfiguration {
    /// Loads and checks a notify file. Any problem (unreadable file, bad YAML, an unknown key, a bad address or
    /// number) is one ``InputError`` (exit 2) naming the file, the line, the key and the problem. A relative
    /// `outboxDirectory` is taken from the file's own directory.
    public static func load(path: String) throws -> NotifyConfiguration {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw InputError(
                file: path,
                problem: "cannot read the notify file (missing, unreadable or not UTF-8); check the path")
        }
        var config = try parse(yaml: text, file: path)
        if !config.outboxDirectory.hasPrefix("/") {
            let dir = URL(fileURLWithPath: path).deletingLastPathComponent()
            config.outboxDirectory = dir.appendingPathComponent(config.outboxDirectory).standardizedFileURL.path
        }
        config.source = path
        return config
    }

    /// Parses and checks notify YAML; `file` names it in errors.
    public static func parse(yaml text: String, file: String) throws -> NotifyConfiguration {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, .basic)
        } catch {
            let first = String(describing: error).split(separator: "\n").first.map(String.init) ?? "invalid YAML"
            throw InputError(file: file, problem: "not valid YAML: \(first)")
        }
        guard let root else { throw InputError(file: file, problem: "the notify file is empty; start from notify.example.yaml") }
        return try NotifyReader(file: file).configuration(root)
    }
}

/// Reads the notify file's node tree, checking every key.
private struct NotifyReader {
    let file: String

    func fail(_ node: Node?, _ key: String, _ problem: String) -> InputError {
        InputError(file: file, line: node?.mark?.line, record: key, problem: problem)
    }

    func mapping(_ node: Node, _ key: String, allowed: Set<String>?) throws -> [(String, Node)] {
        guard let m = node.mapping else { throw fail(node, key, "expected a mapping of keys") }
        var out: [(String, Node)] = []
        var seen: Set<String> = []
        for (k, v) in m {
            guard let name = k.string else { throw fail(k, key, "a key is not text") }
            let path = key.isEmpty ? name : "\(key).\(name)"
            if let allowed, !allowed.contains(name) {
                throw fail(k, path, "unknown key; allowed here: \(allowed.sorted().joined(separator: ", "))")
            }
            guard seen.insert(name).inserted else { throw fail(k, path, "key given twice") }
            out.append((name, v))
        }
        return out
    }

    func text(_ node: Node, _ key: String) throws -> String {
        guard let s = node.scalar?.string, !s.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw fail(node, key, "expected text")
        }
        guard !s.contains(where: { $0 == "\n" || $0 == "\r" }) else { throw fail(node, key, "must be one line") }
        return s.trimmingCharacters(in: .whitespaces)
    }

    func integer(_ node: Node, _ key: String, _ range: ClosedRange<Int>) throws -> Int {
        guard let s = node.scalar?.string, let v = Int(s.trimmingCharacters(in: .whitespaces)), range.contains(v) else {
            throw fail(node, key, "expected a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return v
    }

    func email(_ node: Node, _ key: String) throws -> String {
        let s = try text(node, key)
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        let forbidden: Set<Character> = [" ", "<", ">", ",", ";"]
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !s.contains(where: forbidden.contains) else {
            throw fail(node, key, "\(s) is not an e-mail address like name@school.example.cn")
        }
        return s
    }

    func language(_ node: Node, _ key: String) throws -> ReportLanguage {
        guard let s = node.scalar?.string, let l = ReportLanguage(code: s) else { throw fail(node, key, "use zh or en") }
        return l
    }

    func robot(_ node: Node, _ key: String, secretAllowed: Bool) throws -> NotifyConfiguration.Robot {
        if node.scalar != nil { return .init(webhook: try webhook(node, key)) }
        let m = try mapping(node, key, allowed: secretAllowed ? ["webhook", "secret"] : ["webhook"])
        guard let w = m.first(where: { $0.0 == "webhook" })?.1 else { throw fail(node, "\(key).webhook", "missing") }
        let secret = try m.first { $0.0 == "secret" }.map { try text($0.1, "\(key).secret") }
        return .init(webhook: try webhook(w, "\(key).webhook"), secret: secret)
    }

    func webhook(_ node: Node, _ key: String) throws -> String {
        let s = try text(node, key)
        guard let url = URL(string: s), let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http",
            url.host?.isEmpty == false
        else {
            throw fail(node, key, "\(s.prefix(60)) is not a webhook address (https://…)")
        }
        return s
    }

    func configuration(_ root: Node) throws -> NotifyConfiguration {
        var c = NotifyConfiguration()
        let top = try mapping(
            root, "",
            allowed: [
                "sender", "sendmailPath", "outboxDirectory", "language", "timeoutSeconds",
                "retry", "schools", "people",
            ])
        for (name, node) in top {
            switch name {
            case "sender": c.sender = try text(node, name)
            case "sendmailPath": c.sendmailPath = try text(node, name)
            case "outboxDirectory": c.outboxDirectory = try text(node, name)
            case "language": c.language = try language(node, name)
            case "timeoutSeconds": c.timeoutSeconds = try integer(node, name, 1...600)
            case "retry":
                for (k, v) in try mapping(node, name, allowed: ["maxAttempts", "firstDelayMinutes"]) {
                    if k == "maxAttempts" { c.maxAttempts = try integer(v, "retry.maxAttempts", 1...100) }
                    if k == "firstDelayMinutes" { c.firstDelayMinutes = try integer(v, "retry.firstDelayMinutes", 1...1440) }
                }
            case "schools":
                for (id, v) in try mapping(node, name, allowed: nil) {
                    let key = "schools.\(id)"
                    guard Identifier.isValid(id) else { throw fail(v, key, "not a school id ([A-Za-z0-9._-], 1–64)") }
                    var s = NotifyConfiguration.SchoolChannels()
                    for (k, n) in try mapping(v, key, allowed: ["email", "wecom", "dingtalk", "language"]) {
                        switch k {
                        case "email": s.email = try email(n, "\(key).email")
                        case "wecom": s.wecom = try robot(n, "\(key).wecom", secretAllowed: false)
                        case "dingtalk": s.dingtalk = try robot(n, "\(key).dingtalk", secretAllowed: true)
                        default: s.language = try language(n, "\(key).language")
                        }
                    }
                    c.schools[id] = s
                }
            case "people":
                for (id, v) in try mapping(node, name, allowed: nil) {
                    let key = "people.\(id)"
                    var p = NotifyConfiguration.Person()
                    for (k, n) in try mapping(v, key, allowed: ["email", "language"]) {
                        if k == "email" {
                            p.email = try email(n, "\(key).email")
                        } else {
                            p.language = try language(n, "\(key).language")
                        }
                    }
                    c.people[id] = p
                }
            default: break
            }
        }
        return c
    }
}
