/// An error the CLI and server report as one line, with the process exit status it maps to.
///
/// Exit statuses: 0 ok, 1 usage or other error, 2 input rejected, 3 partially applied import.
public protocol XinyuError: Error, CustomStringConvertible, Sendable {
    var exitStatus: Int32 { get }
}

extension XinyuError {
    public var exitStatus: Int32 { 1 }
}

extension StoreError: XinyuError {}

/// Bad input in a file the user gave us: which file, where, what is wrong. Exit status 2.
public struct InputError: XinyuError {
    public var file: String
    public var line: Int?
    public var record: String?
    public var problem: String

    public init(file: String, line: Int? = nil, record: String? = nil, problem: String) {
        self.file = file
        self.line = line
        self.record = record
        self.problem = problem
    }

    public var exitStatus: Int32 { 2 }

    public var description: String {
        var s = file
        if let line { s += ":\(line)" }
        if let record { s += ": \(record)" }
        return s + ": " + problem
    }
}

/// A bad command-line value (an unknown id, a date that does not exist). Exit status 1.
public struct UsageError: XinyuError {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// A value given from outside (a command-line option, a query parameter) that cannot be used: a date, school year
/// or term that is malformed, not in the calendar, or outside ``Day/supportedYears``. Exit status 2 (input
/// rejected). The caller names the value the way the user wrote it (`--as-of`, `asOf=`); the library never does.
public struct RejectedValue: XinyuError {
    /// How the user gave it, e.g. `--as-of`.
    public var name: String
    public var value: String
    /// What is wrong and what is allowed, e.g. "outside the supported years 1900–2199".
    public var problem: String

    public init(name: String, value: String, problem: String) {
        self.name = name
        self.value = value
        self.problem = problem
    }

    public init(name: String, value: String, _ problem: Day.ParseProblem) {
        self.init(name: name, value: value, problem: problem.description)
    }

    public var exitStatus: Int32 { 2 }
    public var description: String { "\(name) \(value): \(problem)" }
}
