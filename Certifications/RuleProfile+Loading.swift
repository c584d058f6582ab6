import Foundation
import XinyuCore
import Yams

extension RuleProfile {
    /// The profile shipped with the product (`Certifications/Profiles/default.yaml`).
    public static var bundledDefaultURL: URL {
        Bundle.module.url(forResource: "default", withExtension: "yaml", subdirectory: "Profiles")!
    }

    /// What names the profile in output: `default` for the bundled profile, else the file's path as it was given
    /// (never the bundle's path inside a build directory, which differs per installation).
    public var name: String {
        guard let source, source != Self.bundledDefaultURL.path else { return "default" }
        return source
    }

    /// Loads and validates a profile; `nil` loads the bundled default.
    ///
    /// Any problem (unreadable file, bad YAML, unknown key, level or role, negative hours, a prerequisite cycle,
    /// a missing level or role) throws one ``InputError`` (exit 2) naming the file, the line, the key and the problem.
    public static func load(path: String?) throws -> RuleProfile {
        let file = path ?? bundledDefaultURL.path
        let text: String
        do {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw InputError(
                file: file, problem: "cannot read the rule profile (missing, unreadable or not UTF-8); check the path")
        }
        var profile = try parse(yaml: text, file: file)
        profile.source = file
        return profile
    }

    /// Parses and validates profile YAML; `file` is only used in error messages.
    public static func parse(yaml text: String, file: String) throws -> RuleProfile {
        let root: Node?
        do {
            // No implicit typing (`.basic`): the reader parses every scalar itself, and Yams' default resolver
            // compiles a set of ICU regular expressions on first use, a few milliseconds of every command's start.
            root = try Yams.compose(yaml: text, .basic)
        } catch let e as YamlError {
            let first = String(describing: e).split(separator: "\n").first.map(String.init) ?? "invalid YAML"
            throw InputError(file: file, problem: "not valid YAML: \(first)")
        } catch {
            throw InputError(file: file, problem: "not valid YAML: \(error)")
        }
        guard let root else {
            throw InputError(file: file, problem: "the rule profile is empty; start from the bundled default.yaml")
        }
        return try ProfileReader(file: file).profile(root)
    }
}

/// Reads the YAML node tree, checking every key, with errors that name the file, line and key path.
private struct ProfileReader {
    let file: String

    /// Upper bounds of the profile's numbers (far above any province's rules).
    static let maxHours: Hours = 100_000
    static let maxYears = 100
    static let maxDays = 3660
    static let maxCount = 100_000

    func fail(_ node: Node?, _ key: String, _ problem: String) -> InputError {
        InputError(file: file, line: node?.mark?.line, record: key, problem: problem)
    }

    func mapping(_ node: Node, _ key: String, allowed: Set<String>) throws -> [String: Node] {
        guard let m = node.mapping else { throw fail(node, key, "expected a mapping of keys") }
        var out: [String: Node] = [:]
        for (k, v) in m {
            guard let name = k.string else { throw fail(k, key, "a key is not text") }
            let path = key.isEmpty ? name : "\(key).\(name)"
            guard allowed.contains(name) else {
                throw fail(k, path, "unknown key; allowed here: \(allowed.sorted().joined(separator: ", "))")
            }
            guard out[name] == nil else { throw fail(k, path, "key given twice") }
            out[name] = v
        }
        return out
    }

    func required(_ m: [String: Node], _ name: String, in key: String, of parent: Node) throws -> Node {
        guard let n = m[name] else { throw fail(parent, key.isEmpty ? name : "\(key).\(name)", "missing") }
        return n
    }

    func hours(_ node: Node, _ key: String) throws -> Hours {
        guard let s = node.scalar?.string else { throw fail(node, key, "expected hours, a number like 36 or 12.5") }
        let t = s.trimmingCharacters(in: .whitespaces)
        if t.hasPrefix("-") { throw fail(node, key, "negative hours (\(t)); hours must be 0 or more") }
        guard let h = Hours(t) else {
            throw fail(node, key, "not hours (\(t)); use a number with at most one decimal, like 36 or 12.5")
        }
        guard h <= Self.maxHours else {
            throw fail(node, key, "\(t) hours is too many; use at most \(Self.maxHours.tenths / 10)")
        }
        return h
    }

