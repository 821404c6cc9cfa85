import Foundation
import Testing

/// `paiban solve` run as the user runs it: the real executable, exit codes, files and output.
@Suite(.timeLimit(.minutes(2)))
struct SolveCommandTests {
    /// Four people, one week, two 8-hour shifts. Hours band for 7 of 31 days: 31.7-47.7 h, so 4 or 5
    /// shifts each (王五 one fewer, his day of leave is credited 8 h); 1 rest day each.
    static let tiny = """
        name: 小组一周
        period: {start: 2027-03-01, end: 2027-03-07}
        groups: [热线]
        shifts:
          - {code: M, name: 早班, start: "07:00", end: "15:00"}
          - {code: E, name: 晚班, start: "15:00", end: "23:00"}
        contracts:
          标准: {rest_days_per_month: 7, hours_target: 176, hours_tolerance: 8, consecutive_soft: 5, consecutive_hard: 6}
        staff:
          - {id: P1, name: 张三, group: 热线, contract: 标准}
          - {id: P2, name: 李四, group: 热线, contract: 标准}
          - {id: P3, name: 王五, group: 热线, contract: 标准, leave: [2027-03-03]}
          - {id: P4, name: 赵六, group: 热线, contract: 标准, requests: [{date: 2027-03-05, off: true}]}
        demand:
          - {from: "07:00", to: "23:00", required: 1}
          - {days: weekdays, from: "09:00", to: "12:00", required: 2}
        rules:
          min_rest_hours: 11

        """

    /// 赵六 is on unpaid leave (no credit) five of the seven days: two shifts (16 h) cannot reach the band.
    static let infeasible = tiny
        .replacingOccurrences(of: "{id: P4, name: 赵六, group: 热线, contract: 标准, requests: [{date: 2027-03-05, off: true}]}",
                              with: "{id: P4, name: 赵六, group: 热线, contract: 标准, leave: [{from: 2027-03-02, to: 2027-03-06, kind: 事假}]}")
        .replacingOccurrences(of: "  min_rest_hours: 11", with: "  min_rest_hours: 11\n  leave_credit_hours: 0")

    static let rosterHeader = "employee_id,employee_name,date,shift,break_start"
    static let coverageHeader = "date,slot_start,slot_end,group,required,assigned,short,over"
    static let summaryKeys: Set<String> = ["status", "stopped_by", "objective", "best_bound", "gap", "penalties",
                                           "under_cover_person_hours", "findings", "conflicts", "build_seconds",
                                           "solve_seconds", "model"]
    static let week = (1...7).map { "2027-03-0\($0)" }

    func solveTiny(_ extra: [String] = []) throws -> (PaibanProcess, PaibanProcess.Outcome) {
        let p = try PaibanProcess()
        let scenario = try p.write("scenario.yaml", Self.tiny)
        let outcome = try p.run(["solve", scenario, "--time-limit", "5", "--out", p.path("out")] + extra)
        return (p, outcome)
    }

