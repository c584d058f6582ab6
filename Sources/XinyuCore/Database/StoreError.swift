/// Why the store could not be opened or used: one line saying what, where, and what to do.
public enum StoreError: Error, CustomStringConvertible, Sendable {
    case missingDirectory(path: String, directory: String)
    case readOnly(path: String)
    case newerSchema(path: String)
    case notADatabase(path: String)
    case sqlite(path: String, message: String)
    case unknownTeacher(id: String)
    case unknownSchool(id: String)

    public var description: String {
        switch self {
        case let .missingDirectory(path, dir):
            "cannot open database \(path): directory \(dir) does not exist (create it or pass another --db)"
        case let .readOnly(path):
            "cannot write database \(path): the file or its directory is read-only (make it writable or pass another --db)"
        case let .newerSchema(path):
            "database \(path) was written by a newer version of xinyu; refusing to change it (use a newer xinyu)"
        case let .notADatabase(path):
            "\(path) is not a xinyu SQLite database (pass another --db)"
        case let .sqlite(path, message):
            "database \(path): \(message)"
        case let .unknownTeacher(id):
            "unknown teacher id \(id) (see `xinyu teachers list`)"
        case let .unknownSchool(id):
            "unknown school id \(id) (see `xinyu schools list`)"
        }
    }
}
