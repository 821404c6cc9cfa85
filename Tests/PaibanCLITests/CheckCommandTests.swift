import Foundation
import Testing

/// `paiban check` run as HR runs it: the real executable, rosters written as files (long CSV, wide
/// tables in GB18030 and UTF-16), exit codes 0 (no hard rule broken), 1 (one is) and 2 (unusable input).
@Suite(.timeLimit(.minutes(2)))
struct CheckCommandTests {
    /// Two people, 1-10 March 2027 (no holidays), one day shift and one night shift. Only the
    /// consecutive-days limits (soft 5, hard 7) and the 11 h minimum rest are on; rest days and hours off.
    static let scenario = """
        name: 检查用
        period: {start: 2027-03-01, end: 2027-03-10}
        groups: [热线]
        shifts:
          - {code: D, name: 白班, start: "09:00", end: "17:00"}
          - {code: N, name: 大夜班, start: "22:00", end: "06:00"}
        contracts:
          标准: {rest_days_per_month: 0, hours_target: 0, consecutive_soft: 5, consecutive_hard: 7}
        staff:
          - {id: P1, name: 张三, group: 热线, contract: 标准}
          - {id: P2, name: 李四, group: 热线, contract: 标准}
        demand:
          - {from: "09:00", to: "17:00", required: 1}
        rules:
          min_rest_hours: 11

        """

    static let people = [("P1", "张三"), ("P2", "李四")]
    static let march = (1...10).map { String(format: "2027-03-%02d", $0) }

    /// Cover is full in both: one person on D each day. Clean: 张三 works 1-5 and 8-10 (runs of 5 and 3).
    static let clean = ["DDDDD..DDD", ".....DD..."]
    /// 张三 works 1-8 March: 8 days in a row against the hard limit 7.
    static let eightInARow = ["DDDDDDDD..", "........DD"]

    /// The long CSV `paiban solve` writes, one string per person ("." = OFF).
    static func long(_ rows: [String], people: [(String, String)] = people, dates: [String] = march) -> String {
        var out = "employee_id,employee_name,date,shift\n"
        for (d, date) in dates.enumerated() {
            for (p, person) in people.enumerated() {
                let ch = Array(rows[p])[d]
                out += "\(person.0),\(person.1),\(date),\(ch == "." ? "OFF" : String(ch))\n"
            }
        }
        return out
    }

    /// The same roster as a supervisor's wide table: a title row, the header (工号, 姓名, day numbers),
    /// a weekday row, then one row per person with 休 or a blank cell for rest (both are used).
    static func wide(_ rows: [String], separator: String = ",", lineEnd: String = "\r\n") -> String {
        let weekdays = ["一", "二", "三", "四", "五", "六", "日"]
        var lines = ["2027年3月排班表"]
        lines.append((["工号", "姓名"] + (1...10).map(String.init)).joined(separator: separator))
        lines.append((["", ""] + (0..<10).map { weekdays[$0 % 7] }).joined(separator: separator))
        for (p, person) in people.enumerated() {
            let cells = Array(rows[p]).enumerated().map { d, ch in ch == "." ? (d % 2 == 0 ? "休" : "") : String(ch) }
            lines.append(([person.0, person.1] + cells).joined(separator: separator))
        }
        return lines.joined(separator: lineEnd) + lineEnd
    }

    /// GB18030 (GBK) bytes of the characters these tests use; ASCII stays as it is.
    static let gbk: [Character: [UInt8]] = [
        "张": [0xD5, 0xC5], "三": [0xC8, 0xFD], "李": [0xC0, 0xEE], "四": [0xCB, 0xC4], "休": [0xD0, 0xDD],
        "工": [0xB9, 0xA4], "号": [0xBA, 0xC5], "姓": [0xD0, 0xD5], "名": [0xC3, 0xFB], "年": [0xC4, 0xEA],
        "月": [0xD4, 0xC2], "排": [0xC5, 0xC5], "班": [0xB0, 0xE0], "表": [0xB1, 0xED], "一": [0xD2, 0xBB],
        "二": [0xB6, 0xFE], "五": [0xCE, 0xE5], "六": [0xC1, 0xF9], "日": [0xC8, 0xD5],
    ]

    static func gb18030(_ text: String) -> Data {
        var bytes: [UInt8] = []
        for ch in text {
            if ch.isASCII { bytes.append(contentsOf: Array(String(ch).utf8)) } else {
                guard let encoded = gbk[ch] else { preconditionFailure("no GB18030 bytes for \(ch) in the test table") }
                bytes.append(contentsOf: encoded)
            }
        }
        return Data(bytes)
    }

