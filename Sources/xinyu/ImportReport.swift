import Importers
import XinyuCore

/// The table `xinyu import` prints: one line per file, then the first 50 rejections of each file.
enum ImportReport {
    static let shownRejections = 50

    static func table(_ summaries: [ImportSummary]) -> String {
        var out = TextTable(
            headers: [
                "file", "feed", "format", "status", "schools", "teachers", "courses", "attendance", "awards",
                "practice", "skipped", "deactivated", "rejected",
            ],
            rows: summaries.map { s in
                [
                    s.file, s.feed ?? "", s.format, s.status.rawValue + (s.dryRun ? " (dry run)" : ""),
                    String(s.accepted.schools),
                    String(s.accepted.teachers), String(s.accepted.courses), String(s.accepted.attendance),
                    String(s.accepted.awards), String(s.accepted.practice), String(s.skipped), String(s.deactivated),
                    String(s.rejected.count),
                ]
            }, numeric: Set(4...12)
        ).rendered()
        for s in summaries where !s.rejected.isEmpty {
            out += "\nRejected in \(s.file):\n"
            out += TextTable(
                headers: ["line", "column", "element", "key", "reason"],
                rows: s.rejected.prefix(shownRejections).map {
                    [String($0.line), String($0.column), $0.element, $0.key, $0.reason]
                }, numeric: [0, 1]
            ).rendered()
            if s.rejected.count > shownRejections {
                out += "… and \(s.rejected.count - shownRejections) more: see --format json or `xinyu imports list`\n"
            }
        }
        return out
    }
}
