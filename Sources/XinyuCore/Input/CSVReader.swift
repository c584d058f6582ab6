/// A small RFC 4180 reader for the Excel-friendly CSV files users hand us (UTF-8, optional BOM, CRLF or LF,
/// quoted fields with doubled quotes and embedded line breaks). Decode the file first with ``TextFile``.
public enum CSVReader {
    /// One record with the 1-based line number where it starts.
    public struct Record: Sendable {
        public var line: Int
        public var fields: [String]
    }

    /// Splits `text` into records; blank lines are skipped. Returns nil and the line of an unclosed quote on error.
    public static func records(_ text: String) -> (records: [Record], unclosedQuoteLine: Int?) {
        var scalars = Substring(text).unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        var out: [Record] = []
        var field = String.UnicodeScalarView()
        var fields: [String] = []
        var line = 1
        var start = 1
        var inQuotes = false
        var quoteStart = 0
        var fieldStarted = false
        var it = scalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func endRecord() {
            fields.append(String(field))
            field = .init()
            if !(fields.count == 1 && fields[0].isEmpty) { out.append(Record(line: start, fields: fields)) }
            fields = []
            fieldStarted = false
        }
        while let c = pending ?? it.next() {
            pending = nil
            if inQuotes {
                if c == "\"" {
                    if let n = it.next() {
                        if n == "\"" {
                            field.append("\"")
                        } else {
                            inQuotes = false
                            pending = n
                        }
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.append(c)
                }
                continue
            }
            switch c {
            case "\"" where !fieldStarted:
                inQuotes = true
                quoteStart = line
                fieldStarted = true
            case ",":
                fields.append(String(field))
                field = .init()
                fieldStarted = false
            case "\r":
                if let n = it.next(), n != "\n" { pending = n }
                endRecord()
                line += 1
                start = line
            case "\n":
                endRecord()
                line += 1
                start = line
            default:
                field.append(c)
                fieldStarted = true
            }
        }
        if inQuotes { return (out, quoteStart) }
        if fieldStarted || !fields.isEmpty || !field.isEmpty { endRecord() }
        return (out, nil)
    }
}
