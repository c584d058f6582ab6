import Foundation

/// A one-line progress bar on stderr (percent of bytes read, records/s), only for files of at least 8 MiB and
/// only when stderr is a terminal; otherwise it prints nothing.
final class ProgressBar {
    private let enabled: Bool
    private let source: FileSource
    private let started = Date()
    private var last = Date.distantPast
    private var shown = false

    init(requested: Bool, source: FileSource) {
        self.source = source
        enabled = requested && isatty(2) == 1 && source.size >= 8 << 20
    }

    func update(records: Int) {
        guard enabled else { return }
        let now = Date()
        guard now.timeIntervalSince(last) >= 0.2 else { return }
        last = now
        let fraction = source.size > 0 ? min(1, Double(source.bytesRead) / Double(source.size)) : 1
        let width = 30
        let filled = Int(fraction * Double(width))
        let rate = Double(records) / max(0.001, now.timeIntervalSince(started))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let line = "\r[\(bar)] \(Int(fraction * 100))%  \(records) records  \(Int(rate)) records/s "
        FileHandle.standardError.write(Data(line.utf8))
        shown = true
    }

    func finish() {
        guard enabled, shown else { return }
        FileHandle.standardError.write(Data(("\r" + String(repeating: " ", count: 79) + "\r").utf8))
    }
}
