import XinyuCore

/// A report was asked for a district that no stored school belongs to (issue #18).
public struct UnknownDistrictError: XinyuError, Equatable {
    /// The code asked for.
    public var code: String

    public init(code: String) {
        self.code = code
    }

    public var description: String {
        "no school of district \(code) is stored (a district's schools come with its feed; check the 6-digit code)"
    }
}
