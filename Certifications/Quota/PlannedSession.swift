import Foundation
import XinyuCore

/// A training session the union plans to run, read from the sessions CSV file.
public struct PlannedSession: Sendable, Codable, Hashable {
    public var id: String
    public var title: String
    public var date: Day
    public var hours: Hours
    public var category: XinyuCore.Category
    public var tier: Int
    public var capacity: Int
    /// Cost of one seat, in cents (fen) — money is never a Double.
    public var costCents: Int
    /// Schools whose teachers may attend; nil means every school.
    public var schools: [String]?

    public init(
        id: String, title: String, date: Day, hours: Hours, category: XinyuCore.Category, tier: Int,
        capacity: Int, costCents: Int, schools: [String]? = nil
    ) {
        self.id = id
        self.title = title
        self.date = date
        self.hours = hours
        self.category = category
        self.tier = tier
        self.capacity = capacity
        self.costCents = costCents
        self.schools = schools
    }

    /// Whether a teacher of `school` may take a seat.
    public func allows(school: String) -> Bool { schools.map { $0.contains(school) } ?? true }
}

/// Money as cents: "120", "120.5", "120.50" (no sign, no thousands separators, at most two decimals).
public enum Money {
    public static func parse(_ text: some StringProtocol) -> Int? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty, whole.count <= 12,
            whole.allSatisfy({ $0.isASCII && $0.isNumber }), let w = Int(whole)
        else { return nil }
        var cents = w * 100
        if parts.count == 2 {
            let f = parts[1]
            guard (1...2).contains(f.count), f.allSatisfy({ $0.isASCII && $0.isNumber }), let v = Int(f) else { return nil }
            cents += f.count == 1 ? v * 10 : v
        }
        return cents
    }

    /// "1234.50"
    public static func format(_ cents: Int) -> String {
        let sign = cents < 0 ? "-" : ""
        let c = abs(cents)
        let f = c % 100
        return "\(sign)\(c / 100).\(f < 10 ? "0" : "")\(f)"
    }
}

extension PlannedSession {
    /// Column names the sessions file may use (compared lowercased, without spaces, `_` or `-`), with Chinese aliases.
    static let columnAliases: [String: String] = [
        "id": "id", "sessionid": "id", "编号": "id",
        "title": "title", "name": "title", "标题": "title", "名称": "title",
        "date": "date", "日期": "date",
        "hours": "hours", "学时": "hours",
        "category": "category", "类别": "category",
        "tier": "tier", "培训类别": "tier", "层级": "tier",
        "capacity": "capacity", "seats": "capacity", "名额": "capacity", "容量": "capacity",
        "costperseat": "cost", "cost": "cost", "seatcost": "cost", "每座费用": "cost", "费用": "cost",
        "schools": "schools", "allowedschools": "schools", "学校": "schools",
    ]
    static let requiredColumns = ["id", "title", "date", "hours", "category", "tier", "capacity", "cost"]

    /// Upper bounds of one session, so that the planner's products and sums (seats × cost, capacity × hours)
    /// cannot overflow: 500 hours, 100,000 seats, 1,000,000 yuan a seat.
    static let maxHours: Hours = 500
    static let maxCapacity = 100_000
    static let maxCostCents = 100_000_000

