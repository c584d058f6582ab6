/// One bad row of a sign-in sheet: its row number, the column at fault (letter and header), the value and why.
public struct AttendanceRowError: Sendable, Codable, Hashable, CustomStringConvertible {
    public var row: Int
    public var column: String?
    public var value: String?
    public var reason: String

    public init(row: Int, column: String?, value: String?, reason: String) {
        self.row = row
        self.column = column
        self.value = value
        self.reason = reason
    }

    /// `row 7, column C (学时): "abc": not hours …`
    public var description: String {
        var s = "row \(row)"
        if let column { s += ", column \(column)" }
        if let value, !value.isEmpty { s += ": \"\(value)\"" }
        return s + ": " + reason
    }
}
