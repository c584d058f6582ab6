import Certifications
import Curriculum
import Importers
import XinyuAccounts
import XinyuCore
import XinyuPostgres

extension StoreError {
    /// The one line the CLI prints: the store's own words plus what to do on the command line.
    var cliDescription: String {
        switch self {
        case .missingDirectory: description + " (create it or pass another --db)"
        case .notAFile: description + " (pass the path of a database file)"
        case .readOnly: description + " (make it writable or pass another --db)"
        case .readOnlyNeedsMigration: description + " (make it writable and run `xinyu init`)"
        case .notADatabase: description + " (pass another --db)"
        case .unknownTeacher: description + " (see `xinyu teachers list`)"
        case .unknownSchool: description + " (see `xinyu schools list`)"
        case .unreadable, .newerSchema, .busy, .overloaded, .full, .backupExists, .sqlite: description
        }
    }
}

/// The line the CLI prints for a product error: the libraries' words, plus the CLI's own flags and commands where
/// they help (libraries never name them: API clients read the same errors).
func cliLine(_ error: any XinyuError) -> String {
    switch error {
    case let e as StoreError: e.cliDescription
    case let e as ScheduleLookupError:
        switch e {
        case .noScheduleStored(let school):
            e.description + "; run `xinyu schedule build --term 2026-fall --school \(school)` first"
        case .termNotBuilt(let school, let term):
            e.description + "; run `xinyu schedule build --term \(term) --school \(school)` first"
        }
    case let e as TimetableLookupError:
        switch e {
        case .noTimetable(let school): e.description + "; run `xinyu timetable import FILE --school \(school)` first"
        }
    case let e as SampleFeedError:
        switch e {
        case .schoolCount, .districtCode: "--" + e.description
        case .cannotWrite: e.description
        }
    case let e as TrainingStoreError:
        switch e {
        case .unknownCourse: e.description + " (see `xinyu trainings list`)"
        case .unknownRecord: e.description + " (see `xinyu approvals list`)"
        default: e.description
        }
    case let e as UnknownDistrictError: e.description + " (see `xinyu coverage --by-district`)"
    case let e as QuotaPlanError:
        switch e {
        case .badBudget: "--" + e.description
        }
    case let e as PostgresStoreError:
        switch e {
        case .badURL: e.description + " (pass --db postgres://user@host:5432/dbname or a SQLite file)"
        case .cannotConnect:
            e.description + " (check that the server runs, the URL, and the password: URL, PGPASSWORD or ~/.pgpass)"
        case .server, .outOfScope: e.description
        }
    case let e as LibraryError where e.isUnknown: e.description + " (see `xinyu lessons list`)"
    case let e as LessonLibraryStoreError:
        switch e {
        case .unknownSchool: e.description + " (see `xinyu schools list`)"
        case .unknownItem: e.description + " (see `xinyu lessons list --source school`)"
        case .duplicateId: e.description + " (or `xinyu lessons edit ID FILE` to save a new version)"
        case .wrongState: e.description + " (see `xinyu lessons show ID`)"
        }
    case let e as CertificateStoreError:
        switch e {
        case .unknownCertificate: e.description + " (award numbers are the feed's `number`)"
        case .alreadyRevoked: e.description + " (see `xinyu certs revoked`)"
        }
    case let e as CertificateError:
        switch e {
        case .badReason(let text): "--reason \"\(text.prefix(40))\": give the reason on one line, 1–500 characters"
        }
    case let e as ApprovalError:
        switch e {
        case .reasonRequired: e.description + "; give it with --reason \"…\""
        default: e.description
        }
    case let e as StatisticsError:
        switch e {
        case .inactiveTeacher: e.description
        }
    case let e as AccountStoreError:
        switch e {
        case .unknownAccount: e.description + " (see `xinyu users list`)"
        case .unknownToken: e.description + " (see `xinyu tokens list`)"
        case .accountExists: e.description
        }
    default: error.description
    }
}
