import Foundation
import Testing
import XinyuPostgres

/// Many districts in one database (issue #18) through the real binary: `sample-feed --district`, `--district` on
/// the listings and coverage, `coverage --by-district`; on SQLite, and on PostgreSQL with the same bytes when
/// `XINYU_TEST_POSTGRES_URL` names a server.
@Suite struct DistrictCommandTests {
    /// Two sample districts' feeds in `dir`.
    static func feeds(_ dir: URL) throws -> [String] {
        try ["440601", "440602"].enumerated().map { i, code in
            let path = dir.appendingPathComponent("\(code).xml").path
            let r = try CLIRunner.run(["sample-feed", path, "--schools", "2", "--seed", "\(i + 5)", "--district", code])
            #expect(r.status == 0, "\(r.stderr)")
            return path
        }
    }

    static let reports: [[String]] = [
        ["coverage", "--as-of", "2026-09-01", "--by-district"],
        ["coverage", "--as-of", "2026-09-01", "--by-district", "--format", "csv"],
        ["coverage", "--as-of", "2026-09-01", "--by-district", "--format", "json"],
        ["coverage", "--as-of", "2026-09-01", "--district", "440602"],
        ["schools", "list", "--district", "440601"],
        ["teachers", "list", "--district", "440602", "--format", "json"],
        ["quota", "--year", "2025-2026", "--district", "440602"],
        ["quota", "--year", "2025-2026", "--district", "440601", "--teachers", "--format", "json"],
        ["certs", "list", "--as-of", "2026-09-01", "--district", "440601"],
    ]

    @Test func districtsAreReportedApartAndRolledUp() throws {
        let dir = try CLIRunner.tempDir()
        let db = dir.appendingPathComponent("store.sqlite").path
        for f in try Self.feeds(dir) { #expect(try CLIRunner.run(["import", f, "--db", db]).status == 0) }
        let roll = try CLIRunner.run(Self.reports[0] + ["--db", db])
        #expect(roll.status == 0, "\(roll.stderr)")
        let lines = roll.stdout.split(separator: "\n").map { $0.split(separator: " ").first.map(String.init) ?? "" }
        #expect(lines.filter { ["440601", "440602", "all"].contains($0) } == ["440601", "440602", "all"])
        let json = try CLIRunner.run(Self.reports[2] + ["--db", db]).stdout
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let rows = try #require(decoded?["districts"] as? [[String: Any]])
        #expect(rows.map { $0["district"] as? String } == ["440601", "440602"])
        let one = try CLIRunner.run(Self.reports[3] + ["--db", db]).stdout
        #expect(one.contains("440602-S0001"))
        #expect(!one.contains("440601-S"))
        let whole = try CLIRunner.run(["coverage", "--as-of", "2026-09-01", "--db", db]).stdout
        #expect(whole.contains("440601-S0001") && whole.contains("440602-S0001"))
        let schools = try CLIRunner.run(Self.reports[4] + ["--db", db]).stdout
        #expect(schools.contains("440601-S0002") && !schools.contains("440602-"))
        let unknown = try CLIRunner.run(["coverage", "--district", "999999", "--db", db])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no school of district 999999"))
        let both = try CLIRunner.run(["coverage", "--district", "440601", "--by-district", "--db", db])
        #expect(both.status != 0)
        // quota and certs list by district (#18).
        let quota = try CLIRunner.run(Self.reports[6] + ["--db", db])
        #expect(quota.status == 0, "\(quota.stderr)")
        #expect(quota.stdout.contains("440602-S0001") && !quota.stdout.contains("440601-S"))
        let quotaJSON = try CLIRunner.run(Self.reports[7] + ["--db", db]).stdout
        let q = try #require(try JSONSerialization.jsonObject(with: Data(quotaJSON.utf8)) as? [String: Any])
        let qSchools = try #require(q["schools"] as? [[String: Any]])
        #expect(qSchools.map { $0["id"] as? String } == ["440601-S0001", "440601-S0002"])
        let qTeachers = try #require(q["teachers"] as? [[String: Any]])
        #expect(!qTeachers.isEmpty && qTeachers.allSatisfy { ($0["school"] as? String)?.hasPrefix("440601-") == true })
        let total = qSchools.reduce(0) { $0 + ($1["teachers"] as? Int ?? 0) }
        #expect((q["district"] as? [String: Any])?["teachers"] as? Int == total)
        let certs = try CLIRunner.run(Self.reports[8] + ["--db", db])
        #expect(certs.status == 0, "\(certs.stderr)")
        #expect(certs.stdout.contains("440601-S") && !certs.stdout.contains("440602-"))
        #expect(try CLIRunner.run(["certs", "list", "--district", "999999", "--db", db]).status == 1)
        #expect(try CLIRunner.run(["quota", "--district", "440601", "--school", "440601-S0001", "--db", db]).status != 0)
        let bad = try CLIRunner.run(["sample-feed", dir.appendingPathComponent("x.xml").path, "--district", "44"])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("--district \"44\" is not a 6-digit administrative code"))
    }

