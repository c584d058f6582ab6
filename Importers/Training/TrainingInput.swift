import XinyuCore

/// A training's fields as a school or teacher gives them (the CLI's options, the API's JSON), checked exactly as a
/// feed course is (FEED-FORMAT.md): a title of 1–1,000 characters, an optional provider of at most 1,000, tier
/// 10/20/30/40/60/99, mode 1/2/3/4/9, hours 0 < h ≤ 500 with at most one decimal, dates in the supported years
/// with start ≤ end, track A/B/C/cpd/none, category public/professional/elective.
public struct TrainingInput: Sendable, Codable, Hashable {
    public var title: String
    public var provider: String?
    public var category: String?
    public var tier: Int?
    public var mode: Int?
    public var hours: String
    public var date: String
    public var end: String?
    public var track: String?

    public init(
        title: String, provider: String?, category: String?, tier: Int?, mode: Int?, hours: String,
        date: String, end: String?, track: String?
    ) {
        self.title = title
        self.provider = provider
        self.category = category
        self.tier = tier
        self.mode = mode
        self.hours = hours
        self.date = date
        self.end = end
        self.track = track
    }

    /// The course these fields describe (id empty: the store numbers it), or the first problem as a
    /// ``RejectedValue`` naming the field the way the caller spells it (`name(field)`: `--hours`, `hours`).
    /// `defaultTier` and `defaultMode` stand in for a tier or mode not given (nil: required).
    public func course(name: (String) -> String, defaultTier: Int? = nil, defaultMode: Int? = nil) throws -> Course {
        func reject(_ field: String, _ value: String, _ problem: String) -> RejectedValue {
            RejectedValue(name: name(field), value: value, problem: problem)
        }
        let title = self.title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty, title.count <= 1000 else {
            throw reject("title", self.title, "a title of 1 to 1000 characters is required")
        }
        let provider = self.provider?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let provider, provider.count > 1000 { throw reject("provider", provider, "longer than 1000 characters") }
        guard let tier = tier ?? defaultTier else { throw reject("tier", "", "required: 10, 20, 30, 40, 60 or 99") }
        guard Tier(rawValue: tier) != nil else { throw reject("tier", String(tier), "not a tier code: 10, 20, 30, 40, 60 or 99") }
        guard let mode = mode ?? defaultMode else { throw reject("mode", "", "required: 1, 2, 3, 4 or 9") }
        guard TrainingMode(rawValue: mode) != nil else { throw reject("mode", String(mode), "not a mode code: 1, 2, 3, 4 or 9") }
        guard let h = Hours(hours), h.tenths > 0, h.tenths <= 5000 else {
            throw reject("hours", hours, "not hours in 0 < h ≤ 500 with at most one decimal")
        }
        let start = try day("date", date, reject)
        let end = try self.end.map { try day("end", $0, reject) } ?? start
        guard start <= end else { throw reject("end", end.description, "before the start \(start)") }
        let trackWord = track ?? Track.none.rawValue
        guard let track = Track(rawValue: trackWord) else { throw reject("track", trackWord, "expected A, B, C, cpd or none") }
        let categoryWord = category ?? Category.professional.rawValue
        guard let category = Category(rawValue: categoryWord) else {
            throw reject("category", categoryWord, "expected public, professional or elective")
        }
        return Course(
            id: "", title: title, provider: provider?.isEmpty == true ? nil : provider, tier: tier, mode: mode,
            hours: h, start: start, end: end, track: track, category: category, capacity: nil)
    }

    private func day(_ field: String, _ text: String, _ reject: (String, String, String) -> RejectedValue) throws -> Day {
        switch Day.parse(text) {
        case .success(let d): return d
        case .failure(let p): throw reject(field, text, p.description)
        }
    }
}
