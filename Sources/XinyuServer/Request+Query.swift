import Hummingbird
import XinyuCore

/// Query-parameter parsing: a parameter that is present but malformed (or present with an empty value, `asOf=`)
/// is a 400, never silently ignored or taken as its default.
extension Request {
    /// The parameter's value; nil when absent; a 400 when present but empty or holding a control character.
    ///
    /// No parameter of the API has a use for a control character (a search box, a date, an id); a NUL would end
    /// the text early in SQLite's full-text query parser and cannot be stored in PostgreSQL's text, so every
    /// parameter refuses them here, once, rather than each store query guarding against them.
    func query(_ name: String) throws -> String? {
        guard let v = uri.queryParameters.get(name) else { return nil }
        guard !v.isEmpty else {
            throw APIError.badParameter("\(name)=: empty; give a value or leave the parameter out")
        }
        if let c = v.unicodeScalars.first(where: { $0.properties.generalCategory == .control }) {
            let code = String(c.value, radix: 16, uppercase: true)
            throw APIError.badParameter(
                "\(name)=: contains a control character (U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code)); "
                    + "send the text without it")
        }
        return v
    }

    /// A date in the product's supported years (`Day.parse` decides and says why not), or nil when absent.
    func queryDay(_ name: String) throws -> Day? { try queryParsed(name, Day.parse) }

    /// A value parsed by one of the core's parsers (day, school year, term), or nil when absent; a 400 that says
    /// why the parser refused it.
    func queryParsed<T>(_ name: String, _ parse: (String) -> Result<T, Day.ParseProblem>) throws -> T? {
        guard let text = try query(name) else { return nil }
        switch parse(text) {
        case .success(let value): return value
        case .failure(let problem): throw APIError.badParameter("\(name)=\(text): \(problem)")
        }
    }

    func queryInt(_ name: String, range: ClosedRange<Int>) throws -> Int? {
        guard let text = try query(name) else { return nil }
        guard let n = Int(text), range.contains(n) else {
            throw APIError.badParameter("\(name)=\(text): not a whole number in \(range.lowerBound)...\(range.upperBound)")
        }
        return n
    }

    /// `true`/`1` or `false`/`0`; anything else is a 400.
    func queryBool(_ name: String) throws -> Bool? {
        guard let text = try query(name) else { return nil }
        switch text {
        case "true", "1": return true
        case "false", "0": return false
        default: throw APIError.badParameter("\(name)=\(text): expected true or false")
        }
    }

    func queryEnum<T: RawRepresentable & CaseIterable>(_ name: String, _ type: T.Type) throws -> T? where T.RawValue == String {
        guard let text = try query(name) else { return nil }
        guard let v = T(rawValue: text) else {
            throw APIError.badParameter("\(name)=\(text): expected one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return v
    }

    /// A term like `2026-fall` in the supported years (`Term.parse` decides and says why not), or nil when absent.
    func queryTerm(_ name: String) throws -> Term? { try queryParsed(name, Term.parse) }
}

extension Parameters {
    func requireString(_ name: String) throws -> String {
        guard let v = get(name) else { throw APIError.badParameter("missing path parameter \(name)") }
        return v
    }
}