    /// Reads and checks a sessions file. Every problem is an ``InputError`` naming the file and the line;
    /// nothing is returned unless the whole file is good.
    ///
    /// - Parameters:
    ///   - year: every session must be dated inside this school year.
    ///   - knownSchools: ids a `schools` cell may name.
    public static func parse(csv text: String, file: String, year: SchoolYear, knownSchools: Set<String>) throws
        -> [PlannedSession]
    {
        let (records, unclosed) = CSVReader.records(text)
        if let unclosed {
            throw InputError(file: file, line: unclosed, problem: "a quoted field is never closed; close the quote")
        }
        guard let header = records.first else {
            throw InputError(
                file: file, line: 1,
                problem: "empty file; the first row must name the columns "
                    + requiredColumns.joined(separator: ", "))
        }
        var col: [String: Int] = [:]
        for (i, h) in header.fields.enumerated() {
            let key = h.lowercased().filter { $0 != " " && $0 != "_" && $0 != "-" }
                .trimmingCharacters(in: .whitespaces)
            if let name = columnAliases[key], col[name] == nil { col[name] = i }
        }
        let missing = requiredColumns.filter { col[$0] == nil }
        if !missing.isEmpty {
            throw InputError(
                file: file, line: header.line, record: "header",
                problem: "missing column\(missing.count > 1 ? "s" : "") \(missing.joined(separator: ", ")); "
                    + "the columns are id, title, date, hours, category, tier, capacity, cost per seat, schools (optional)")
        }
        var out: [PlannedSession] = []
        var seen: Set<String> = []
        for r in records.dropFirst() {
            func cell(_ name: String) -> String {
                guard let i = col[name], i < r.fields.count else { return "" }
                return r.fields[i].trimmingCharacters(in: .whitespaces)
            }
            let id = cell("id")
            func fail(_ problem: String) -> InputError {
                InputError(file: file, line: r.line, record: id.isEmpty ? "row" : "session \(id)", problem: problem)
            }
            guard Identifier.isValid(id) else { throw fail("id \"\(id)\" is not an identifier [A-Za-z0-9._-]{1,64}") }
            guard !seen.contains(id) else { throw fail("session id \(id) appears twice; give each session its own id") }
            seen.insert(id)
            let title = cell("title")
            guard !title.isEmpty else { throw fail("title is empty") }
            let date: Day
            switch Day.parse(cell("date")) {
            case .success(let d): date = d
            case .failure(let p): throw fail("date \"\(cell("date"))\": \(p)")
            }
            guard year.contains(date) else {
                throw fail("date \(date) is outside the school year \(year) (\(year.first) to \(year.last))")
            }
            guard let hours = Hours(cell("hours")), hours.tenths > 0, hours <= maxHours else {
                throw fail(
                    "hours \"\(cell("hours"))\" must be a number above 0 and at most \(maxHours.tenths / 10),"
                        + " with at most one decimal"
                )
            }
            guard let category = XinyuCore.Category(rawValue: cell("category").lowercased()) else {
                throw fail("category \"\(cell("category"))\" must be public, professional or elective")
            }
            guard let tier = Int(cell("tier")), Tier(rawValue: tier) != nil else {
                throw fail("tier \"\(cell("tier"))\" must be a tier code: 10, 20, 30, 40, 60 or 99")
            }
            guard let capacity = Int(cell("capacity")) else {
                throw fail("capacity \"\(cell("capacity"))\" is not a whole number")
            }
            guard capacity >= 0 else { throw fail("capacity \(capacity) is negative") }
            guard capacity <= maxCapacity else {
                throw fail("capacity \(capacity) is too large; use at most \(maxCapacity) seats")
            }
            guard let cost = Money.parse(cell("cost")), cost <= maxCostCents else {
                throw fail(
                    "cost per seat \"\(cell("cost"))\" must be an amount like 120 or 120.50 (no sign),"
                        + " at most \(Money.format(maxCostCents))"
                )
            }
            var schools: [String]? = nil
            let list = cell("schools")
            if !list.isEmpty {
                let ids = list.split(whereSeparator: { $0 == ";" || $0 == "；" })
                    .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                for s in ids where !knownSchools.contains(s) {
                    throw fail("unknown school \(s) in schools; use the ids of stored schools")
                }
                schools = ids.isEmpty ? nil : Array(Set(ids)).sorted()
            }
            out.append(
                PlannedSession(
                    id: id, title: title, date: date, hours: hours, category: category, tier: tier,
                    capacity: capacity, costCents: cost, schools: schools))
        }
        return out
    }

    /// Reads a sessions file from disk (UTF-8, BOM allowed).
    public static func load(path: String, year: SchoolYear, knownSchools: Set<String>) throws -> [PlannedSession] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: path, problem: "cannot read the sessions file; check the path and its permissions")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError(file: path, problem: "not UTF-8 text; save it from Excel as \"CSV UTF-8\"")
        }
        return try parse(csv: text, file: path, year: year, knownSchools: knownSchools)
    }
}
