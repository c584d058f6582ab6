import XinyuCore
import Yams

/// One YAML mapping of a data file, read by key without `Codable`.
///
/// The bundled library is read by every command that lists or schedules lessons; Yams' `Decodable` path spends most
/// of a short command's time in the Swift runtime's dynamic casts (issue #19: `lessons list` under 50 ms), so the
/// library files are read from the composed node tree instead. Unknown keys are ignored, as `Decodable` did; a value
/// of the wrong type is an ``InputError`` naming its key path.
///
/// The tree is composed with Yams' `basic` resolver: no scalar's tag is resolved by regular expression (Yams' default
/// resolver ran six of them for every key it hashed while checking for duplicate keys, a quarter of reading the
/// library). Nothing here reads a tag: whole numbers are read from the scalar's text, and a null is recognised by
/// the YAML core schema's spellings (``isNull(_:)``).
struct YAMLMap {
    let file: String
    let path: String
    private let values: [String: Node]

    private init(file: String, path: String, mapping: Node.Mapping) {
        self.file = file
        self.path = path
        var values: [String: Node] = [:]
        for (k, v) in mapping { if let key = k.scalar?.string, values[key] == nil { values[key] = v } }
        self.values = values
    }

    /// The top-level mapping of `text`; an empty document is an empty mapping.
    static func document(_ text: String, file: String) throws -> YAMLMap {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text, .basic)
        } catch {
            let one = "\(error)".split(whereSeparator: \.isNewline).first.map(String.init) ?? "invalid YAML"
            throw InputError(file: file, problem: "invalid YAML: \(one)")
        }
        guard let node else { return YAMLMap(file: file, path: "", mapping: Node.Mapping([])) }
        guard let m = node.mapping else { throw InputError(file: file, problem: "the file must be a mapping of keys") }
        return YAMLMap(file: file, path: "", mapping: m)
    }

    private func node(_ key: String) -> Node? {
        guard let n = values[key] else { return nil }
        if case .scalar(let s) = n, Self.isNull(s) { return nil }
        return n
    }

    /// Whether `s` is a null in the YAML core schema: a plain `~`, `null`, `Null`, `NULL` or nothing at all.
    static func isNull(_ s: Node.Scalar) -> Bool {
        (s.style == .plain || s.style == .any) && ["", "~", "null", "Null", "NULL"].contains(s.string)
    }

    private func keyPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    private func wrong(_ key: String, _ expected: String) -> InputError {
        InputError(file: file, problem: "\(keyPath(key)): wrong type (expected \(expected))")
    }

    func string(_ key: String) throws -> String? {
        guard let n = node(key) else { return nil }
        guard let s = n.scalar else { throw wrong(key, "text") }
        return s.string
    }

    func int(_ key: String) throws -> Int? {
        guard let n = node(key) else { return nil }
        guard let s = n.scalar, let v = Int.construct(from: s) else { throw wrong(key, "a whole number") }
        return v
    }

    func strings(_ key: String) throws -> [String]? {
        guard let n = node(key) else { return nil }
        guard let seq = n.sequence else { throw wrong(key, "a list") }
        return try seq.enumerated().map { i, item in
            guard let s = item.scalar else { throw wrong("\(key)[\(i)]", "text") }
            return s.string
        }
    }

    func ints(_ key: String) throws -> [Int]? {
        guard let n = node(key) else { return nil }
        guard let seq = n.sequence else { throw wrong(key, "a list") }
        return try seq.enumerated().map { i, item in
            guard let s = item.scalar, let v = Int.construct(from: s) else { throw wrong("\(key)[\(i)]", "a whole number") }
            return v
        }
    }

    func map(_ key: String) throws -> YAMLMap? {
        guard let n = node(key) else { return nil }
        guard let m = n.mapping else { throw wrong(key, "a mapping") }
        return YAMLMap(file: file, path: keyPath(key), mapping: m)
    }

    func maps(_ key: String) throws -> [YAMLMap]? {
        guard let n = node(key) else { return nil }
        guard let seq = n.sequence else { throw wrong(key, "a list") }
        return try seq.enumerated().map { i, item in
            guard let m = item.mapping else { throw wrong("\(key)[\(i)]", "a mapping") }
            return YAMLMap(file: file, path: "\(keyPath(key))[\(i)]", mapping: m)
        }
    }
}
