extension Day {
    /// TEMPORARY (replaced on merge).
    public static let supportedYears = 1900...2199
}
