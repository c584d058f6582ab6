import Foundation

/// A name with all but its first character masked (`张三丰` → `张**`), as the public verification page shows it.
public enum MaskedName {
    /// The first character, then one `*` for each further character (a one-character name stays as it is).
    public static func mask(_ name: String) -> String {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard let first = trimmed.first else { return "" }
        return String(first) + String(repeating: "*", count: trimmed.count - 1)
    }
}