    @Test func solvesATinyScenarioAndWritesTheThreeFiles() throws {
        let (p, run) = try solveTiny()
        defer { p.cleanUp() }
        #expect(run.exited && run.status == 0, "exit \(run.status)\n\(run.stderr)")

        // roster.csv: the header, then one row per person per day.
        let roster = csvRows(try p.read("out/roster.csv"))
        try #require(!roster.isEmpty)
        #expect(roster[0].joined(separator: ",") == Self.rosterHeader)
        let rows = roster.dropFirst()
        #expect(rows.count == 4 * 7)
        #expect(rows.allSatisfy { $0.count == 5 })
        var cells: [String: String] = [:]
        for row in rows { cells["\(row[0])|\(row[2])"] = row[3] }
        for id in ["P1", "P2", "P3", "P4"] {
            for day in Self.week { #expect(cells["\(id)|\(day)"] != nil, "no row for \(id) on \(day)") }
        }
        #expect(cells.count == 28, "a person and day appear twice")
        #expect(Set(rows.map { "\($0[0]) \($0[1])" }) == ["P1 张三", "P2 李四", "P3 王五", "P4 赵六"])
        #expect(rows.allSatisfy { ["M", "E", "OFF", "LEAVE"].contains($0[3]) })
        #expect(cells["P3|2027-03-03"] == "LEAVE")
        #expect(rows.filter { $0[3] == "LEAVE" }.count == 1)

        // coverage.csv: one row per day and hourly slot (demand group "all" only), consistent with the roster.
        let coverage = csvRows(try p.read("out/coverage.csv"))
        try #require(!coverage.isEmpty)
        #expect(coverage[0].joined(separator: ",") == Self.coverageHeader)
        #expect(coverage.count - 1 == 7 * 24)
        for row in coverage.dropFirst() {
            try #require(row.count == 8, "\(row)")
            let hour = try #require(Int(row[1].prefix(2)))
            #expect(row[2] == String(format: "%02d:00", hour + 1))
            #expect(row[3] == "all")
            let onDuty = rows.filter { $0[2] == row[0] && ($0[3] == "M" ? (7..<15).contains(hour) : $0[3] == "E" ? (15..<23).contains(hour) : false) }.count
            let required = try #require(Int(row[4])), assigned = try #require(Int(row[5]))
            #expect(assigned == onDuty, "\(row)")
            #expect(Int(row[6]) == max(0, required - assigned), "\(row)")
            #expect(Int(row[7]) == max(0, assigned - required), "\(row)")
        }
        let dayRequired = coverage.dropFirst().filter { $0[0] == "2027-03-01" }.map { Int($0[4])! }
        #expect(dayRequired == Array(repeating: 0, count: 7) + [1, 1, 2, 2, 2] + Array(repeating: 1, count: 11) + [0])

        // summary.json
        let summary = try jsonObject(try p.read("out/summary.json"))
        #expect(Self.summaryKeys.isSubset(of: Set(summary.keys)), "missing: \(Self.summaryKeys.subtracting(summary.keys))")
        #expect(["optimal", "feasible"].contains(summary["status"] as? String))
        #expect(summary["stopped_by"] is String)
        #expect(summary["objective"] is NSNumber)
        #expect((summary["conflicts"] as? [Any])?.isEmpty == true)
        let findings = try #require(summary["findings"] as? [[String: Any]])
        #expect(!findings.contains { $0["severity"] as? String == "hard" })
        let model = try #require(summary["model"] as? [String: Any])
        for key in ["rows", "columns", "integer_columns", "nonzeros"] {
            #expect(((model[key] as? NSNumber)?.intValue ?? 0) > 0, "model.\(key)")
        }

        // The table on stdout names where the files went; nothing is left half-written.
        #expect(run.stdout.contains("status: "))
        let written = try FileManager.default.contentsOfDirectory(atPath: p.path("out")).sorted()
        #expect(written == ["coverage.csv", "roster.csv", "summary.json"])
    }

    @Test func formatJSONPrintsTheSummary() throws {
        let (p, run) = try solveTiny(["--format", "json"])
        defer { p.cleanUp() }
        #expect(run.exited && run.status == 0, "exit \(run.status)\n\(run.stderr)")
        let printed = try jsonObject(run.stdout)
        #expect(["optimal", "feasible"].contains(printed["status"] as? String))
        #expect(Self.summaryKeys.isSubset(of: Set(printed.keys)))
        #expect(run.stdout == (try p.read("out/summary.json")))
    }

    @Test func formatCSVPrintsTheRoster() throws {
        let (p, run) = try solveTiny(["--format", "csv"])
        defer { p.cleanUp() }
        #expect(run.exited && run.status == 0, "exit \(run.status)\n\(run.stderr)")
        #expect(run.stdout.hasPrefix(Self.rosterHeader + "\n"))
        #expect(csvRows(run.stdout).count == 1 + 4 * 7)
        #expect(run.stdout == (try p.read("out/roster.csv")))
    }

    @Test func badScenarioExits2NamingFileAndLineAndWritesNothing() throws {
        let p = try PaibanProcess()
        defer { p.cleanUp() }
        let text = Self.tiny.replacingOccurrences(of: "leave: [2027-03-03]}", with: "leave: [2027-03-03], history: [M, X]}")
        try #require(text != Self.tiny)
        let scenario = try p.write("bad.yaml", text)
        let line = try #require(text.components(separatedBy: "\n").firstIndex { $0.contains("history: [M, X]") }) + 1
        let run = try p.run(["solve", scenario, "--time-limit", "5", "--out", p.path("out")])
        #expect(run.exited && run.status == 2, "exit \(run.status)\n\(run.stderr)")
        #expect(run.stderr.hasPrefix("error: \(scenario):\(line):"), "\(run.stderr)")
        #expect(run.stderr.contains("unknown shift code 'X'"))
        #expect(!run.stderr.contains("Fatal error"))
        #expect(emptyOrAbsent(p.path("out")))
    }

    @Test func badScenarioLeavesAnExistingOutFolderAlone() throws {
        let p = try PaibanProcess()
        defer { p.cleanUp() }
        try FileManager.default.createDirectory(atPath: p.path("out"), withIntermediateDirectories: true)
        let scenario = try p.write("bad.yaml", Self.tiny.replacingOccurrences(of: "\"07:00\", to: \"23:00\"", with: "\"7:60\", to: \"23:00\""))
        let run = try p.run(["solve", scenario, "--out", p.path("out")])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("\(scenario):"))
        #expect(run.stderr.contains("'7:60' is not a time of day"))
        #expect(emptyOrAbsent(p.path("out")))
    }

