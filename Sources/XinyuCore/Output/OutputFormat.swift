import Foundation

/// How a listing is printed: `table` (default), `json`, or `csv`.
public enum OutputFormat: String, Sendable, CaseIterable, Codable {
    case table, json, csv
}

/// JSON as every command prints it: sorted keys, pretty, slashes unescaped, UTF-8.
public enum JSONOutput {
    public static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        e.dateEncodingStrategy = .iso8601
        return e
    }

    public static func string(_ value: some Encodable) throws -> String {
        String(decoding: try encoder().encode(value), as: UTF8.self) + "\n"
    }
}