    /// A fresh folder with the scenario written into it.
    func setUp(scenario text: String = scenario) throws -> (PaibanProcess, String) {
        let p = try PaibanProcess()
        return (p, try p.write("scenario.yaml", text))
    }

    func writeBytes(_ p: PaibanProcess, _ name: String, _ data: Data) throws -> String {
        try data.write(to: URL(fileURLWithPath: p.path(name)))
        return p.path(name)
    }

    /// Lines of hard findings in the table, in English (HARD) or Chinese (硬性).
    func hardLines(_ out: String) -> [String] {
        out.split(separator: "\n").map(String.init).filter { $0.hasPrefix("HARD") || $0.hasPrefix("硬性") }
    }

    func findings(_ json: [String: Any]) throws -> [[String: Any]] {
        try #require(json["findings"] as? [[String: Any]], "no findings array in \(json.keys.sorted())")
    }

    // MARK: - Clean and broken rosters

    @Test func cleanRosterExitsZeroWithoutHardLines() throws {
        let (p, scenario) = try setUp()
        defer { p.cleanUp() }
        let roster = try p.write("roster.csv", Self.long(Self.clean))
        let run = try p.run(["check", roster, "--scenario", scenario])
        #expect(run.exited && run.status == 0, "exit \(run.status)\n\(run.stdout)\n\(run.stderr)")
        #expect(hardLines(run.stdout).isEmpty, "\(run.stdout)")
        #expect(!run.stdout.contains("HARD"))
        #expect(run.stderr.isEmpty, "\(run.stderr)")

        let json = try jsonObject(try p.run(["check", roster, "--scenario", scenario, "--format", "json"]).stdout)
        #expect((json["hard_violations"] as? NSNumber)?.intValue == 0)
        #expect(try findings(json).isEmpty, "\(json)")
    }

    @Test func eightDaysInARowIsHardAndNamesPersonAndDates() throws {
        let (p, scenario) = try setUp()
        defer { p.cleanUp() }
        let roster = try p.write("roster.csv", Self.long(Self.eightInARow))

        let en = try p.run(["check", roster, "--scenario", scenario])
        #expect(en.exited && en.status == 1, "exit \(en.status)\n\(en.stderr)")
        let hard = hardLines(en.stdout)
        #expect(hard.count == 1, "\(en.stdout)")
        let line = try #require(hard.first)
        #expect(line.contains("consecutive-days"))
        #expect(line.contains("张三"))
        #expect(line.contains("8 days"), "\(line)")
        #expect(line.contains("1-8 Mar"), "\(line)")
        #expect(line.contains("7"), "the hard limit: \(line)")
        #expect(!line.contains("李四"))
        // The soft limit (5) is exceeded too: 3 days beyond it.
        #expect(en.stdout.contains("soft [consecutive-days]"), "\(en.stdout)")

        let zh = try p.run(["check", roster, "--scenario", scenario, "--lang", "zh"])
        #expect(zh.exited && zh.status == 1, "exit \(zh.status)\n\(zh.stderr)")
        let zhHard = hardLines(zh.stdout)
        #expect(zhHard.count == 1, "\(zh.stdout)")
        let zhLine = try #require(zhHard.first)
        #expect(zhLine.contains("张三"))
        #expect(zhLine.contains("连续"), "\(zhLine)")
        #expect(zhLine.contains("8天"), "\(zhLine)")
        #expect(zhLine.contains("3月1日-8日"), "\(zhLine)")
        #expect(zhLine.contains("7天"), "\(zhLine)")
        #expect(!zhLine.contains("works") && !zhLine.contains("Mar"), "English left in the Chinese message: \(zhLine)")
    }

