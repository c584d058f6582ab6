import Certifications
import Foundation
import XinyuCore

extension QuotaPlan {
    /// `quota plan --rosters/--ics-dir`: writes the rosters CSV and/or one `<school>.ics` per school, each file
    /// whole (atomically). File writing belongs to the command line; the library only makes the texts
    /// (``QuotaPlan/rosterTable()``, ``QuotaPlan/calendars(stamp:)``).
    func writeFiles(rostersPath: String?, icsDirectory: String?, stamp: Date = Date()) throws {
        if let rostersPath {
            do {
                try Data(rosterTable().csv().utf8).write(to: URL(fileURLWithPath: rostersPath), options: .atomic)
            } catch {
                throw UsageError("--rosters \(rostersPath): cannot write the file; check the directory exists and is writable")
            }
        }
        if let dir = icsDirectory {
            var isDir: ObjCBool = false
            if !FileManager.default.fileExists(atPath: dir, isDirectory: &isDir) {
                do { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
                    throw UsageError("--ics-dir \(dir): cannot create the directory; check the path and permissions")
                }
            } else if !isDir.boolValue {
                throw UsageError("--ics-dir \(dir): is a file, not a directory")
            }
            for (school, text) in calendars(stamp: stamp) {
                let url = URL(fileURLWithPath: dir).appendingPathComponent("\(school).ics")
                do { try Data(text.utf8).write(to: url, options: .atomic) } catch {
                    throw UsageError("--ics-dir \(dir): cannot write \(school).ics; check the directory is writable")
                }
            }
        }
    }
}
