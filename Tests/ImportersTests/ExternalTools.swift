import Foundation

/// Other programs that write and read spreadsheets, for tests that must not trust only our own writer: Python's
/// openpyxl (PyPI) and LibreOffice (Debian's `libreoffice-calc-nogui`). `.ci/run` installs both; without them a
/// test fails with a line saying what to install, never passes silently.
enum ExternalTools {
    struct Missing: Error, CustomStringConvertible {
        var description: String
    }

    struct Failed: Error, CustomStringConvertible {
        var description: String
    }

    @discardableResult
    static func run(_ tool: String, _ args: [String]) throws -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [tool] + args
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Runs a Python script with openpyxl imported.
    static func openpyxl(_ script: String) throws {
        guard (try? run("python3", ["-c", "import openpyxl"]).status) == 0 else {
            throw Missing(
                description: "Python's openpyxl is missing: run `python3 -m pip install openpyxl` "
                    + "(.ci/run installs it)")
        }
        try python("import openpyxl, datetime\n" + script)
    }

    /// Runs a Python script (standard library only).
    static func python(_ script: String) throws {
        let r = try run("python3", ["-c", script])
        guard r.status == 0 else { throw Failed(description: "python3 failed: \(r.output)") }
    }

    /// Converts `path` with LibreOffice (`csv` gives UTF-8 CSV, `xlsx` a workbook) into `dir`; returns the new file.
    static func libreoffice(convert path: String, to format: String, in dir: String) throws -> String {
        let office = ["libreoffice", "soffice"].first { (try? run("which", [$0]).status) == 0 }
        guard let office else {
            throw Missing(
                description: "LibreOffice is missing: run `apt-get install libreoffice-calc-nogui` "
                    + "(.ci/run installs it)")
        }
        let profile = "file:///tmp/xinyu-lo-\(UUID().uuidString)"
        let filter = format == "csv" ? "csv:Text - txt - csv (StarCalc):44,34,76,1" : format
        // A CSV is read as UTF-8 with commas (LibreOffice would otherwise guess the system's 8-bit encoding).
        let input = path.lowercased().hasSuffix(".csv") ? ["--infilter=CSV:44,34,76,1"] : []
        let r = try run(
            office,
            ["-env:UserInstallation=\(profile)", "--headless"] + input
                + ["--convert-to", filter, "--outdir", dir, path])
        try? FileManager.default.removeItem(atPath: String(profile.dropFirst(7)))
        let out = dir + "/" + ((path as NSString).lastPathComponent as NSString).deletingPathExtension + "." + format
        guard FileManager.default.fileExists(atPath: out) else {
            throw Failed(description: "LibreOffice did not convert \(path): \(r.output)")
        }
        return out
    }
}
