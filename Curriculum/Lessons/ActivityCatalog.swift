import Foundation
import XinyuCore

/// The group-guidance catalog, loaded from `activities.yaml` (a list under `activities:`).
public struct ActivityCatalog: Sendable {
    public let activities: [GroupActivity]

    public init(activities: [GroupActivity]) { self.activities = activities }

    public func activity(_ id: String) -> GroupActivity? { activities.first { $0.id == id } }

    /// The bundled catalog (`Curriculum/Library/activities.yaml`).
    public static func bundled() throws -> ActivityCatalog { try bundledOnce.get() }

    /// The bundled catalog, read and validated once per process: it is a read-only resource of the build.
    private static let bundledOnce = Result { () throws -> ActivityCatalog in
        guard let url = Bundle.module.url(forResource: "activities", withExtension: "yaml", subdirectory: "Library") else {
            throw InputError(
                file: "Curriculum/Library/activities.yaml", problem: "bundled activity catalog is missing from this build")
        }
        return try load(path: url.path)
    }

    /// One activity's keys as written, before validation.
    private struct Raw {
        var id, name, nameEn, facilitatorLevel, room, description: String?
        var minSize, maxSize, sessions, minutes: Int?
        var bands: [String]?

        init(_ m: YAMLMap) throws {
            id = try m.string("id")
            name = try m.string("name")
            nameEn = try m.string("nameEn")
            minSize = try m.int("minSize")
            maxSize = try m.int("maxSize")
            sessions = try m.int("sessions")
            minutes = try m.int("minutes")
            facilitatorLevel = try m.string("facilitatorLevel")
            bands = try m.strings("bands")
            room = try m.string("room")
            description = try m.string("description")
        }
    }

    public static func load(path: String) throws -> ActivityCatalog {
        try parse(file: path, text: try YAMLFile.read(path))
    }

    /// Parses and validates a catalog (sizes 1 ≤ min ≤ max, sessions ≥ 1, minutes ≥ 1, known level and bands).
    public static func parse(file: String, text: String) throws -> ActivityCatalog {
        guard let items = try YAMLMap.document(text, file: file).maps("activities"), !items.isEmpty else {
            throw InputError(file: file, problem: "no `activities` listed")
        }
        var seen = Set<String>()
        let list: [GroupActivity] = try items.enumerated().map { n, item in
            let r = try Raw(item)
            let id = r.id ?? "activity #\(n + 1)"
            func fail(_ p: String) -> InputError { InputError(file: file, record: id, problem: p) }
            guard let rid = r.id, Identifier.isValid(rid) else { throw fail("missing or invalid id") }
            guard seen.insert(rid).inserted else { throw fail("duplicate activity id") }
            guard let name = r.name, let nameEn = r.nameEn else { throw fail("missing name or nameEn") }
            guard let lo = r.minSize, let hi = r.maxSize, lo >= 1, lo <= hi else {
                throw fail("group size needs minSize ≥ 1 and maxSize ≥ minSize")
            }
            guard let sessions = r.sessions, sessions >= 1 else { throw fail("sessions must be at least 1") }
            guard let minutes = r.minutes, minutes >= 1, minutes <= 240 else { throw fail("minutes must be 1–240") }
            guard let lt = r.facilitatorLevel, let level = Level(rawValue: lt) else {
                throw fail("facilitatorLevel must be A, B or C")
            }
            let bands = try (r.bands ?? Band.allCases.map(\.rawValue)).map { b in
                guard let band = Band(rawValue: b) else { throw fail("unknown band \(b)") }
                return band
            }
            let room = r.room ?? "counseling-room"
            guard room == "counseling-room" || room == "classroom" else {
                throw fail("room must be counseling-room or classroom")
            }
            return GroupActivity(
                id: rid, name: name, nameEn: nameEn, minSize: lo, maxSize: hi, sessions: sessions,
                minutes: minutes, facilitatorLevel: level, bands: bands, room: room,
                description: r.description ?? "")
        }
        return ActivityCatalog(activities: list)
    }
}
