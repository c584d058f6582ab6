import Foundation
import ZIPFoundation

/// Reads `.xlsx` workbooks as Excel, WPS and LibreOffice write them: the workbook's sheets by name, shared strings
/// (rich-text runs joined, phonetic runs left out), inline strings, numbers, booleans, and numbers in a date
/// format (built-in and custom, 1900 and 1904 systems) as `YYYY-MM-DD`. Formulas give their cached value. Nothing
/// else of a spreadsheet is interpreted.
///
/// The workbook's small parts are read when it opens; a sheet is streamed (``ZipEntryStream`` → libxml2), so memory
/// grows with the shared strings (distinct texts), never with the number of rows.
public final class XLSXReader {
    public let path: String
    /// The sheets in workbook order.
    public let sheetNames: [String]
    private let archive: Archive
    private let sheetParts: [String]
    private var shared: [String] = []
    private var dateStyles: Set<Int> = []
    private var date1904 = false

    /// The most uncompressed bytes of one part (a larger one is refused: a zip bomb, or no sign-in sheet).
    static let partLimit = 512 << 20
    /// The most shared strings kept.
    static let maxSharedStrings = 2_000_000

    public init(path: String) throws {
        self.path = path
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw SheetFileError(
                file: path,
                problem: "not a readable .xlsx file (the zip container is damaged); "
                    + "save it again from Excel, WPS or LibreOffice")
        }
        self.archive = archive
        let book = Self.workbookPart(archive, path: path)
        guard archive[book] != nil else {
            throw SheetFileError(file: path, problem: "not an .xlsx workbook (no \(book)); save it as Excel Workbook (.xlsx)")
        }
        let dir = (book as NSString).deletingLastPathComponent
        let bookRels = "\(dir)/_rels/\((book as NSString).lastPathComponent).rels"
        let rels = try Self.relationships(archive, part: bookRels, dir: dir, file: path)
        var names: [String] = []
        var parts: [String] = []
        var is1904 = false
        try Self.scan(archive, book, file: path) { x in
            guard x.nodeType == XMLPull.element else { return }
            if x.named("sheet"), let name = x.attribute("name"), let rid = x.attribute("id"), let target = rels.byId[rid] {
                names.append(name)
                parts.append(target)
            } else if x.named("workbookPr"), let v = x.attribute("date1904") {
                is1904 = v == "1" || v == "true"
            }
        }
        guard !names.isEmpty else { throw SheetFileError(file: path, problem: "the workbook has no sheets") }
        sheetNames = names
        sheetParts = parts
        date1904 = is1904
        if let sst = rels.byType["sharedStrings"] { try readSharedStrings(sst) }
        if let styles = rels.byType["styles"] { try readStyles(styles) }
    }

    /// A reader of the sheet named `name` (nil: the first sheet); an unknown name is refused with the names there are.
    public func rows(sheet name: String?) throws -> SheetReader {
        var index = 0
        if let name {
            guard let i = sheetNames.firstIndex(of: name) else {
                throw SheetFileError(
                    file: path,
                    problem: "no sheet named \(name); the sheets are " + sheetNames.joined(separator: ", "))
            }
            index = i
        }
        guard let entry = archive[sheetParts[index]] else {
            throw SheetFileError(
                file: path,
                problem: "sheet \(sheetNames[index]) is missing from the file (\(sheetParts[index]))")
        }
        let stream = ZipEntryStream(archive: archive, entry: entry, limit: Self.partLimit)
        return XLSXSheetReader(
            pull: try XMLPull(stream, name: path), file: path, shared: shared, dateStyles: dateStyles,
            date1904: date1904)
    }

    // MARK: The workbook's parts

    /// The workbook part named by the package's relationships (usually `xl/workbook.xml`).
    private static func workbookPart(_ archive: Archive, path: String) -> String {
        guard let rels = try? relationships(archive, part: "_rels/.rels", dir: "", file: path),
            let target = rels.byType["officeDocument"]
        else { return "xl/workbook.xml" }
        return target
    }

    struct Relationships {
        var byId: [String: String] = [:]
        /// By the last word of the type (`worksheet`, `sharedStrings`, `styles`, `officeDocument`): the first one.
        var byType: [String: String] = [:]
    }

    /// A part's relationships, targets resolved to entry paths (relative to `dir`, or absolute from the root).
    private static func relationships(_ archive: Archive, part: String, dir: String, file: String) throws -> Relationships {
        var out = Relationships()
        guard archive[part] != nil else { return out }
        try scan(archive, part, file: file) { x in
            guard x.nodeType == XMLPull.element, x.named("Relationship"),
                let id = x.attribute("Id"), let target = x.attribute("Target")
            else { return }
            let resolved = resolve(target, dir: dir)
            out.byId[id] = resolved
            if let type = x.attribute("Type"), let word = type.split(separator: "/").last, out.byType[String(word)] == nil {
                out.byType[String(word)] = resolved
            }
        }
        return out
    }

    static func resolve(_ target: String, dir: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = dir.isEmpty ? [] : dir.split(separator: "/").map(String.init)
        for p in target.split(separator: "/") {
            if p == ".." { if !parts.isEmpty { parts.removeLast() } } else if p != "." { parts.append(String(p)) }
        }
        return parts.joined(separator: "/")
    }

    /// Streams one part through `visit`, node by node.
    private static func scan(_ archive: Archive, _ part: String, file: String, _ visit: (XMLPull) throws -> Void) throws {
        guard let entry = archive[part] else { throw SheetFileError(file: file, problem: "\(part) is missing from the file") }
        let x = try XMLPull(ZipEntryStream(archive: archive, entry: entry, limit: partLimit), name: part)
        do {
            while try x.read() { try visit(x) }
        } catch let e as XMLPullError {
            throw SheetFileError(file: file, problem: "\(part): \(e.message)")
        }
    }

    private func readSharedStrings(_ part: String) throws {
        guard archive[part] != nil else { return }
        var text = ""
        var inItem = false
        var inT = false
        var phonetic = 0
        var strings: [String] = []
        try Self.scan(archive, part, file: path) { x in
            let type = x.nodeType
            if type == XMLPull.element {
                if x.named("si") {
                    text = ""
                    inItem = !x.isEmptyElement
                    if !inItem { strings.append("") }
                } else if x.named("rPh") {
                    if !x.isEmptyElement { phonetic += 1 }
                } else if x.named("t") {
                    inT = !x.isEmptyElement
                }
            } else if type == XMLPull.endElement {
                if x.named("si") {
                    guard strings.count < Self.maxSharedStrings else {
                        throw SheetFileError(file: path, problem: "more than \(Self.maxSharedStrings) shared strings")
                    }
                    strings.append(text)
                    inItem = false
                } else if x.named("rPh") {
                    phonetic -= 1
                } else if x.named("t") {
                    inT = false
                }
            } else if inItem && inT && phonetic == 0 && XMLPull.textTypes.contains(type) {
                text += x.value
            }
        }
        shared = strings
    }

    private func readStyles(_ part: String) throws {
        guard archive[part] != nil else { return }
        var custom: [Int: String] = [:]
        var formats: [Int] = []
        var inCellXfs = false
        try Self.scan(archive, part, file: path) { x in
            let type = x.nodeType
            if type == XMLPull.element {
                if x.named("numFmt"), let id = x.attribute("numFmtId").flatMap({ Int($0) }) {
                    custom[id] = x.attribute("formatCode") ?? ""
                } else if x.named("cellXfs") {
                    inCellXfs = !x.isEmptyElement
                } else if inCellXfs && x.named("xf") {
                    formats.append(x.attribute("numFmtId").flatMap { Int($0) } ?? 0)
                }
            } else if type == XMLPull.endElement && x.named("cellXfs") {
                inCellXfs = false
            }
        }
        for (i, f) in formats.enumerated() where Self.isDateFormat(id: f, code: custom[f]) { dateStyles.insert(i) }
    }

    /// Built-in date formats (14–22, 45–47, and the East Asian 27–36, 50–58), or a custom code that shows a year
    /// or day (or a month without hours or seconds) outside quoted text, escapes and `[...]`.
    static func isDateFormat(id: Int, code: String?) -> Bool {
        if let code {
            var plain = ""
            var quoted = false
            var bracket = false
            var escape = false
            for ch in code.lowercased() {
                if escape {
                    escape = false
                    continue
                }
                switch ch {
                case "\\": escape = true
                case "\"": quoted.toggle()
                case "[" where !quoted: bracket = true
                case "]" where !quoted: bracket = false
                default: if !quoted && !bracket { plain.append(ch) }
                }
            }
            if plain.contains("general") { return false }
            if plain.contains("y") || plain.contains("d") { return true }
            return plain.contains("m") && !plain.contains("h") && !plain.contains("s")
        }
        return (14...22).contains(id) || (27...36).contains(id) || (45...47).contains(id) || (50...58).contains(id)
    }
}