    /// The district reads are cut in the store's queries: a district's reports in a store holding two districts
    /// print the bytes the same reports print from a store holding only that district.
    @Test func aDistrictsReportsEqualThoseOfAStoreHoldingOnlyThatDistrict() throws {
        let dir = try CLIRunner.tempDir()
        let both = dir.appendingPathComponent("both.sqlite").path
        let alone = dir.appendingPathComponent("alone.sqlite").path
        let feeds = try Self.feeds(dir)
        for f in feeds { #expect(try CLIRunner.run(["import", f, "--db", both]).status == 0) }
        #expect(try CLIRunner.run(["import", feeds[1], "--db", alone]).status == 0)
        let reports: [[String]] = [
            ["coverage", "--as-of", "2026-09-01", "--district", "440602"],
            ["coverage", "--as-of", "2026-09-01", "--district", "440602", "--format", "json"],
            ["quota", "--year", "2025-2026", "--district", "440602", "--teachers", "--format", "json"],
            ["quota", "--year", "2025-2026", "--district", "440602", "--format", "csv"],
            ["certs", "list", "--as-of", "2026-09-01", "--district", "440602", "--include-inactive"],
            ["certs", "list", "--as-of", "2026-09-01", "--district", "440602", "--level", "B", "--format", "json"],
            ["teachers", "list", "--district", "440602"],
            ["teachers", "list", "--district", "440602", "--status", "active", "--format", "csv"],
            ["schools", "list", "--district", "440602"],
        ]
        for c in reports {
            let a = try CLIRunner.run(c + ["--db", both])
            let b = try CLIRunner.run(c + ["--db", alone])
            #expect(a.status == 0, "\(c): \(a.stderr)")
            #expect(!a.stdout.isEmpty && a.stdout == b.stdout, "\(c.joined(separator: " ")) differs from the one-district store")
            #expect(!a.stdout.contains("440601-"), "\(c.joined(separator: " ")) shows the other district")
        }
    }

    @Test func anAccountsDistrictIsChangedOnTheCommandLine() throws {
        let dir = try CLIRunner.tempDir()
        let db = dir.appendingPathComponent("store.sqlite").path
        for f in try Self.feeds(dir) { #expect(try CLIRunner.run(["import", f, "--db", db]).status == 0) }
        #expect(try CLIRunner.run(["users", "add", "pan", "--role", "district-admin", "--db", db]).status == 0)
        let set = try CLIRunner.run(["users", "set-district", "pan", "440601", "--db", db])
        #expect(set.status == 0, "\(set.stderr)")
        #expect(set.stdout == "pan (district-admin): district 440601\n")
        let list = try CLIRunner.run(["users", "list", "--format", "json", "--db", db]).stdout
        #expect(list.contains(#""district" : "440601""#) || list.contains(#""district":"440601""#))
        let none = try CLIRunner.run(["users", "set-district", "pan", "--none", "--db", db])
        #expect(none.stdout == "pan (district-admin): every district\n")
        let unknown = try CLIRunner.run(["users", "set-district", "pan", "999999", "--db", db])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("unknown district 999999"))
        #expect(try CLIRunner.run(["users", "set-district", "pan", "--db", db]).status != 0)
        #expect(try CLIRunner.run(["users", "set-district", "pan", "440601", "--none", "--db", db]).status != 0)
        #expect(try CLIRunner.run(["users", "set-district", "nobody", "440601", "--db", db]).status == 1)
        let audit = try CLIRunner.run(["audit", "--db", db])
        #expect(audit.status == 0, "\(audit.stderr)")
        #expect(audit.stdout.components(separatedBy: "user.district").count - 1 == 2)
    }

    @Test func districtRolesAreScopedToAStoredDistrict() throws {
        let dir = try CLIRunner.tempDir()
        let db = dir.appendingPathComponent("store.sqlite").path
        for f in try Self.feeds(dir) { #expect(try CLIRunner.run(["import", f, "--db", db]).status == 0) }
        let add = try CLIRunner.run(["users", "add", "pan", "--role", "district-viewer", "--district", "440602", "--db", db])
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stdout.contains("added pan (district-viewer, district 440602)"))
        let region = try CLIRunner.run(["users", "add", "sheng", "--role", "region-viewer", "--db", db])
        #expect(region.status == 0, "\(region.stderr)")
        let unknown = try CLIRunner.run(["users", "add", "x", "--role", "district-admin", "--district", "999999", "--db", db])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("unknown district 999999"))
        let wrong = try CLIRunner.run(["users", "add", "y", "--role", "region-viewer", "--district", "440601", "--db", db])
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("leave out --district"))
        let list = try CLIRunner.run(["users", "list", "--format", "json", "--db", db]).stdout
        let users = try #require(try JSONSerialization.jsonObject(with: Data(list.utf8)) as? [[String: Any]])
        #expect(users.map { $0["name"] as? String } == ["pan", "sheng"])
        #expect(users.map { $0["district"] as? String } == ["440602", nil])
        #expect(users.map { $0["role"] as? String } == ["district-viewer", "region-viewer"])
    }

    @Test(.enabled(if: PostgresCommandTests.server != nil)) func bothEnginesPrintTheSameDistrictReports() throws {
        let server = try #require(PostgresCommandTests.server)
        let name = "xinyu_cli_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try PostgresStore.createDatabase(name, on: server)
        let pg = "postgres://\(server.user)@\(server.host):\(server.port)/\(name)?sslmode=\(server.sslMode)"
        let dir = try CLIRunner.tempDir()
        let sqlite = dir.appendingPathComponent("store.sqlite").path
        for f in try Self.feeds(dir) {
            for db in [sqlite, pg] { #expect(try CLIRunner.run(["import", f, "--db", db]).status == 0) }
        }
        for c in Self.reports {
            let a = try CLIRunner.run(c + ["--db", sqlite])
            let b = try CLIRunner.run(c + ["--db", pg])
            #expect(a.status == 0, "\(c): \(a.stderr)")
            #expect(a.stdout == b.stdout, "\(c.joined(separator: " ")) differs between SQLite and PostgreSQL")
        }
        // A reporting replica (here the same database) prints the same, and is refused with a SQLite file.
        let replica = try CLIRunner.run(Self.reports[0] + ["--db", pg, "--read-db", pg])
        #expect(replica.stdout == (try CLIRunner.run(Self.reports[0] + ["--db", sqlite]).stdout))
        let refused = try CLIRunner.run(Self.reports[0] + ["--db", sqlite, "--read-db", pg])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("needs a PostgreSQL --db"))
    }
}