    /// A plain (unquoted) YAML 1.1 boolean: true/false, yes/no, on/off, in lower, capitalised or upper case.
    func boolean(_ node: Node) -> Bool? {
        guard let s = node.scalar, s.style == .plain else { return nil }
        switch s.string {
        case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON": return true
        case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF": return false
        default: return nil
        }
    }

    /// A whole number in `min...max`: bounded so that dates computed from it (issued + validity years, the
    /// prerequisite's years, the warning window) stay inside the calendar and sums cannot overflow.
    func integer(_ node: Node, _ key: String, min: Int, max: Int, what: String) throws -> Int {
        guard let s = node.scalar?.string, let v = Int(s.trimmingCharacters(in: .whitespaces)) else {
            throw fail(node, key, "expected a whole number of \(what) (\(min)–\(max))")
        }
        guard v >= min else { throw fail(node, key, "\(v) \(what) is not allowed; use \(min) or more") }
        guard v <= max else { throw fail(node, key, "\(v) \(what) is too many; use at most \(max)") }
        return v
    }

    func number(_ node: Node, _ key: String) throws -> Double {
        guard let s = node.scalar?.string, let v = Double(s.trimmingCharacters(in: .whitespaces)), v.isFinite else {
            throw fail(node, key, "expected a number")
        }
        guard v >= 0 else { throw fail(node, key, "negative value (\(s)); use 0 or more") }
        return v
    }

    func level(_ node: Node, _ key: String) throws -> Level {
        guard let s = node.scalar?.string, let l = Level(rawValue: s) else {
            throw fail(node, key, "unknown level \"\(node.scalar?.string ?? "?")\"; use C, B or A")
        }
        return l
    }

