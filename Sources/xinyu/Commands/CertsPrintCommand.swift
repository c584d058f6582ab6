import ArgumentParser
import Certifications
import Foundation
import XinyuAccounts
import XinyuCore

/// `xinyu certs print AWARD-NO`: the certificate as a printable A4 page.
struct CertsPrintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "print",
        abstract: "A certificate as a printable A4 HTML page (zh-Hans with English), with its verification code.",
        discussion: "The first print issues the certificate's verification code (audited); later prints show the same code.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var profileOption: ProfileOption
    @OptionGroup var asOfOption: AsOfOption
    @Argument(help: "The award number, as in the feed.") var number: String
    @Option(help: "Write the page to this file (default: standard output).") var out: String?
    @Option(
        name: .customLong("public-url"),
        help: ArgumentHelp(
            "The server's public address for the verification link, e.g. https://xinyu.example.cn "
                + "(default: $XINYU_PUBLIC_URL)."))
    var publicURL: String?

    func run() async throws {
        let day = try asOfOption.day()
        let profile = try profileOption.load()
        let base = try CertsPrintCommand.publicBase(publicURL)
        let db = try global.open()
        let view = try Certificates.view(
            number: number, in: db, asOf: day, profile: profile, issueCode: true,
            actor: Principal.commandLine().name)
        let html = CertificatePage(view: view, verifyBase: base).render()
        if let out {
            try writeAtomically(Data(html.utf8), to: out)
            FileHandle.standardError.write(Data("xinyu: wrote \(out) (certificate \(number), \(view.status.rawValue))\n".utf8))
        } else {
            print(html, terminator: "")
        }
    }

    /// `--public-url`, else `$XINYU_PUBLIC_URL`; it must be an http(s) address.
    static func publicBase(_ option: String?) throws -> String? {
        let text = option ?? ProcessInfo.processInfo.environment["XINYU_PUBLIC_URL"].flatMap { $0.isEmpty ? nil : $0 }
        guard let text else { return nil }
        guard let url = URL(string: text), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else {
            throw RejectedValue(
                name: "--public-url", value: text,
                problem: "not an http(s) address like https://xinyu.example.cn")
        }
        return text
    }
}

/// Writes `data` to a temporary file beside `path`, then renames it into place: no half-written file.
func writeAtomically(_ data: Data, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    let temp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
    do {
        try data.write(to: temp)
        if FileManager.default.fileExists(atPath: path) {
            _ = try FileManager.default.replaceItemAt(url, withItemAt: temp)
        } else {
            try FileManager.default.moveItem(at: temp, to: url)
        }
    } catch {
        try? FileManager.default.removeItem(at: temp)
        throw UsageError("cannot write \(path): \(error.localizedDescription)")
    }
}
