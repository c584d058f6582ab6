import XinyuCore

/// A spreadsheet that cannot be read as a whole (exit status 2: the input is rejected, nothing is applied).
public struct SheetFileError: Error, Sendable, CustomStringConvertible, Equatable {
    public var file: String
    public var problem: String

    public init(file: String, problem: String) {
        self.file = file
        self.problem = problem
    }

    public var description: String { "\(file): \(problem)" }
}

extension SheetFileError: XinyuError {
    public var exitStatus: Int32 { 2 }
}