    func profile(_ root: Node) throws -> RuleProfile {
        let top = try mapping(
            root, "",
            allowed: [
                "name", "description", "levels", "roleRequirements",
                "continuingEducation", "unionQuota", "countApproved", "reminders", "statistics",
            ])
        var countApproved = false
        if let n = top["countApproved"], n.null == nil {
            guard let b = boolean(n) else { throw fail(n, "countApproved", "expected true or false") }
            countApproved = b
        }
        // Levels.
        let levelsNode = try required(top, "levels", in: "", of: root)
        guard let lm = levelsNode.mapping else { throw fail(levelsNode, "levels", "expected a mapping with C, B and A") }
        var rules: [Level: RuleProfile.LevelRule] = [:]
        var prereqNodes: [Level: Node] = [:]
        for (k, v) in lm {
            let name = k.string ?? "?"
            guard let l = Level(rawValue: name) else { throw fail(k, "levels.\(name)", "unknown level; use C, B or A") }
            guard rules[l] == nil else { throw fail(k, "levels.\(name)", "level given twice") }
            let key = "levels.\(name)"
            let m = try mapping(
                v, key,
                allowed: [
                    "hours", "passRequired", "prerequisite", "practice",
                    "validityYears", "renewalHours", "warningDays",
                ])
            let h = try hours(try required(m, "hours", in: key, of: v), "\(key).hours")
            var pass = true
            if let p = m["passRequired"] {
                guard let b = boolean(p) else { throw fail(p, "\(key).passRequired", "expected true or false") }
                pass = b
            }
            var prereq: RuleProfile.Prerequisite?
            if let p = m["prerequisite"], p.null == nil {
                let pk = "\(key).prerequisite"
                let pm = try mapping(p, pk, allowed: ["level", "years"])
                let pl = try level(try required(pm, "level", in: pk, of: p), "\(pk).level")
                let py = try integer(
                    try required(pm, "years", in: pk, of: p), "\(pk).years", min: 0, max: Self.maxYears, what: "years")
                prereq = .init(level: pl, years: py)
                prereqNodes[l] = p
            }
            var practice: RuleProfile.Practice?
            if let p = m["practice"], p.null == nil {
                let pk = "\(key).practice"
                let pm = try mapping(p, pk, allowed: ["counselingHoursAbove", "lessonPeriodsAbove"])
                practice = .init(
                    counselingHoursAbove: try hours(
                        try required(pm, "counselingHoursAbove", in: pk, of: p), "\(pk).counselingHoursAbove"),
                    lessonPeriodsAbove: try integer(
                        try required(pm, "lessonPeriodsAbove", in: pk, of: p),
                        "\(pk).lessonPeriodsAbove", min: 0, max: Self.maxCount, what: "periods"))
            }
            let validity = try integer(
                try required(m, "validityYears", in: key, of: v), "\(key).validityYears", min: 1, max: Self.maxYears,
                what: "years")
            let renewal = try hours(try required(m, "renewalHours", in: key, of: v), "\(key).renewalHours")
            let warning = try integer(
                try required(m, "warningDays", in: key, of: v), "\(key).warningDays", min: 0, max: Self.maxDays, what: "days")
            rules[l] = .init(
                hours: h, passRequired: pass, prerequisite: prereq, practice: practice,
                validityYears: validity, renewalHours: renewal, warningDays: warning)
        }
        for l in [Level.C, .B, .A] where rules[l] == nil {
            throw fail(levelsNode, "levels.\(l.rawValue)", "missing; the profile must give C, B and A")
        }
        // Prerequisite cycles (C → A → B → C, or a level requiring itself).
        for start in [Level.C, .B, .A] {
            var chain = [start]
            var cur = start
            while let next = rules[cur]?.prerequisite?.level {
                chain.append(next)
                if next == start {
                    throw fail(
                        prereqNodes[start], "levels.\(start.rawValue).prerequisite",
                        "prerequisite cycle \(chain.map(\.rawValue).joined(separator: " → ")); one level must need none")
                }
                if chain.count > 4 { break }
                cur = next
            }
        }
        // Roles.
        let rolesNode = try required(top, "roleRequirements", in: "", of: root)
        let rm = try mapping(rolesNode, "roleRequirements", allowed: Set(Role.allCases.map(\.rawValue)))
        var roles: [String: Level] = [:]
        for r in Role.allCases {
            guard let n = rm[r.rawValue] else {
                throw fail(rolesNode, "roleRequirements.\(r.rawValue)", "missing; every role needs a level (C, B or A)")
            }
            roles[r.rawValue] = try level(n, "roleRequirements.\(r.rawValue)")
        }
        // The quota planner's sections, read into its own types with the same checks as every other key.
        var ce: RuleProfile.ContinuingEducation?
        if let n = top["continuingEducation"], n.null == nil {
            let k = "continuingEducation"
            let m = try mapping(n, k, allowed: ["yearMinimumHours", "categoryMinimumHours", "trainingDayHours"])
            let cn = try required(m, "categoryMinimumHours", in: k, of: n)
            let cm = try mapping(cn, "\(k).categoryMinimumHours", allowed: Set(XinyuCore.Category.allCases.map(\.rawValue)))
            var cats: [String: Hours] = [:]
            for (name, v) in cm { cats[name] = try hours(v, "\(k).categoryMinimumHours.\(name)") }
            ce = .init(
                yearMinimumHours: try hours(try required(m, "yearMinimumHours", in: k, of: n), "\(k).yearMinimumHours"),
                categoryMinimumHours: cats,
                trainingDayHours: try hours(try required(m, "trainingDayHours", in: k, of: n), "\(k).trainingDayHours"))
        }
        var uq: RuleProfile.UnionQuota?
        if let n = top["unionQuota"], n.null == nil {
            let k = "unionQuota"
            let m = try mapping(
                n, k,
                allowed: [
                    "professionalSessionsPerYear", "wholeStaffTrainingsPerTerm",
                    "wholeStaffAttendanceShare", "wholeStaffTier",
                ])
            func count(_ name: String, _ what: String) throws -> Int {
                try integer(try required(m, name, in: k, of: n), "\(k).\(name)", min: 0, max: Self.maxCount, what: what)
            }
            let shareNode = try required(m, "wholeStaffAttendanceShare", in: k, of: n)
            let share = try number(shareNode, "\(k).wholeStaffAttendanceShare")
            guard share <= 1 else {
                throw fail(shareNode, "\(k).wholeStaffAttendanceShare", "\(share) is not a share; use 0 to 1 (0.8 = 80%)")
            }
            let tierNode = try required(m, "wholeStaffTier", in: k, of: n)
            let tier = try integer(tierNode, "\(k).wholeStaffTier", min: 10, max: 99, what: "tier code")
            guard Tier(rawValue: tier) != nil else {
                throw fail(tierNode, "\(k).wholeStaffTier", "\(tier) is not a tier code (10, 20, 30, 40, 60, 99)")
            }
            uq = .init(
                professionalSessionsPerYear: try count("professionalSessionsPerYear", "sessions"),
                wholeStaffTrainingsPerTerm: try count("wholeStaffTrainingsPerTerm", "trainings"),
                wholeStaffAttendanceShare: share, wholeStaffTier: tier)
        }
        return RuleProfile(
            levels: .init(C: rules[.C]!, B: rules[.B]!, A: rules[.A]!), roleRequirements: roles,
            continuingEducation: ce, unionQuota: uq, countApproved: countApproved, reminders: try reminders(top["reminders"]),
            statistics: try statistics(top["statistics"]))
    }

