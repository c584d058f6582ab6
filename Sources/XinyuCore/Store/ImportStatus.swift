/// How an import attempt ended, as the summary and the import log record it.
///
/// The store binds these values, never literals in SQL.
public enum ImportStatus: String, Sendable, Codable, CaseIterable {
    /// Every record stored.
    case applied
    /// Some records rejected, the rest stored.
    case partial
    /// Nothing stored: the document was rejected as a whole, or `strict` rolled it back.
    case rejected
    /// The feed id was already applied or partly applied: nothing done.
    case duplicate
    /// `validateOnly`: the document is valid (nothing stored).
    case valid
    /// `validateOnly`: the document is not valid.
    case invalid

    /// The statuses whose feed id counts as imported (a later feed with the same id is a duplicate).
    public static let imported: [ImportStatus] = [.applied, .partial]
}
