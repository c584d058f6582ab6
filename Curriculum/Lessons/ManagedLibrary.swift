import Foundation
import XinyuCore

/// The managed lesson library (issue #19): the bundled plans and activities (read-only) and the stored ones of the
/// district and of each school, with their versions and review. Every write checks the file or body with
/// ``LibraryFile`` and appends an audit line (`lesson.add`, `lesson.edit`, …; `activity.…` for activities).
///
/// Review: a school proposes one of its plans (`active` or `returned`); a district role approves it (every school
/// then sees it in the district library, crediting the school) or returns it with a reason; editing a returned
/// plan makes it `active` again. Retiring keeps the plan and its history; it is simply no longer used or listed.
public enum ManagedLibrary {
    /// Who acts and when: the audit actor (`cli:USER` or an account name) and the client's address.
    public struct Actor: Sendable {
        public var name: String
        public var address: String?
        public var now: Date
        public init(name: String, address: String? = nil, now: Date = Date()) {
            self.name = name
            self.address = address
            self.now = now
        }
    }

    static var bundledLessons: LessonLibrary { get throws { try LessonLibrary.bundled() } }
    static var bundledActivities: ActivityCatalog { get throws { try ActivityCatalog.bundled() } }

    /// Whether `id` names a bundled lesson or activity.
    public static func isBundled(_ id: String) throws -> Bool {
        try bundledLessons.lesson(id) != nil || bundledActivities.activity(id) != nil
    }

    // MARK: writes

    /// Adds a new plan (or activity) from `text` (named `file` in errors), owned by `school` (nil: the district).
    public static func add(
        text: String, file: String, kind: LibraryKind, school: String?, in store: any XinyuStore, by actor: Actor
    ) throws -> LibraryItem {
        let parsed = try LibraryFile.parse(text: text, file: file, kind: kind)
        if try isBundled(parsed.id) {
            throw InputError(file: file, record: "id", problem: "\(parsed.id) is a bundled item's id; choose another")
        }
        let content = try content(of: parsed)
        let audit = entry(actor, "\(kind.rawValue).add", kind, parsed.id, after: ["owner": school ?? "district"])
        return try store.createLibraryItems(
            [content], school: school, copiedFrom: nil, actor: actor.name, at: actor.now, audit: audit)[0]
    }

    /// Copies a bundled or stored item to `school` (nil: the district) as a new item at version 1, under `newId`
    /// or `<school>-<id>` (with `-2`, `-3` … when taken).
    public static func copy(
        id: String, to school: String?, newId: String? = nil, in store: any XinyuStore, by actor: Actor
    ) throws -> LibraryItem {
        let source = try parsed(id: id, version: nil, in: store)
        if let newId, !Identifier.isValid(newId) {
            throw LibraryError(id: newId, problem: "not a valid id (letters, digits, . _ -)")
        }
        var target = newId ?? "\(school ?? "district")-\(id)"
        if newId == nil {
            var n = 2
            let base = target
            while try store.libraryItem(id: target) != nil || isBundled(target) {
                target = "\(base)-\(n)"
                n += 1
            }
        } else if try isBundled(target) {
            throw LibraryError(id: target, problem: "is a bundled item's id; choose another")
        }
        let copy: LibraryFile.Parsed
        switch source {
        case .lesson(var l):
            l.id = target
            copy = .lesson(l)
        case .activity(var a):
            a.id = target
            copy = .activity(a)
        }
        let audit = entry(
            actor, "\(copy.kind.rawValue).copy", copy.kind, target, after: ["from": id, "owner": school ?? "district"])
        return try store.createLibraryItems(
            [try content(of: copy)], school: school, copiedFrom: id, actor: actor.name, at: actor.now, audit: audit)[0]
    }

    /// Saves `text` as the next version of stored item `id` (a file without an id takes it).
    public static func edit(
        id: String, text: String, file: String, in store: any XinyuStore, by actor: Actor
    ) throws -> LibraryItem {
        let item = try stored(id, in: store)
        let parsed = try LibraryFile.parse(text: text, file: file, kind: item.kind, id: id)
        let audit = entry(
            actor, "\(item.kind.rawValue).edit", item.kind, id, before: ["version": String(item.version)],
            after: ["version": String(item.version + 1)])
        return try store.saveLibraryVersion(try content(of: parsed), actor: actor.name, at: actor.now, audit: audit)
    }