    /// A list of whole numbers in `min...max`.
    func integers(_ node: Node, _ key: String, min: Int, max: Int, what: String) throws -> [Int] {
        guard let seq = node.sequence, !seq.isEmpty else { throw fail(node, key, "expected a list of \(what), like [1, 2]") }
        return try seq.map { try integer($0, key, min: min, max: max, what: what) }
    }

    /// The `reminders` section (issue #16); absent: nil (the standard rules apply).
    func reminders(_ node: Node?) throws -> ReminderRules? {
        guard let n = node, n.null == nil else { return nil }
        let k = "reminders"
        let m = try mapping(n, k, allowed: ["expiryWindowsDays", "lapsedWithinDays", "behindCheckDates"])
        var r = ReminderRules.standard
        if let w = m["expiryWindowsDays"] {
            r.expiryWindowsDays = Array(Set(try integers(w, "\(k).expiryWindowsDays", min: 1, max: Self.maxDays, what: "days")))
                .sorted(by: >)
        }
        if let l = m["lapsedWithinDays"] {
            r.lapsedWithinDays = try integer(l, "\(k).lapsedWithinDays", min: 0, max: Self.maxDays, what: "days")
        }
        if let b = m["behindCheckDates"] {
            let key = "\(k).behindCheckDates"
            guard let seq = b.sequence else { throw fail(b, key, "expected a list of days like [\"03-01\", \"05-01\"]") }
            r.behindCheckDates = try seq.map { d in
                guard let s = d.scalar?.string, let md = ReminderRules.MonthDay(s) else {
                    throw fail(d, key, "\(d.scalar?.string ?? "?") is not a day of the year written MM-DD, like 03-01")
                }
                return md
            }
        }
        return r
    }

    /// The `statistics` section; absent: nil (RULES.md's bands apply).
    func statistics(_ node: Node?) throws -> HourBands? {
        guard let n = node, n.null == nil else { return nil }
        let m = try mapping(n, "statistics", allowed: ["hourBands"])
        let key = "statistics.hourBands"
        let bands = try required(m, "hourBands", in: "statistics", of: n)
        let limits = try integers(bands, key, min: 1, max: Self.maxHours.tenths / 10, what: "hours")
        guard zip(limits, limits.dropFirst()).allSatisfy({ $0 < $1 }) else {
            throw fail(bands, key, "the band limits must rise, like [36, 72, 108]")
        }
        return HourBands(limits: limits)
    }
}
