/// Where a library item comes from (issue #19): shipped with the product (read-only), the district's shared library
/// (written by the district, or a school's plan the district approved), or a school's own (校本).
public enum LibrarySource: String, Sendable, Codable, CaseIterable {
    case bundled, district, school
}
