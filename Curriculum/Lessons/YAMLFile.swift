import Foundation
import XinyuCore
import Yams

/// Reading YAML data files with one-line errors.
enum YAMLFile {
    static func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: path, problem: "cannot read the file; check the path and permissions")
        }
        guard let s = String(data: data, encoding: .utf8) else {
            throw InputError(file: path, problem: "not UTF-8 text")
        }
        return s
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String, file: String) throws -> T {
        do {
            return try YAMLDecoder().decode(T.self, from: text)
        } catch let e as DecodingError {
            throw InputError(file: file, problem: describe(e))
        } catch let e as YamlError {
            let one = "\(e)".split(whereSeparator: \.isNewline).first.map(String.init) ?? "invalid YAML"
            throw InputError(file: file, problem: "invalid YAML: \(one)")
        } catch {
            throw InputError(file: file, problem: "invalid YAML: \(error)")
        }
    }

    static func describe(_ e: DecodingError) -> String {
        func path(_ c: [CodingKey]) -> String {
            c.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch e {
        case .typeMismatch(_, let c): return "\(path(c.codingPath)): wrong type (\(c.debugDescription))"
        case .valueNotFound(_, let c): return "\(path(c.codingPath)): missing value"
        case .keyNotFound(let k, let c): return "\(path(c.codingPath + [k])): missing"
        case .dataCorrupted(let c): return "\(path(c.codingPath)): \(c.debugDescription)"
        @unknown default: return "\(e)"
        }
    }
}
