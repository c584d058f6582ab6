import ArgumentParser
import XinyuCore
import XinyuServer

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the JSON API and the coverage dashboard over HTTP (stops gracefully on SIGINT/SIGTERM).")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Interface to listen on.") var host = "127.0.0.1"
    @Option(help: "TCP port.") var port = 8080
    @Option(
        name: .customLong("token-file"),
        help: "File whose first line is the bootstrap token: a district-admin for setting up (default: $XINYU_TOKEN).")
    var tokenFile: String?
    @Flag(
        name: .customLong("secure-cookies"),
        help: "Always mark session cookies Secure (behind a TLS proxy that does not send X-Forwarded-Proto).")
    var secureCookies = false
    @Option(name: .customLong("max-body-mb"), help: "Largest accepted import body, in MB.") var maxBodyMB = 512
    @OptionGroup var profileOption: ProfileOption
    @Option(
        name: .customLong("public-url"),
        help: ArgumentHelp(
            "The server's public address for certificates' verification links "
                + "(default: $XINYU_PUBLIC_URL, else the request's)."))
    var publicURL: String?

    func run() async throws {
        guard (1...65535).contains(port) else { throw UsageError("--port \(port): not a TCP port (1–65535)") }
        guard let maxBodyBytes = ServerConfiguration.bodyBytes(megabytes: maxBodyMB) else {
            throw UsageError(
                "--max-body-mb \(maxBodyMB): must be a whole number from 1 to \(ServerConfiguration.maxBodyMegabytes)")
        }
        let token = try ServerConfiguration.token(file: tokenFile)
        let config = ServerConfiguration(
            host: host, port: port, token: token, maxBodyBytes: maxBodyBytes,
            profilePath: profileOption.profile, secureCookies: secureCookies,
            publicURL: try CertsPrintCommand.publicBase(publicURL))
        try await XinyuServer.run(configuration: config, database: try global.open())
    }
}
