import CurtoisReference
import Foundation
import Testing

// `paiban import curtois`, `paiban solve InstanceN.txt` and `paiban check … --scenario InstanceN.txt`, run
// as the built executable, and judged by the checker of the benchmark in CurtoisReference, written from its
// README (/work/shared/benchmarks/curtois/README.md) alone: it reads the instance and the solution files itself.

/// The solution layouts, read here rather than in CurtoisReference because they check the file as they go (#require, #expect).
private extension ReferenceInstance {
    /// The benchmark's tab-separated solution: one line per employee, one field per day, empty for off.
    func grid(solutionText text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [[String?]] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        try #require(lines.count == staff.count, "\(lines.count) lines for \(staff.count) employees", sourceLocation: sourceLocation)
        return try lines.map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            try #require(fields.count == horizon, "\(fields.count) fields for \(horizon) days: \(line)", sourceLocation: sourceLocation)
            for f in fields where !f.isEmpty { try #require(shift(f) != nil, "unknown shift \(f)", sourceLocation: sourceLocation) }
            return fields.map { $0.isEmpty ? nil : $0 }
        }
    }

    /// The XML layout: `<Employee ID="A">` then `<Assign><Day>n</Day><Shift>X</Shift></Assign>` lines.
    func grid(solutionXML text: String) throws -> (grid: [[String?]], penalty: Int?) {
        var grid = Array(repeating: Array(repeating: String?.none, count: horizon), count: staff.count)
        var employee: Int?
        var penalty: Int?
        func between(_ line: Substring, _ open: String, _ close: String) -> String? {
            guard let a = line.range(of: open), let b = line.range(of: close, range: a.upperBound ..< line.endIndex) else { return nil }
            return String(line[a.upperBound ..< b.lowerBound])
        }
        for line in text.split(separator: "\n") {
            if let p = between(line, "<Penalty>", "</Penalty>") { penalty = Int(p) }
            if let id = between(line, "<Employee ID=\"", "\"") {
                let row: Int = try #require(staff.firstIndex { $0.id == id }, "unknown employee \(id)")
                employee = row
            }
            if let day = between(line, "<Day>", "</Day>"), let shift = between(line, "<Shift>", "</Shift>") {
                let e = try #require(employee), d = try #require(Int(day))
                #expect(grid[e][d] == nil, "two shifts for \(staff[e].id) on day \(d)")
                grid[e][d] = shift
            }
        }
        return (grid, penalty)
    }
}

/// `roster.csv` (employee_id, employee_name, date, shift, …) as a grid; dates are the period's, in order.
private func grid(rosterCSV text: String, benchmark: ReferenceInstance) throws -> [[String?]] {
    let rows = csvRows(text).dropFirst()
    let dates = Set(rows.map { $0[2] }).sorted()
    try #require(dates.count == benchmark.horizon)
    #expect(dates.first == "2014-01-06")
    var grid = Array(repeating: Array(repeating: String?.none, count: benchmark.horizon), count: benchmark.staff.count)
    for row in rows {
        let e = try #require(benchmark.staff.firstIndex { $0.id == row[0] }, "unknown employee \(row[0])")
        let d = dates.firstIndex(of: row[2])!
        grid[e][d] = row[3] == "OFF" ? nil : row[3]
    }
    return grid
}

private func number(_ value: Any?) -> Double? { (value as? NSNumber)?.doubleValue }

@Suite(.serialized, .enabled(if: InstanceFiles.available, "Curtois-Qu instance files not found"), .timeLimit(.minutes(3)))
struct CurtoisCommandTests {
    /// `solve INSTANCE --time-limit 20 --out out`: exit 0 and the summary's objective.
    func solve(_ p: PaibanProcess, _ scenario: String, timeLimit: Int = 20, out: String = "out") throws -> Double {
        let run = try p.run(["solve", scenario, "--time-limit", String(timeLimit), "--out", out])
        try #require(run.exited && run.status == 0, "exit \(run.status)\n\(run.stdout)\n\(run.stderr)")
        let summary = try jsonObject(try p.read("\(out)/summary.json"))
        return try #require(number(summary["objective"]), "no objective in \(summary.keys.sorted())")
    }

