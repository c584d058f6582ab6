import ArgumentParser

/// The `--district CODE` of the log commands (`imports list`, `audit list`): a code that cannot be a district's
/// is one clear line, not an empty list that looks like "nothing happened there".
enum DistrictFilter {
    /// Throws a ``ValidationError`` unless `code` is absent or a 6-digit administrative code.
    static func check(_ code: String?) throws {
        guard let code else { return }
        guard code.utf8.count == 6, code.utf8.allSatisfy({ (48...57).contains($0) }) else {
            throw ValidationError("--district \(code): not a 6-digit district code (e.g. 440608)")
        }
    }
}
