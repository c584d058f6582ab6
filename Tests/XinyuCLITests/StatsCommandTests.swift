import Foundation
import Testing

/// `xinyu stats`: the statistics in every format, the spreadsheet read back by openpyxl with the JSON's numbers.
@Suite struct StatsCommandTests {
    static let district: (dir: URL, db: String) = {
        let dir = try! CLIRunner.tempDir()
        let feed = dir.appendingPathComponent("d.xml").path
        let db = dir.appendingPathComponent("d.sqlite").path
        _ = try! CLIRunner.run(["sample-feed", feed, "--schools", "3", "--seed", "11"])
        _ = try! CLIRunner.run(["import", feed, "--db", db])
        return (dir, db)
    }()

    func json(_ args: [String]) throws -> [String: Any] {
        let r = try CLIRunner.run(args)
        #expect(r.status == 0, "\(args): \(r.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }

    /// Runs python3 with openpyxl (`.ci/run` installs it when missing) on `script`; returns its JSON output.
    func openpyxl(_ script: String, _ file: String) throws -> Any {
        let p = try CLIRunner.run(["python3", "-c", script, file], executable: URL(fileURLWithPath: "/usr/bin/env"))
        #expect(p.status == 0, "python3/openpyxl failed (pip install openpyxl; .ci/run does): \(p.stderr)")
        return try JSONSerialization.jsonObject(with: Data(p.stdout.utf8))
    }

    static let readBack = """
        import json, sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        out = {"sheets": wb.sheetnames}
        for i, ws in enumerate(wb.worksheets):
            out["rows%d" % i] = [[c for c in row] for row in ws.iter_rows(values_only=True)]
            out["merged%d" % i] = sorted(str(r) for r in ws.merged_cells.ranges)
        print(json.dumps(out, ensure_ascii=False))
        """

    @Test func theSpreadsheetHasTheJSONsNumbersTitleMergedHeadersAndFooter() throws {
        let (dir, db) = Self.district
        let stats = try json(["stats", "hours", "--db", db, "--year", "2025-2026", "--format", "json"])
        let file = dir.appendingPathComponent("stats.xlsx").path
        let r = try CLIRunner.run(["stats", "hours", "--db", db, "--year", "2025-2026", "--format", "xlsx", "--out", file])
        #expect(r.status == 0 && r.stdout.isEmpty, "\(r.stderr)")
        let book = try #require(try openpyxl(Self.readBack, file) as? [String: Any])
        #expect(book["sheets"] as? [String] == ["学时统计", "不达标名单"])
        let rows = try #require(book["rows0"] as? [[Any]])
        #expect((rows[0][0] as? String)?.contains("2025-2026学年") == true && (rows[0][0] as? String)?.contains("学时统计") == true)
        #expect(rows[2].compactMap { $0 as? String }.contains("学时分段（人数）"))
        #expect(rows[3].compactMap { $0 as? String }.starts(with: ["≤36", "37–72", "73–108", "≥109", "国家级"]))
        let merged = try #require(book["merged0"] as? [String])
        #expect(
            merged.contains("A1:R1") && merged.contains("D3:G3") && merged.contains("H3:M3") && merged.contains("N3:P3")
                && merged.contains("A3:A4"))
        let schools = try #require(stats["schools"] as? [[String: Any]])
        let district = try #require(stats["district"] as? [String: Any])
        func number(_ v: Any?) -> Double { (v as? NSNumber)?.doubleValue ?? .nan }
        func figures(_ f: [String: Any]) -> [Double] {
            let tiers = f["hoursByTier"] as? [String: Any] ?? [:]
            let cats = f["hoursByCategory"] as? [String: Any] ?? [:]
            return [number(f["teachers"])] + (f["byBand"] as? [Any] ?? []).map(number)
                + ["10", "20", "30", "40", "60", "99"].map { number(tiers[$0]) }
                + ["public", "professional", "elective"].map { number(cats[$0]) }
        }
        // Row 5 on: one row per school (id, name, the figures, total, below minimum), then the district's.
        for (i, s) in schools.enumerated() {
            let row = rows[4 + i]
            #expect(row[0] as? String == s["id"] as? String && row[1] as? String == s["name"] as? String)
            let cells = row[2..<18].map(number)
            #expect(zip(cells, figures(s)).allSatisfy { abs($0 - $1) < 0.001 }, "\(row) vs \(s)")
            #expect(number(row[17]) == number(s["belowMinimum"]))
        }
        let total = rows[4 + schools.count]
        #expect(total[0] as? String == "全区合计")
        #expect(zip(total[2..<18].map(number), figures(district)).allSatisfy { abs($0 - $1) < 0.001 })
        #expect(number(total[17]) == number(district["belowMinimum"]))
        let footer = rows.last!.compactMap { $0 as? String }.joined(separator: " ")
        #expect(footer.contains("填表人") && footer.contains("审核人") && footer.contains("日期"))
        // Sheet 2: the 不达标名单, one row per teacher after the title, note and two header rows, then the footer.
        let list = try #require(book["rows1"] as? [[Any]])
        let below = try #require(stats["belowMinimumTeachers"] as? [[String: Any]])
        #expect(list.count == 4 + below.count + 2)
        if let first = below.first {
            #expect(list[4][1] as? String == first["id"] as? String && abs(number(list[4][5]) - number(first["hours"])) < 0.001)
        }
        #expect((book["merged1"] as? [String])?.contains("J3:M3") == true)
    }

