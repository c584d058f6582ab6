import XinyuCore

/// The server could not be set up (bad option, unreadable token file). Exit status 1.
public struct ServerSetupError: XinyuError {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
