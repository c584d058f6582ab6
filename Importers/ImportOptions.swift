import XinyuCore

/// How one `xinyu import` runs.
public struct ImportOptions: Sendable {
    /// Any rejected record rejects the whole feed.
    public var strict = false
    /// Check and report everything, then roll back: no data and no import-log row are written.
    public var dryRun = false
    /// Validate a district feed against `district-feed-v1.xsd` only (an IMS file: well-formedness only); writes nothing.
    public var validateOnly = false
    /// IMS: the school every `person` belongs to (required when the file has persons).
    public var school: String? = nil
    /// IMS: the hours of a `group` that carries no `hours` extension.
    public var defaultHours: Hours? = nil
    /// Show a progress bar on stderr for large files, only when stderr is a terminal.
    public var progress = false
    /// What the summary and the import log call the file instead of its path (the server names uploads `upload`,
    /// so that no server path is ever shown to an API client); nil: the path.
    public var sourceName: String? = nil
    /// Valid attendance, counseling and lesson records of a district feed take the fast paths
    /// (`DistrictFeedReader+FastPaths.swift`); tests turn them off to compare the two paths.
    var fastPaths = true
    /// How many awards' numbers are looked up in one query (tests make groups small). Each lookup waits for every
    /// record sent before it to be written (PostgreSQL: the statements on their way), so that a district's 42,000
    /// awards in groups of 1,000 kept the importer waiting 42 times at the end of its feed while the server wrote
    /// the last batches; 50,000 pending awards hold about 10 MB.
    var awardsPerLookup = 50_000
    public init() {}
}
