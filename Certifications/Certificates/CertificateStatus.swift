/// A certificate's standing on a date, as its page and the public verification show it.
public enum CertificateStatus: String, Sendable, Codable, CaseIterable {
    /// Its current cycle runs past the date (and is not expiring).
    case valid
    /// Valid, but the cycle ends within the level's warning window with renewal hours short (RULES.md).
    case expiring
    /// Its last cycle ended on or before the date without renewal.
    case expired
    /// Revoked by the district: it counts for nothing.
    case revoked
}
