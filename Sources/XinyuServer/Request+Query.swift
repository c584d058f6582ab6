import Hummingbird
import XinyuCore

/// Query-parameter parsing: a parameter that is present but malformed is a 400, never silently ignored.
extension Request {
    func query(_ name: String) -> String? {
        guard let v = uri.queryParameters.get(name), !v.isEmpty else { return nil }
        return v
    }

    func queryDay(_ name: String) throws -> Day? {
        guard let text = query(name) else { return nil }
        guard let d = Day(text) else { throw APIError.badParameter("\(name)=\(text): not a date YYYY-MM-DD that exists") }
        return d
    }

    func queryInt(_ name: String, range: ClosedRange<Int>) throws -> Int? {
        guard let text = query(name) else { return nil }
        guard let n = Int(text), range.contains(n) else {
            throw APIError.badParameter("\(name)=\(text): not a whole number in \(range.lowerBound)...\(range.upperBound)")
        }
        return n
    }

    func queryEnum<T: RawRepresentable & CaseIterable>(_ name: String, _ type: T.Type) throws -> T? where T.RawValue == String {
        guard let text = query(name) else { return nil }
        guard let v = T(rawValue: text) else {
            throw APIError.badParameter("\(name)=\(text): expected one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return v
    }
}

extension Parameters {
    func requireString(_ name: String) throws -> String {
        guard let v = get(name) else { throw APIError.badParameter("missing path parameter \(name)") }
        return v
    }
}