    /// Retires a stored item (kept with its history; no longer used by schedules or listed by default).
    public static func retire(id: String, in store: any XinyuStore, by actor: Actor) throws -> LibraryItem {
        try move(id, to: .retired, from: [.active, .proposed, .approved, .returned], reason: nil, "retire", store, actor)
    }

    /// A school proposes its own plan to the district library.
    public static func propose(id: String, in store: any XinyuStore, by actor: Actor) throws -> LibraryItem {
        let item = try stored(id, in: store)
        guard item.school != nil else {
            throw LibraryError(id: id, problem: "is the district's own; only a school's plan is proposed")
        }
        return try move(id, to: .proposed, from: [.active, .returned], reason: nil, "propose", store, actor)
    }

    /// A district role approves a proposed plan: every school then sees it, crediting its school.
    public static func approve(id: String, in store: any XinyuStore, by actor: Actor) throws -> LibraryItem {
        try move(id, to: .approved, from: [.proposed], reason: nil, "approve", store, actor)
    }

    /// A district role returns a proposed plan to its school with a reason.
    public static func returnToSchool(
        id: String, reason: String, in store: any XinyuStore, by actor: Actor
    ) throws -> LibraryItem {
        let r = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !r.isEmpty else { throw LibraryError(id: id, problem: "a return needs a reason the school can act on") }
        return try move(id, to: .returned, from: [.proposed], reason: r, "return", store, actor)
    }

    private static func move(
        _ id: String, to state: LibraryState, from: [LibraryState], reason: String?, _ verb: String,
        _ store: any XinyuStore, _ actor: Actor
    ) throws -> LibraryItem {
        let item = try stored(id, in: store)
        var after = ["state": state.rawValue]
        if let reason { after["reason"] = reason }
        let audit = entry(
            actor, "\(item.kind.rawValue).\(verb)", item.kind, id, before: ["state": item.state.rawValue], after: after)
        return try store.setLibraryState(id: id, to: state, from: from, reason: reason, at: actor.now, audit: audit)
    }

    // MARK: reads

    /// What `lessons list` shows: bundled items (unless a school or a stored source is asked for) then stored
    /// ones, each list by id. `visibleTo` limits stored items to a school's own and the district library's.
    ///
    /// When both are listed, the bundled files are read (once per process) on another thread while the store
    /// answers: each is a few milliseconds of a command whose target is 50 ms (issue #19).
    public static func list(
        _ query: LibraryQuery, visibleTo: String? = nil, in store: (any XinyuStore)?
    ) throws -> [LibraryEntry] {
        var out: [LibraryEntry] = []
        let bundled =
            query.school == nil && (query.source == nil || query.source == .bundled)
            && (query.states == nil || query.states?.contains(.active) == true)
        var stored: [LibraryEntry] = []
        if let store, query.source != .bundled {
            var q = query
            q.visibleTo = visibleTo
            q.withBody = false
            let reading = DispatchGroup()
            if bundled {
                DispatchQueue.global().async(group: reading) {
                    _ = try? LessonLibrary.bundled()
                    _ = try? ActivityCatalog.bundled()
                }
            }
            defer { reading.wait() }
            stored = try store.libraryItems(q).map(LibraryEntry.init(stored:))
        }
        if bundled {
            let needle = query.text?.lowercased()
            func hit(_ fields: [String]) -> Bool {
                guard let needle, !needle.isEmpty else { return true }
                return fields.joined(separator: "\n").lowercased().contains(needle)
            }
            if query.kind != .activity {
                for l in try bundledLessons.lessons
                where (query.band == nil || l.band.rawValue == query.band)
                    && (query.theme == nil || l.theme.rawValue == query.theme) && hit(searchFields(l))
                {
                    out.append(LibraryEntry(bundled: l))
                }
            }
            if query.kind != .lesson, query.band == nil, query.theme == nil {
                for a in try bundledActivities.activities where hit([a.name, a.nameEn, a.description]) {
                    out.append(LibraryEntry(bundled: a))
                }
            }
        }
        return out + stored
    }