    @Test func missingScenarioFileExits2() throws {
        let p = try PaibanProcess()
        defer { p.cleanUp() }
        let run = try p.run(["solve", p.path("nowhere.yaml"), "--out", p.path("out")])
        #expect(run.exited && run.status == 2, "exit \(run.status)\n\(run.stderr)")
        #expect(run.stderr.hasPrefix("error: \(p.path("nowhere.yaml"))"), "\(run.stderr)")
        #expect(emptyOrAbsent(p.path("out")))
    }

    @Test(arguments: [
        ["--time-limit", "-1"], ["--time-limit=-1"], ["--time-limit", "0"], ["--time-limit", "abc"],
        ["--gap", "-0.5"], ["--format", "xml"], ["--seed", "-3"], ["--no-such-option"],
    ])
    func unusableOptionsExit2(options: [String]) throws {
        let p = try PaibanProcess()
        defer { p.cleanUp() }
        let scenario = try p.write("scenario.yaml", Self.tiny)
        let run = try p.run(["solve", scenario, "--out", p.path("out")] + options)
        #expect(run.exited && run.status == 2, "exit \(run.status)\n\(run.stderr)")
        #expect(run.stderr.hasPrefix("error: "), "\(run.stderr)")
        #expect(emptyOrAbsent(p.path("out")))
    }

    @Test func infeasibleScenarioExits1AndExplains() throws {
        try #require(Self.infeasible.contains("事假") && Self.infeasible.contains("leave_credit_hours: 0"))
        let p = try PaibanProcess()
        defer { p.cleanUp() }
        let scenario = try p.write("scenario.yaml", Self.infeasible)
        let run = try p.run(["solve", scenario, "--time-limit", "5", "--out", p.path("out")])
        #expect(run.exited && run.status == 1, "exit \(run.status)\n\(run.stderr)")
        #expect(run.stdout.contains("No roster keeps every hard rule"))

        let summary = try jsonObject(try p.read("out/summary.json"))
        #expect(summary["status"] as? String == "infeasible")
        let conflicts = try #require(summary["conflicts"] as? [[String: Any]])
        #expect(!conflicts.isEmpty)
        let hers = conflicts.filter { $0["employee_id"] as? String == "P4" }
        #expect(!hers.isEmpty, "no conflict names P4: \(conflicts)")
        #expect(hers.contains { ($0["message"] as? String)?.contains("赵六") == true })
        #expect(hers.contains { $0["rule"] as? String == "monthly-hours" })
        #expect(conflicts.allSatisfy { $0["severity"] as? String == "hard" })
        #expect(!p.exists("out/roster.csv"))
        #expect(!p.exists("out/coverage.csv"))
    }

