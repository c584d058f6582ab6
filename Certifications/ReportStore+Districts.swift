import XinyuCore

extension ReportStore {
    /// The ids of the schools of district `code`; ``UnknownDistrictError`` when it has none stored.
    public func schools(ofDistrict code: String) throws -> Set<String> {
        let ids = Set(try schoolDistricts().filter { $0.value == code }.keys)
        guard !ids.isEmpty else { throw UnknownDistrictError(code: code) }
        return ids
    }
}
