import Testing

@testable import XinyuCore

@Suite struct HoursAndTableTests {
    @Test func hoursParseTenthsExactly() {
        #expect(Hours("12.5")?.tenths == 125)
        #expect(Hours("12")?.tenths == 120)
        #expect(Hours("0.1")?.tenths == 1)
        #expect(Hours("1.25") == nil)
        #expect(Hours("-1") == nil)
        #expect(Hours("1e3") == nil)
        #expect(Hours(".5") == nil)
        #expect(Hours("5.") == nil)
        #expect((Hours("0.1")! + Hours("0.2")!).description == "0.3")
    }

    @Test func tableAlignsChineseByDisplayWidth() {
        let t = TextTable(headers: ["id", "name"], rows: [["S1", "第1小学"], ["S22", "ab"]])
        let lines = t.rendered().split(separator: "\n").map(String.init)
        // "第1小学" is 7 columns wide; every row's second column starts at the same display column.
        #expect(DisplayWidth.of("第1小学") == 7)
        #expect(lines[2] == "S1   第1小学")
        #expect(lines[3] == "S22  ab")
    }

    @Test func tableRightAlignsNumbersAndEndsLinesWithTheirLastCell() {
        let t = TextTable(
            headers: ["id", "n", "note"], rows: [["a", "7", ""], ["情绪", "12", "x "], ["b"]], numeric: [1])
        #expect(
            t.rendered() == """
                id     n  note
                ----  --  ----
                a      7
                情绪  12  x
                b

                """)
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("a\u{0}b") == 2)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("") == 0)
    }

    @Test func csvHasBOMAndQuotes() {
        let t = TextTable(headers: ["a", "b"], rows: [["x,y", "say \"hi\""]])
        let csv = t.csv()
        #expect(csv.hasPrefix("\u{FEFF}a,b\r\n"))
        #expect(csv.contains("\"x,y\",\"say \"\"hi\"\"\""))
    }
}

@Suite struct CountedHoursRuleTests {
    /// RULES.md: completed or partial, not failed; absent and withdrawn never count.
    @Test func statusAndResultDecide() {
        #expect(Attendance.counts(status: .completed, result: .pass))
        #expect(Attendance.counts(status: .partial, result: .none))
        #expect(!Attendance.counts(status: .completed, result: .fail))
        #expect(!Attendance.counts(status: .absent, result: .none))
        #expect(!Attendance.counts(status: .withdrawn, result: .pass))
    }
}