    @Test func formatJSONHasHardViolationsAndFindingFields() throws {
        let (p, scenario) = try setUp()
        defer { p.cleanUp() }
        let roster = try p.write("roster.csv", Self.long(Self.eightInARow))
        let run = try p.run(["check", roster, "--scenario", scenario, "--format", "json"])
        #expect(run.exited && run.status == 1, "exit \(run.status)\n\(run.stderr)")
        let json = try jsonObject(run.stdout)
        #expect((json["hard_violations"] as? NSNumber)?.intValue == 1)
        #expect(json["layout"] as? String == "long")
        #expect(json["encoding"] as? String == "utf-8")
        let items = try findings(json)
        for item in items {
            for key in ["rule", "severity", "employee_id", "dates", "message", "penalty"] {
                #expect(item[key] != nil, "finding without \(key): \(item)")
            }
            #expect(item["rule"] is String && item["message"] is String && item["penalty"] is NSNumber && item["dates"] is [String])
        }
        let hard = items.filter { $0["severity"] as? String == "hard" }
        #expect(hard.count == 1)
        let finding = try #require(hard.first)
        #expect(finding["rule"] as? String == "consecutive-days")
        #expect(finding["employee_id"] as? String == "P1")
        #expect(finding["dates"] as? [String] == Array(Self.march.prefix(8)))
        #expect((finding["penalty"] as? NSNumber)?.doubleValue == 0)
        #expect((finding["message"] as? String)?.contains("张三") == true)

        let soft = items.filter { $0["severity"] as? String == "soft" && $0["rule"] as? String == "consecutive-days" }
        #expect(soft.count == 1)
        // Days 6, 7 and 8 are beyond the soft limit of 5, at the default weight 10 each.
        #expect((soft.first?["penalty"] as? NSNumber)?.doubleValue == 30)
        #expect((json["soft_penalty"] as? NSNumber)?.doubleValue == 30)

        let zh = try jsonObject(try p.run(["check", roster, "--scenario", scenario, "--format", "json", "--lang", "zh"]).stdout)
        let zhMessage = try findings(zh).first { $0["severity"] as? String == "hard" }?["message"] as? String
        #expect(zhMessage?.contains("3月1日-8日") == true, "\(zhMessage ?? "-")")
    }

    @Test func formatCSVHasHeaderAndOneRowPerFinding() throws {
        let (p, scenario) = try setUp()
        defer { p.cleanUp() }
        let roster = try p.write("roster.csv", Self.long(Self.eightInARow))
        let run = try p.run(["check", roster, "--scenario", scenario, "--format", "csv"])
        #expect(run.exited && run.status == 1, "exit \(run.status)\n\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        try #require(lines.count == 3, "\(run.stdout)")
        #expect(lines[0] == "rule,severity,employee_id,employee_name,dates,penalty,message")
        // The message is last and may hold commas (quoted); the first six fields have none.
        let hard = lines[1].split(separator: ",", maxSplits: 6, omittingEmptySubsequences: false).map(String.init)
        #expect(Array(hard.prefix(6)) == ["consecutive-days", "hard", "P1", "张三", "2027-03-01..2027-03-08", "0"])
        #expect(hard.last?.contains("1-8 Mar") == true)
        let soft = lines[2].split(separator: ",", maxSplits: 6, omittingEmptySubsequences: false).map(String.init)
        #expect(Array(soft.prefix(6)) == ["consecutive-days", "soft", "P1", "张三", "2027-03-01..2027-03-08", "30"])

        let clean = try p.write("clean.csv", Self.long(Self.clean))
        let empty = try p.run(["check", clean, "--scenario", scenario, "--format", "csv"])
        #expect(empty.status == 0)
        #expect(empty.stdout == "rule,severity,employee_id,employee_name,dates,penalty,message\n")
    }

    // MARK: - Wide tables and encodings

    @Test func wideTableInGB18030IsAuditedLikeTheLongForm() throws {
        let (p, scenario) = try setUp()
        defer { p.cleanUp() }
        let bytes = Self.gb18030(Self.wide(Self.eightInARow))
        // The test's own encoder: 张三 is D5 C5 C8 FD in GBK, and the file is not UTF-8.
        #expect(bytes.range(of: Data([0xD5, 0xC5, 0xC8, 0xFD])) != nil)
        #expect(String(data: bytes, encoding: .utf8) == nil)
        let wide = try writeBytes(p, "wide.csv", bytes)
        let long = try p.write("long.csv", Self.long(Self.eightInARow))

        let fromLong = try p.run(["check", long, "--scenario", scenario, "--format", "json"])
        let fromWide = try p.run(["check", wide, "--scenario", scenario, "--format", "json"])
        #expect(fromWide.exited && fromWide.status == 1, "exit \(fromWide.status)\n\(fromWide.stderr)")
        #expect(fromLong.status == 1)
        let l = try jsonObject(fromLong.stdout), w = try jsonObject(fromWide.stdout)
        #expect(w["layout"] as? String == "wide")
        #expect(w["encoding"] as? String == "gb18030")
        #expect((w["hard_violations"] as? NSNumber) == (l["hard_violations"] as? NSNumber))
        #expect((w["soft_penalty"] as? NSNumber) == (l["soft_penalty"] as? NSNumber))
        #expect(NSArray(array: try findings(w)) == NSArray(array: try findings(l)), "wide:\n\(fromWide.stdout)\nlong:\n\(fromLong.stdout)")

        // The table output, after the header line of each, is the same too.
        let tableLong = try p.run(["check", long, "--scenario", scenario]).stdout
        let tableWide = try p.run(["check", wide, "--scenario", scenario]).stdout
        #expect(tableWide == tableLong)

        // Naming the encoding gives the same result; GBK is a subset of GB18030.
        for name in ["gb18030", "gbk"] {
            let forced = try p.run(["check", wide, "--scenario", scenario, "--format", "json", "--encoding", name])
            #expect(forced.status == 1, "--encoding \(name): exit \(forced.status)\n\(forced.stderr)")
            let f = try jsonObject(forced.stdout)
            #expect(NSArray(array: try findings(f)) == NSArray(array: try findings(l)), "--encoding \(name)")
        }

        // The clean roster as a GB18030 wide table: exit 0, no finding.
        let cleanWide = try writeBytes(p, "clean-wide.csv", Self.gb18030(Self.wide(Self.clean)))
        let clean = try p.run(["check", cleanWide, "--scenario", scenario, "--format", "json"])
        #expect(clean.status == 0, "exit \(clean.status)\n\(clean.stderr)")
        #expect(try findings(try jsonObject(clean.stdout)).isEmpty)
    }