    /// Absurd but well-formed numbers: the reader accepts them and Int(Double) or Int arithmetic traps
    /// later. Each must end in a message and exit 2 (or a result), never a crash.
    @Test(arguments: [
              ("end: \"15:00\"}", "end: \"15:00\", paid_hours: 1e300}"),
              ("  min_rest_hours: 11", "  min_rest_hours: 11\n  leave_credit_hours: 1e300"),
              ("hours_target: 176,", "hours_target: 1e300,"),
              ("hours_tolerance: 8,", "hours_tolerance: 1e300,"),
              ("rest_days_per_month: 7,", "rest_days_per_month: 9223372036854775807,"),
              ("{from: \"07:00\", to: \"23:00\", required: 1}", "{from: \"07:00\", to: \"23:00\", required: 9223372036854775807}"),
          ])
    func hugeNumbersNeverCrash(old: String, new: String) throws {
        let p = try PaibanProcess()
        defer { p.cleanUp() }
        let text = Self.tiny.replacingOccurrences(of: old, with: new)
        try #require(text != Self.tiny)
        let scenario = try p.write("scenario.yaml", text)
        let run = try p.run(["solve", scenario, "--time-limit", "2", "--out", p.path("out")])
        #expect(run.exited, "killed by signal \(run.status)\n\(run.stderr.prefix(400))")
        #expect([0, 1, 2].contains(run.status), "exit \(run.status)")
        #expect(!run.stderr.contains("Fatal error"))
    }

    /// The shipped call-centre example end to end: 24 agents, March 2027.
    @Test(.timeLimit(.minutes(2)))
    func callcenterExample() throws {
        let p = try PaibanProcess()
        defer { p.cleanUp() }
        let scenario = PaibanProcess.packageRoot.appendingPathComponent("Examples/callcenter/scenario.yaml").path
        try #require(FileManager.default.fileExists(atPath: scenario))
        let run = try p.run(["solve", scenario, "--time-limit", "20", "--out", p.path("out")])
        #expect(run.exited && run.status == 0, "exit \(run.status)\n\(run.stderr)")

        let summary = try jsonObject(try p.read("out/summary.json"))
        #expect(["optimal", "feasible"].contains(summary["status"] as? String))
        let findings = try #require(summary["findings"] as? [[String: Any]])
        let hard = findings.filter { $0["severity"] as? String == "hard" }
        #expect(hard.isEmpty, "hard rules broken: \(hard.map { $0["message"] ?? "" })")

        let rows = csvRows(try p.read("out/roster.csv"))
        #expect(rows.first?.joined(separator: ",") == Self.rosterHeader)
        #expect(rows.count - 1 == 24 * 31)
        let codes = Set(rows.dropFirst().map { $0[3] })
        #expect(codes.isSubset(of: ["M", "D", "E", "N", "OFF", "LEAVE"]), "\(codes)")
        // 王芳 (S02) is on annual leave 15-19 March, and only then.
        let leave = rows.filter { $0.first == "S02" && $0[3] == "LEAVE" }.map { $0[2] }
        #expect(leave == (15...19).map { "2027-03-\($0)" })
        // 李娜 (S03) is not night-eligible.
        #expect(!rows.contains { $0.first == "S03" && $0[3] == "N" })

        // HR's check of the solved roster agrees with the solver's own audit: clean, same penalty.
        let check = try p.run(["check", p.path("out/roster.csv"), "--scenario", scenario, "--format", "json"])
        #expect(check.exited && check.status == 0, "exit \(check.status)\n\(check.stderr)")
        let audit = try jsonObject(check.stdout)
        let penalties = try #require(summary["penalties"] as? [String: Any])
        let objective = penalties.values.compactMap { ($0 as? NSNumber)?.doubleValue }.reduce(0, +)
        #expect(abs(((audit["soft_penalty"] as? NSNumber)?.doubleValue ?? -1) - objective) < 1e-6)
    }

    /// The short-staffed hotline: solved briefly, its roster checks clean (no hard finding) with `check`.
    @Test func hotlineRosterChecksClean() throws {
        let p = try PaibanProcess()
        defer { p.cleanUp() }
        let scenario = PaibanProcess.packageRoot.appendingPathComponent("Examples/hotline-12h/scenario.yaml").path
        let run = try p.run(["solve", scenario, "--time-limit", "8", "--out", p.path("out")])
        #expect(run.exited && run.status == 0, "exit \(run.status)\n\(run.stderr)")
        let check = try p.run(["check", p.path("out/roster.csv"), "--scenario", scenario])
        #expect(check.exited && check.status == 0, "exit \(check.status)\n\(check.stdout)")
        #expect(!check.stdout.contains("HARD"))
    }
}

/// True if the folder does not exist or holds nothing (hidden files included).
func emptyOrAbsent(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return true }
    return isDirectory.boolValue && ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? ["?"]).isEmpty
}