    @Test func tablesAndCSVInChineseOrEnglishAndMistakesAreOneLine() throws {
        let (_, db) = Self.district
        let table = try CLIRunner.run(["stats", "hours", "--db", db, "--year", "2025-2026"])
        #expect(table.status == 0 && table.stdout.hasPrefix("2025-2026学年 教师继续教育学时统计\n学校代码"))
        #expect(table.stdout.contains("全区合计"))
        let en = try CLIRunner.run(["stats", "hours", "--db", db, "--year", "2025-2026", "--lang", "en", "--format", "csv"])
        #expect(en.stdout.hasPrefix("\u{FEFF}school,name,teachers,≤36,37–72,73–108,≥109,national"))
        let below = try CLIRunner.run(["stats", "hours", "--db", db, "--year", "2025-2026", "--below-minimum", "--format", "csv"])
        let stats = try json(["stats", "hours", "--db", db, "--year", "2025-2026", "--format", "json"])
        #expect(below.stdout.split(separator: "\r\n").count == 1 + ((stats["belowMinimumTeachers"] as? [Any])?.count ?? -1))
        let noOut = try CLIRunner.run(["stats", "hours", "--db", db, "--format", "xlsx"])
        #expect(noOut.status == 1 && noOut.stderr.split(separator: "\n").count == 1 && noOut.stderr.contains("--out"))
        let badYear = try CLIRunner.run(["stats", "hours", "--db", db, "--year", "2025-2027"])
        #expect(badYear.status == 2 && badYear.stderr.contains("--year 2025-2027"))
        let unknown = try CLIRunner.run(["stats", "hours", "--db", db, "--school", "S9999"])
        #expect(unknown.status == 1 && unknown.stderr.contains("S9999"))
    }

    @Test func anHoursCertificateListsTheYearsCountedTrainingsWithTotalsAndSignatureLines() throws {
        let (_, db) = Self.district
        let quota = try json(["quota", "report", "--db", db, "--year", "2025-2026", "--teachers", "--format", "json"])
        let teachers = quota["teachers"] as? [[String: Any]] ?? []
        let teacher = try #require(teachers.first { (($0["total"] as? NSNumber)?.doubleValue ?? 0) > 0 })
        let id = try #require(teacher["id"] as? String)
        let cert = try json(["stats", "hours-certificate", id, "--db", db, "--year", "2025-2026", "--format", "json"])
        #expect((cert["total"] as? NSNumber)?.doubleValue == (teacher["total"] as? NSNumber)?.doubleValue)
        let lines = try #require(cert["lines"] as? [[String: Any]])
        let sum = lines.reduce(0.0) { $0 + (($1["hours"] as? NSNumber)?.doubleValue ?? 0) }
        #expect(abs(sum - ((teacher["total"] as? NSNumber)?.doubleValue ?? -1)) < 0.001 && !lines.isEmpty)
        let text = try CLIRunner.run(["stats", "hours-certificate", id, "--db", db, "--year", "2025-2026"])
        #expect(text.status == 0 && text.stdout.hasPrefix("学时证明\n") && text.stdout.contains("兹证明 \(teacher["name"] as! String)"))
        #expect(text.stdout.contains("填表人：") && text.stdout.contains("审核人：") && text.stdout.contains("学校（盖章）"))
        let missing = try CLIRunner.run(["stats", "hours-certificate", "T404", "--db", db])
        #expect(missing.status == 1 && missing.stderr.contains("T404"))
    }
}