    @Test func importPrintsYAMLThatSolveReads() throws {
        let p = try PaibanProcess()
        defer { p.cleanUp() }
        let benchmark = try ReferenceInstance(path: InstanceFiles.path(1))
        let printed = try p.run(["import", "curtois", InstanceFiles.path(1)])
        #expect(printed.exited && printed.status == 0, "exit \(printed.status)\n\(printed.stderr)")
        #expect(printed.stdout.hasPrefix("# Instance1: Curtois & Qu"), "\(printed.stdout.prefix(200))")
        #expect(printed.stdout.contains("name: \"Instance1\"\n"))
        #expect(printed.stdout.contains("period: {start: 2014-01-06, end: 2014-01-19}\n"))
        // -o writes the same text to a file and prints nothing.
        let written = try p.run(["import", "curtois", InstanceFiles.path(1), "-o", "instance1.yaml"])
        #expect(written.exited && written.status == 0 && written.stdout.isEmpty, "exit \(written.status)\n\(written.stderr)")
        #expect(try p.read("instance1.yaml") == printed.stdout)

        try p.write("printed.yaml", printed.stdout)
        let objective = try solve(p, "printed.yaml", timeLimit: 20, out: "outy")
        #expect(!p.exists("outy/solution.txt"), "a YAML scenario has no benchmark instance to write a solution for")
        // The roster solved from the YAML, judged against the original instance file.
        let solved = try grid(rosterCSV: try p.read("outy/roster.csv"), benchmark: benchmark)
        let verdict = benchmark.judge(solved)
        #expect(verdict.feasible, "\(verdict.breaches.map(\.description).sorted())")
        #expect(Double(verdict.objective) == objective)
        #expect(objective >= 607, "below the proved lower bound of Instance1")
        // And paiban check agrees, reading the roster against the instance itself.
        let check = try p.run(["check", "outy/roster.csv", "--scenario", InstanceFiles.path(1), "--format", "json"])
        #expect(check.exited && check.status == 0, "exit \(check.status)\n\(check.stderr)")
        let json = try jsonObject(check.stdout)
        #expect(number(json["hard_violations"]) == 0)
        #expect(number(json["soft_penalty"]) == Double(verdict.objective))
    }

    @Test func solveInstance1WritesASolutionTheReferenceAndCheckAgreeOn() throws {
        let p = try PaibanProcess()
        defer { p.cleanUp() }
        let benchmark = try ReferenceInstance(path: InstanceFiles.path(1))
        let objective = try solve(p, InstanceFiles.path(1))
        let text = try p.read("out/solution.txt")
        let solution = try benchmark.grid(solutionText: text)
        let verdict = benchmark.judge(solution)
        #expect(verdict.feasible, "hard constraints broken: \(verdict.breaches.map(\.description).sorted())\n\(text)")
        #expect(Double(verdict.objective) == objective, "reference objective \(verdict.objective), summary \(objective)")
        #expect(objective >= 607, "below the proved lower bound of Instance1")

        // solution.xml: the same roster, its <Penalty> the objective.
        let xml = try benchmark.grid(solutionXML: try p.read("out/solution.xml"))
        #expect(xml.grid == solution)
        #expect(xml.penalty.map(Double.init) == objective)

        // paiban check on either file: no hard violation, the objective as its penalty.
        for file in ["out/solution.txt", "out/solution.xml"] {
            let check = try p.run(["check", file, "--scenario", InstanceFiles.path(1), "--format", "json"])
            #expect(check.exited && check.status == 0, "\(file): exit \(check.status)\n\(check.stdout)\n\(check.stderr)")
            let json = try jsonObject(check.stdout)
            #expect(number(json["hard_violations"]) == 0, "\(file)")
            #expect(number(json["soft_penalty"]) == objective, "\(file)")
            #expect(json["layout"] as? String == "benchmark", "\(file)")
        }
    }

    @Test(arguments: [2, 3])
    func solveInstanceWritesAFeasibleSolution(number: Int) throws {
        let p = try PaibanProcess()
        defer { p.cleanUp() }
        let benchmark = try ReferenceInstance(path: InstanceFiles.path(number))
        let objective = try solve(p, InstanceFiles.path(number))
        let text = try p.read("out/solution.txt")
        let verdict = benchmark.judge(try benchmark.grid(solutionText: text))
        #expect(verdict.feasible, "Instance\(number): hard constraints broken: \(verdict.breaches.map(\.description).sorted())\n\(text)")
        #expect(Double(verdict.objective) == objective, "Instance\(number): reference objective \(verdict.objective), summary \(objective)")
    }