    @Test func wideTableInUTF16WithTabsAndUTF8WithBOM() throws {
        let (p, scenario) = try setUp()
        defer { p.cleanUp() }
        let long = try p.write("long.csv", Self.long(Self.eightInARow))
        let expected = try findings(try jsonObject(try p.run(["check", long, "--scenario", scenario, "--format", "json"]).stdout))

        // Excel's "Unicode text": UTF-16LE with a byte-order mark, tab-separated.
        var utf16 = Data([0xFF, 0xFE])
        for unit in Self.wide(Self.eightInARow, separator: "\t").utf16 { utf16.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)]) }
        // Excel's "CSV UTF-8": a byte-order mark, then UTF-8.
        let utf8 = Data([0xEF, 0xBB, 0xBF]) + Data(Self.wide(Self.eightInARow).utf8)
        for (name, data, encoding) in [("u16.txt", utf16, "utf-16le"), ("bom.csv", utf8, "utf-8")] {
            let run = try p.run(["check", try writeBytes(p, name, data), "--scenario", scenario, "--format", "json"])
            #expect(run.status == 1, "\(name): exit \(run.status)\n\(run.stderr)")
            let json = try jsonObject(run.stdout)
            #expect(json["encoding"] as? String == encoding, "\(name)")
            #expect(json["layout"] as? String == "wide", "\(name)")
            #expect(NSArray(array: try findings(json)) == NSArray(array: expected), "\(name)")
        }
    }

    @Test func forcedUTF8OnGB18030BytesExitsTwoNamingTheLine() throws {
        let (p, scenario) = try setUp()
        defer { p.cleanUp() }
        // An ASCII header on line 1, so the first byte that is not UTF-8 (张) sits on line 2.
        let text = "id,name," + (1...10).map(String.init).joined(separator: ",") + "\n"
            + "P1,张三,D,D,D,D,D,,,D,D,D\nP2,李四,,,,,,D,D,,,\n"
        let path = try writeBytes(p, "gbk.csv", Self.gb18030(text))

        let detected = try p.run(["check", path, "--scenario", scenario])
        #expect(detected.status == 0, "detected as GB18030, the roster is clean: exit \(detected.status)\n\(detected.stderr)")

        let run = try p.run(["check", path, "--scenario", scenario, "--encoding", "utf-8"])
        #expect(run.exited && run.status == 2, "exit \(run.status)\n\(run.stdout)")
        #expect(run.stderr.contains("\(path):2:"), "the line: \(run.stderr)")
        #expect(run.stderr.contains("UTF-8"), "\(run.stderr)")
        #expect(!run.stdout.contains("HARD"))
    }

    @Test func unknownShiftCodeInAWideCellExitsTwoNamingRowAndColumn() throws {
        let (p, scenario) = try setUp()
        defer { p.cleanUp() }
        // Row 2 (after the header), day 3 is column E (A 工号, B 姓名, C day 1, D day 2, E day 3).
        let text = "工号,姓名," + (1...10).map(String.init).joined(separator: ",") + "\n"
            + "P1,张三,D,D,X,D,D,,,D,D,D\nP2,李四,,,,,,D,D,,,\n"
        let path = try p.write("wide.csv", text)
        let run = try p.run(["check", path, "--scenario", scenario])
        #expect(run.exited && run.status == 2, "exit \(run.status)\n\(run.stdout)")
        #expect(run.stderr.contains("\(path):2:5"), "\(run.stderr)")
        #expect(run.stderr.contains("E2"), "the cell's name: \(run.stderr)")
        #expect(run.stderr.contains("'X'"), "\(run.stderr)")
        #expect(run.stderr.contains("D, N"), "the scenario's codes: \(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test func personNotInTheScenarioExitsTwo() throws {
        let (p, scenario) = try setUp()
        defer { p.cleanUp() }
        let long = Self.long(Self.clean, people: [("P1", "张三"), ("P9", "王五")])
        let path = try p.write("roster.csv", long)
        let run = try p.run(["check", path, "--scenario", scenario])
        #expect(run.exited && run.status == 2, "exit \(run.status)\n\(run.stdout)")
        #expect(run.stderr.contains("P9"), "\(run.stderr)")
        #expect(run.stderr.contains("\(path):3"), "the first row of P9 is line 3: \(run.stderr)")

        let wide = try p.write("wide.csv", "工号,姓名,1,2,3\nP1,张三,D,D,D\nP9,王五,D,,\n")
        let wideRun = try p.run(["check", wide, "--scenario", scenario])
        #expect(wideRun.status == 2, "exit \(wideRun.status)\n\(wideRun.stdout)")
        #expect(wideRun.stderr.contains("P9") && wideRun.stderr.contains("A3"), "\(wideRun.stderr)")
    }

    @Test func unusableArgumentsAndFilesExitTwo() throws {
        let (p, scenario) = try setUp()
        defer { p.cleanUp() }
        let roster = try p.write("roster.csv", Self.long(Self.clean))
        for arguments in [["check", p.path("missing.csv"), "--scenario", scenario],
                          ["check", roster, "--scenario", p.path("missing.yaml")],
                          ["check", roster, "--scenario", scenario, "--encoding", "latin-9"],
                          ["check", roster, "--scenario", scenario, "--format", "xml"],
                          ["check", roster, "--scenario", scenario, "--previous", p.path("missing.csv")]] {
            let run = try p.run(arguments)
            #expect(run.exited && run.status == 2, "\(arguments.dropFirst()): exit \(run.status)\n\(run.stderr)")
            #expect(!run.stderr.isEmpty)
        }
    }

    @Test func personMissingFromTheRosterIsANoteNotAnError() throws {
        let (p, scenario) = try setUp()
        defer { p.cleanUp() }
        let onlyP1 = Self.long(["DDDDD..DDD"], people: [("P1", "张三")])
        let run = try p.run(["check", try p.write("roster.csv", onlyP1), "--scenario", scenario])
        #expect(run.exited && run.status == 0, "exit \(run.status)\n\(run.stderr)")
        #expect(run.stdout.contains("note: P2 李四 is not in the roster"), "\(run.stdout)")
        let json = try jsonObject(try p.run(["check", p.path("roster.csv"), "--scenario", scenario, "--format", "json"]).stdout)
        #expect((json["notes"] as? [String])?.contains { $0.contains("P2") } == true, "\(json)")
    }

    // MARK: - The previous roster

    @Test func previousRosterCarriesARunAcrossTheStart() throws {
        let (p, scenario) = try setUp()
        defer { p.cleanUp() }
        // 张三 works 24-28 February (5 days) and 1-3 March (3 days): 8 in a row only with the history.
        let current = try p.write("march.csv", Self.long(["DDD.......", "...DDDDD.."]))
        let february = (23...28).map { "2027-02-\($0)" }
        let previous = try p.write("february.csv", Self.long([".DDDDD", "......"], dates: february))

        let alone = try p.run(["check", current, "--scenario", scenario])
        #expect(alone.exited && alone.status == 0, "exit \(alone.status)\n\(alone.stdout)\n\(alone.stderr)")
        #expect(hardLines(alone.stdout).isEmpty, "\(alone.stdout)")

        let run = try p.run(["check", current, "--scenario", scenario, "--previous", previous])
        #expect(run.exited && run.status == 1, "exit \(run.status)\n\(run.stderr)")
        let hard = hardLines(run.stdout)
        #expect(hard.count == 1, "\(run.stdout)")
        let line = try #require(hard.first)
        #expect(line.contains("consecutive-days") && line.contains("张三") && line.contains("8 days"), "\(line)")
        #expect(line.contains("1-3 Mar") && line.contains("5 days before"), "\(line)")

        // The finding's dates are the days inside the period.
        let json = try jsonObject(try p.run(["check", current, "--scenario", scenario, "--previous", previous, "--format", "json"]).stdout)
        let finding = try #require(try findings(json).first { $0["severity"] as? String == "hard" })
        #expect(finding["dates"] as? [String] == ["2027-03-01", "2027-03-02", "2027-03-03"])

        // The same previous month as a wide table with day numbers (they count back from 28 February).
        let wide = try p.write("february-wide.csv", "工号,姓名,22,23,24,25,26,27,28\nP1,张三,D,休,D,D,D,D,D\nP2,李四,,,,,,,\n")
        let fromWide = try p.run(["check", current, "--scenario", scenario, "--previous", wide])
        #expect(fromWide.status == 1, "exit \(fromWide.status)\n\(fromWide.stderr)")
        #expect(hardLines(fromWide.stdout) == hard)

        // Four days before (a rest day on 24 February) make 7: within the hard limit.
        let shorter = try p.write("february-short.csv", Self.long(["..DDDD", "......"], dates: february))
        let within = try p.run(["check", current, "--scenario", scenario, "--previous", shorter])
        #expect(within.status == 0, "exit \(within.status)\n\(within.stdout)")
    }

    /// `--encoding` names the encoding of the roster being checked; the previous roster (often the UTF-8
    /// file `paiban solve` wrote last month) is detected on its own.
    @Test
    func encodingOptionIsForTheCheckedRosterOnly() throws {
        let (p, scenario) = try setUp()
        defer { p.cleanUp() }
        let current = try writeBytes(p, "march.csv", Self.gb18030(Self.wide(["DDD.......", "...DDDDD.."])))
        let previous = try p.write("february.csv", "工号,姓名,日期,班次\n" + (24...28).map { "P1,张三,2027-02-\($0),D\n" }.joined())
        let detected = try p.run(["check", current, "--scenario", scenario, "--previous", previous])
        #expect(detected.status == 1, "exit \(detected.status)\n\(detected.stderr)")
        let forced = try p.run(["check", current, "--scenario", scenario, "--previous", previous, "--encoding", "gb18030"])
        #expect(forced.status == 1, "exit \(forced.status)\n\(forced.stderr)")
        #expect(hardLines(forced.stdout) == hardLines(detected.stdout))
    }

    /// A previous roster may list people who have left (not in the scenario): they are skipped.
    @Test func previousRosterMayListPeopleWhoLeft() throws {
        let (p, scenario) = try setUp()
        defer { p.cleanUp() }
        let current = try p.write("march.csv", Self.long(["DDD.......", "...DDDDD.."]))
        let february = (24...28).map { "2027-02-\($0)" }
        let previous = try p.write("february.csv", Self.long(["DDDDD", ".....", "DDDDD"], people: Self.people + [("P7", "赵七")], dates: february))
        let run = try p.run(["check", current, "--scenario", scenario, "--previous", previous])
        #expect(run.exited && run.status == 1, "exit \(run.status)\n\(run.stderr)")
        #expect(hardLines(run.stdout).count == 1 && hardLines(run.stdout).first?.contains("张三") == true, "\(run.stdout)")
    }

    @Test func previousRosterCountsRestBetweenShiftsAcrossTheStart() throws {
        let (p, scenario) = try setUp()
        defer { p.cleanUp() }
        let current = try p.write("march.csv", Self.long(Self.clean))
        let previous = try p.write("february.csv", Self.long(["N", "."], dates: ["2027-02-28"]))
        let run = try p.run(["check", current, "--scenario", scenario, "--previous", previous])
        #expect(run.exited && run.status == 1, "exit \(run.status)\n\(run.stdout)\n\(run.stderr)")
        let hard = hardLines(run.stdout)
        #expect(hard.count == 1 && hard.first?.contains("minimum-rest") == true && hard.first?.contains("张三") == true, "\(run.stdout)")
        // N ends 06:00 on 1 March, D starts 09:00: 3 h.
        #expect(hard.first?.contains("3 h") == true, "\(run.stdout)")
    }

    // MARK: - Hours and pay

    /// 1-7 October 2026: 1-3 are statutory holidays (National Day), 4-7 closure days but not statutory.
    /// Day rate (4800 + 2400) / 24 = 300, paid 3x: a premium of 900 per statutory day worked.
    static let october = """
        name: 国庆值班
        period: {start: 2026-10-01, end: 2026-10-07}
        groups: [热线]
        shifts:
          - {code: D, name: 白班, start: "09:00", end: "17:00", paid_hours: 7.5}
          - {code: N, name: 大夜班, start: "22:00", end: "06:00"}
        contracts:
          标准: {rest_days_per_month: 0, hours_target: 0, consecutive_soft: 5, consecutive_hard: 7, base_pay: 4800, performance_pay: 2400}
        staff:
          - {id: P1, name: 张三, group: 热线, contract: 标准}
          - {id: P2, name: 李四, group: 热线, contract: 标准}
        demand:
          - {from: "09:00", to: "17:00", required: 1}

        """

    static let octoberRoster = "工号,姓名,10/1,10/2,10/3,10/4,10/5,10/6,10/7\nP1,张三,D,D,,N,,,\nP2,李四,,,D,D,D,D,D\n"

    @Test func hoursShowPaidHoursNightsAndHolidayPremium() throws {
        let (p, scenario) = try setUp(scenario: Self.october)
        defer { p.cleanUp() }
        let roster = try p.write("october.csv", Self.octoberRoster)
        let premium = (4800.0 + 2400.0) / 24 * 3

        let run = try p.run(["check", roster, "--scenario", scenario, "--hours", "--format", "json"])
        #expect(run.exited && run.status == 0, "exit \(run.status)\n\(run.stderr)")
        let json = try jsonObject(run.stdout)
        let hours = try #require(json["hours"] as? [[String: Any]], "no hours in \(json.keys.sorted())")
        let p1 = try #require(hours.first { $0["employee_id"] as? String == "P1" })
        let p2 = try #require(hours.first { $0["employee_id"] as? String == "P2" })
        #expect((p1["paid_hours"] as? NSNumber)?.doubleValue == 7.5 + 7.5 + 8)
        #expect((p1["days_worked"] as? NSNumber)?.intValue == 3)
        #expect((p1["big_nights"] as? NSNumber)?.intValue == 1)
        #expect((p1["small_nights"] as? NSNumber)?.intValue == 0)
        #expect(p1["holiday_dates"] as? [String] == ["2026-10-01", "2026-10-02"])
        #expect((p1["holiday_premium"] as? NSNumber)?.doubleValue == 2 * premium)
        #expect((p2["paid_hours"] as? NSNumber)?.doubleValue == 5 * 7.5)
        #expect((p2["big_nights"] as? NSNumber)?.intValue == 0)
        #expect(p2["holiday_dates"] as? [String] == ["2026-10-03"], "4-7 October are not statutory")
        #expect((p2["holiday_premium"] as? NSNumber)?.doubleValue == premium)

        // A holiday-work finding for every statutory day worked, soft and free in the objective.
        let holiday = try findings(json).filter { $0["rule"] as? String == "holiday-work" }
        let days = holiday.map { "\($0["employee_id"] as? String ?? "?") \(($0["dates"] as? [String])?.joined(separator: " ") ?? "?")" }
        #expect(days.sorted() == ["P1 2026-10-01", "P1 2026-10-02", "P2 2026-10-03"])
        #expect(holiday.allSatisfy { $0["severity"] as? String == "soft" && ($0["penalty"] as? NSNumber)?.doubleValue == 0 })
        #expect(holiday.allSatisfy { ($0["message"] as? String)?.contains("900") == true }, "the premium in the message: \(holiday)")
        #expect((json["hard_violations"] as? NSNumber)?.intValue == 0)

        // The table: findings, then a row per person with the same figures.
        let table = try p.run(["check", roster, "--scenario", scenario, "--hours"])
        #expect(table.status == 0)
        #expect(table.stdout.contains("holiday-work"))
        let rows = table.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
        let header = try #require(rows.first { $0.first == "employee_id" }, "\(table.stdout)")
        let row = try #require(rows.first { $0.first == "P1" }, "\(table.stdout)")
        try #require(row.count == header.count, "\(header)\n\(row)")
        func cell(_ name: String) -> String? { header.firstIndex(of: name).map { row[$0] } }
        #expect(cell("paid_hours") == "23")
        #expect(cell("big_nights") == "1")
        #expect(cell("holidays_worked") == "2")
        #expect(cell("holiday_premium") == "1800")

        // CSV: the same figures, one line per person.
        let csv = try p.run(["check", roster, "--scenario", scenario, "--hours", "--format", "csv"])
        #expect(csv.status == 0)
        let lines = csvRows(csv.stdout)
        try #require(lines.count == 3, "\(csv.stdout)")
        let csvP1 = try #require(lines.first { $0.first == "P1" })
        func csvCell(_ name: String) -> String? { lines[0].firstIndex(of: name).map { csvP1[$0] } }
        #expect(csvCell("paid_hours") == "23")
        #expect(csvCell("holiday_premium") == "1800")
        #expect(csvCell("big_nights") == "1")

        // In Chinese the holiday finding is Chinese.
        let zh = try p.run(["check", roster, "--scenario", scenario, "--lang", "zh"])
        let zhHoliday = zh.stdout.split(separator: "\n").filter { $0.contains("[holiday-work]") }
        #expect(zhHoliday.count == 3)
        #expect(zhHoliday.allSatisfy { $0.contains("10月") && !$0.contains(" works ") }, "\(zh.stdout)")
    }

    /// Work on an approved-leave day or before the start date is still work: the roster says it was
    /// done (the audit flags it as a hard availability finding). The holiday-work findings name a premium
    /// for those days; the hours figures must pay the same days.
    @Test
    func hoursPayEveryDayTheHolidayFindingsName() throws {
        let scenario = Self.october
            .replacingOccurrences(of: "  - {id: P1, name: 张三, group: 热线, contract: 标准}",
                                  with: "  - {id: P1, name: 张三, group: 热线, contract: 标准, leave: [2026-10-02]}\n"
                                      + "  - {id: P3, name: 王五, group: 热线, contract: 标准, start_date: 2026-10-03}")
        let (p, path) = try setUp(scenario: scenario)
        defer { p.cleanUp() }
        let roster = try p.write("october.csv", Self.octoberRoster + "P3,王五,D,D,D,,,,\n")
        let run = try p.run(["check", roster, "--scenario", path, "--hours", "--format", "json"])
        #expect(run.exited && run.status == 1, "availability is broken: exit \(run.status)\n\(run.stderr)")
        let json = try jsonObject(run.stdout)
        let hours = try #require(json["hours"] as? [[String: Any]])
        let holiday = try findings(json).filter { $0["rule"] as? String == "holiday-work" }
        for id in ["P1", "P2", "P3"] {
            let figures = try #require(hours.first { $0["employee_id"] as? String == id })
            let flagged = holiday.filter { $0["employee_id"] as? String == id }.flatMap { $0["dates"] as? [String] ?? [] }.sorted()
            #expect((figures["holiday_dates"] as? [String])?.sorted() == flagged, "\(id)")
            #expect((figures["holiday_premium"] as? NSNumber)?.doubleValue == Double(flagged.count) * 900, "\(id)")
        }
        let p1 = try #require(hours.first { $0["employee_id"] as? String == "P1" })
        #expect((p1["days_worked"] as? NSNumber)?.intValue == 3)
        #expect((p1["paid_hours"] as? NSNumber)?.doubleValue == 23)
    }

    // MARK: - What solve writes

    @Test func solvedOnlineVolunteersRosterPassesTheCheck() throws {
        let p = try PaibanProcess()
        defer { p.cleanUp() }
        let scenario = PaibanProcess.packageRoot.appendingPathComponent("Examples/online-volunteers/scenario.yaml").path
        let solve = try p.run(["solve", scenario, "--out", p.path("out"), "--time-limit", "20"])
        try #require(solve.exited && solve.status == 0, "solve: exit \(solve.status)\n\(solve.stderr)")

        let run = try p.run(["check", p.path("out/roster.csv"), "--scenario", scenario])
        #expect(run.exited && run.status == 0, "exit \(run.status)\n\(run.stdout)\n\(run.stderr)")
        #expect(hardLines(run.stdout).isEmpty, "\(run.stdout)")

        // check audits with the same rules as solve: the same findings as summary.json.
        let json = try jsonObject(try p.run(["check", p.path("out/roster.csv"), "--scenario", scenario, "--format", "json"]).stdout)
        let summary = try jsonObject(try p.read("out/summary.json"))
        func comparable(_ items: [[String: Any]]) -> [String] {
            items.map { f in
                ["rule", "severity", "message"].map { f[$0] as? String ?? "-" }.joined(separator: "|")
                    + "|\((f["dates"] as? [String])?.joined(separator: " ") ?? "-")|\((f["penalty"] as? NSNumber)?.doubleValue ?? -1)"
            }.sorted()
        }
        let solved = try #require(summary["findings"] as? [[String: Any]])
        #expect(comparable(try findings(json)) == comparable(solved))
        let penalties = (summary["penalties"] as? [String: Any] ?? [:]).values.compactMap { ($0 as? NSNumber)?.doubleValue }.reduce(0, +)
        #expect(abs(((json["soft_penalty"] as? NSNumber)?.doubleValue ?? -1) - penalties) < 1e-6)
    }
}