    /// One item at `version` (default: current; bundled items have only version 0).
    public static func show(id: String, version: Int? = nil, in store: (any XinyuStore)?) throws -> LibraryDocument {
        if let l = try bundledLessons.lesson(id) {
            guard version == nil || version == 0 else { throw LibraryError(id: id, problem: "a bundled plan has no versions") }
            return LibraryDocument(entry: LibraryEntry(bundled: l), version: 0, lesson: l, activity: nil)
        }
        if let a = try bundledActivities.activity(id) {
            guard version == nil || version == 0 else {
                throw LibraryError(id: id, problem: "a bundled activity has no versions")
            }
            return LibraryDocument(entry: LibraryEntry(bundled: a), version: 0, lesson: nil, activity: a)
        }
        guard let store else { throw LibraryError.unknown(id) }
        let item = try stored(id, in: store)
        let v = version ?? item.version
        let content = try parsed(id: id, version: v, in: store)
        switch content {
        case .lesson(let l): return LibraryDocument(entry: LibraryEntry(stored: item), version: v, lesson: l, activity: nil)
        case .activity(let a): return LibraryDocument(entry: LibraryEntry(stored: item), version: v, lesson: nil, activity: a)
        }
    }

    /// Every version of a stored item, oldest first.
    public static func history(id: String, in store: any XinyuStore) throws -> [LibraryVersion] {
        if try isBundled(id) { throw LibraryError(id: id, problem: "a bundled item has no stored versions") }
        let versions = try store.libraryVersions(id: id)
        guard !versions.isEmpty else { throw LibraryError.unknown(id) }
        return versions
    }

    /// The stored lesson plans a term schedule may use (``StoredLessons``): the district library and every school's
    /// own plans in use, or only `school`'s.
    public static func storedLessons(in store: any LessonLibraryStore, school: String? = nil) throws -> StoredLessons {
        let items = try store.libraryItems(LibraryQuery(kind: .lesson, visibleTo: school))
        var out = StoredLessons()
        let decoder = JSONDecoder()
        for i in items {
            guard let l = try? decoder.decode(LessonPlan.self, from: Data(i.body.utf8)) else { continue }
            if i.isInDistrictLibrary { out.district.append(l) }
            if let s = i.school { out.bySchool[s, default: []].append(l) }
        }
        return out
    }

    // MARK: helpers

    static func stored(_ id: String, in store: any XinyuStore) throws -> LibraryItem {
        if let item = try store.libraryItem(id: id) { return item }
        if try isBundled(id) { throw LibraryError.bundled(id) }
        throw LibraryError.unknown(id)
    }

    static func parsed(id: String, version: Int?, in store: any XinyuStore) throws -> LibraryFile.Parsed {
        if let l = try bundledLessons.lesson(id) { return .lesson(l) }
        if let a = try bundledActivities.activity(id) { return .activity(a) }
        let item = try stored(id, in: store)
        var body = item.body
        if let version, version != item.version {
            guard let v = try store.libraryVersions(id: id).first(where: { $0.version == version }) else {
                throw LibraryError(id: id, problem: "has no version \(version); versions are 1–\(item.version)")
            }
            body = v.body
        }
        let data = Data(body.utf8)
        switch item.kind {
        case .lesson: return .lesson(try JSONDecoder().decode(LessonPlan.self, from: data))
        case .activity: return .activity(try JSONDecoder().decode(GroupActivity.self, from: data))
        }
    }

    static func searchFields(_ l: LessonPlan) -> [String] {
        [l.title, l.titleEn, l.objectives.joined(separator: "\n"), steps(l)]
    }

    static func steps(_ l: LessonPlan) -> String {
        [l.warmUp, l.main.description, l.closing].joined(separator: "\n")
    }

    /// The store's form of a parsed item: indexed fields and the JSON body.
    public static func content(of parsed: LibraryFile.Parsed) throws -> LibraryContent {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        switch parsed {
        case .lesson(let l):
            return LibraryContent(
                id: l.id, kind: .lesson, band: l.band.rawValue, theme: l.theme.rawValue, title: l.title,
                titleEn: l.titleEn, objectives: l.objectives.joined(separator: "\n"), steps: steps(l),
                body: String(decoding: try encoder.encode(l), as: UTF8.self))
        case .activity(let a):
            return LibraryContent(
                id: a.id, kind: .activity, band: nil, theme: nil, title: a.name, titleEn: a.nameEn, objectives: "",
                steps: a.description, body: String(decoding: try encoder.encode(a), as: UTF8.self))
        }
    }

    static func entry(
        _ actor: Actor, _ action: String, _ kind: LibraryKind, _ id: String, before: [String: String]? = nil,
        after: [String: String]? = nil
    ) -> AuditEntry {
        func json(_ d: [String: String]?) -> String? {
            guard let d else { return nil }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            return (try? encoder.encode(d)).map { String(decoding: $0, as: UTF8.self) }
        }
        return AuditEntry(
            at: actor.now, actor: actor.name, address: actor.address, action: action, target: "\(kind.rawValue) \(id)",
            before: json(before), after: json(after))
    }
}