    /// A hand-made infeasible solution for Instance1: everyone works days 0-5 (Monday to Saturday).
    /// Six days in a row > 5 for all; 6 * 480 = 2880 < 3360 minutes for all; A (day 0), B (5), D (2), F (5)
    /// and G (1) work on their days off; C (8), E (9) and H (7) do not. Weekend 1 only: within the cap.
    @Test func checkOfABrokenSolutionNamesTheReferenceBreaches() throws {
        let p = try PaibanProcess()
        defer { p.cleanUp() }
        let benchmark = try ReferenceInstance(path: InstanceFiles.path(1))
        let row = (0 ..< 14).map { $0 < 6 ? "D" : "" }.joined(separator: "\t")
        let file = try p.write("broken.txt", Array(repeating: row, count: 8).joined(separator: "\n") + "\n")
        let grid = try benchmark.grid(solutionText: try p.read("broken.txt"))
        let expected = Set(benchmark.judge(grid).breaches.map(\.description))
        let everyone = ["A", "B", "C", "D", "E", "F", "G", "H"]
        #expect(expected == Set(everyone.flatMap { ["consecutive-days:\($0)", "period-minutes:\($0)"] }
            + ["A", "B", "D", "F", "G"].map { "availability:\($0)" }))

        let check = try p.run(["check", file, "--scenario", InstanceFiles.path(1), "--format", "json"])
        #expect(check.exited && check.status == 1, "exit \(check.status)\n\(check.stderr)")
        let json = try jsonObject(check.stdout)
        let findings = try #require(json["findings"] as? [[String: Any]])
        let hard = findings.filter { $0["severity"] as? String == "hard" }
        #expect(Set(hard.map { "\($0["rule"] as? String ?? "?"):\($0["employee_id"] as? String ?? "?")" }) == expected)
        #expect(number(json["hard_violations"]) == Double(hard.count))

        // The penalty is the README objective: the runs over the hard limit are hard findings, priced nowhere.
        let objective = benchmark.judge(grid).objective
        #expect(!findings.contains { $0["severity"] as? String == "soft" && $0["rule"] as? String == "consecutive-days" })
        #expect(number(json["soft_penalty"]) == Double(objective))
    }

    // MARK: - Bad input: exit 2, the file and line named

    /// Line 6 is the staff row; its fourth field (MinTotalMinutes, column 12) reads "96O" with a letter O.
    static let badNumber = """
        SECTION_HORIZON
        7
        SECTION_SHIFTS
        D,480,
        SECTION_STAFF
        A,D=7,2400,96O,3,2,2,1
        SECTION_COVER
        0,D,1,100,1

        """

    @Test func malformedInstanceExits2WithFileLineAndColumn() throws {
        let p = try PaibanProcess()
        defer { p.cleanUp() }
        try p.write("bad.txt", Self.badNumber)
        try p.write("solution.txt", "D\t\t\t\t\t\t\n")
        for arguments in [["import", "curtois", "bad.txt"], ["solve", "bad.txt", "--time-limit", "5", "--out", "out"],
                          ["check", "solution.txt", "--scenario", "bad.txt"]] {
            let run = try p.run(arguments)
            #expect(run.exited && run.status == 2, "\(arguments): exit \(run.status)")
            #expect(run.stderr.hasPrefix("error: bad.txt:6:12: "), "\(arguments): \(run.stderr)")
            #expect(run.stderr.contains("MinTotalMinutes '96O'"), "\(arguments): \(run.stderr)")
            #expect(run.stdout.isEmpty, "\(arguments): \(run.stdout)")
        }
        #expect(!p.exists("out"), "solve wrote output for a bad instance")

        // A short row (7 fields of 8) on line 6, and a cover row naming an undeclared shift on line 8.
        try p.write("short.txt", Self.badNumber.replacingOccurrences(of: "A,D=7,2400,96O,3,2,2,1", with: "A,D=7,2400,960,3,2,2"))
        let short = try p.run(["import", "curtois", "short.txt"])
        #expect(short.exited && short.status == 2)
        #expect(short.stderr.hasPrefix("error: short.txt:6: expected 8 fields"), "\(short.stderr)")
        try p.write("unknown.txt", Self.badNumber.replacingOccurrences(of: "96O", with: "960").replacingOccurrences(of: "0,D,1,100,1", with: "0,N,1,100,1"))
        let unknown = try p.run(["solve", "unknown.txt", "--out", "out2"])
        #expect(unknown.exited && unknown.status == 2)
        #expect(unknown.stderr.hasPrefix("error: unknown.txt:8:3: "), "\(unknown.stderr)")
        #expect(unknown.stderr.contains("'N'"), "\(unknown.stderr)")
    }

    @Test func solutionWithAWrongLineCountExits2NamingTheLine() throws {
        let p = try PaibanProcess()
        defer { p.cleanUp() }
        let instance = InstanceFiles.path(1)   // 8 employees A-H, 14 days
        let row = Array(repeating: "", count: 14).joined(separator: "\t")
        try p.write("seven.txt", Array(repeating: row, count: 7).joined(separator: "\n") + "\n")
        try p.write("nine.txt", Array(repeating: row, count: 8).joined(separator: "\n") + "\nD\n")
        try p.write("narrow.txt", Array(repeating: row, count: 2).joined(separator: "\n") + "\nD\tD\n"
                    + Array(repeating: row, count: 5).joined(separator: "\n") + "\n")
        let cases = [
            ("seven.txt", "error: seven.txt:8: expected 8 lines, one per employee of the instance, found 7: no line for employee 'H'"),
            ("nine.txt", "error: nine.txt:9: expected 8 lines, one per employee of the instance, found 9: this line has no employee"),
            ("narrow.txt", "error: narrow.txt:3: expected 14 fields (one per day, separated by tabs) for employee 'C', found 2"),
        ]
        for (file, message) in cases {
            let run = try p.run(["check", file, "--scenario", instance])
            #expect(run.exited && run.status == 2, "\(file): exit \(run.status)\n\(run.stdout)")
            #expect(run.stderr == message + "\n", "\(file): \(run.stderr)")
        }
    }
}
