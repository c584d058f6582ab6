/// Why a delivery attempt failed, in the words the outbox keeps (`notices list` shows them).
public struct DeliveryError: Error, Sendable, CustomStringConvertible, Equatable {
    public var description: String

    /// An error with these words (cut to one line of at most 300 characters).
    public init(_ words: String) {
        let line = words.split(whereSeparator: \.isNewline).first.map(String.init) ?? words
        description = String(line.prefix(300))
    }
}
