import ArgumentParser
import Foundation
import Paiban
import PaibanIO
import PaibanReport
import PaibanSolver

/// `paiban solve`: scenario in; roster, coverage and summary out.
struct Solve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the best roster for a scenario and write roster.csv, coverage.csv and summary.json.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

    @Argument(help: "The scenario file (YAML), or a Curtois & Qu benchmark instance (InstanceN.txt).")
    var scenario: String

    @Option(name: .customLong("time-limit"), help: "Seconds for the whole command (reading, search, writing); the best roster found by then is written. Default 30, or with --work-limit 4 times it plus 30 (a safety).")
    var timeLimit: Double?

    @Option(name: .customLong("work-limit"), help: "Search for this many seconds of work rather than wall-clock seconds (a work second is about a second on the machine the rates were measured on): the same scenario, --seed, --threads and --work-limit give the same roster on every run, unless --time-limit stops it first.")
    var workLimit: Double?

    @Option(help: "Stop once the objective is within this fraction of the LP bound (0.01 = 1%).")
    var gap: Double = 0.01

    @Option(help: "Seed of the neighbourhood search.")
    var seed: UInt64 = 1

    @Option(help: "Search threads (each with its own seed). Default 2, or 1 on a one-core machine; with --work-limit always 2, so that the same command gives the same roster on any machine.")
    var threads: Int?

    @Option(help: "Folder for roster.csv, coverage.csv and summary.json.")
    var out: String = "out"

    @Option(help: "What to print on stdout: table, csv (the roster) or json (the summary).")
    var format: Format = .table

    func validate() throws {
        guard timeLimit.map({ $0 > 0 && $0.isFinite }) ?? true else { throw ValidationError("--time-limit must be a positive number of seconds") }
        guard workLimit.map({ $0 > 0 && $0.isFinite }) ?? true else { throw ValidationError("--work-limit must be a positive number of seconds") }
        guard gap >= 0, gap.isFinite else { throw ValidationError("--gap must be zero or positive") }
        guard threads.map({ (1...64).contains($0) }) ?? true else { throw ValidationError("--threads must be between 1 and 64") }
    }

    func run() throws {
        let began = Date()   // the time limit counts reading the scenario (a year-long instance: 2-3 s)
        let (scenario, instance) = try ScenarioSource.read(path: self.scenario)
        let progress = ProgressLine()
        let result = try Solver.solve(scenario, options: SolveOptions(timeLimit: SolveOptions.wallLimit(timeLimit, work: workLimit), gap: gap, seed: seed,
                                                                       threads: threads ?? (workLimit == nil ? min(2, ProcessInfo.processInfo.activeProcessorCount) : 2),
                                                                       progress: { progress.update($0) }, clockStart: began, workLimit: workLimit))
        progress.finish()

        let summary = Summary(result, scenario: scenario)
        var files = [(name: "summary.json", contents: summary.renderJSON())]
        if let roster = result.roster {
            files.append((name: "roster.csv", contents: RosterCSV.render(roster, scenario: scenario)))
            files.append((name: "coverage.csv", contents: CoverageReport(roster, scenario: scenario).renderCSV()))
            if let instance {
                // The benchmark's own layouts, for its validator and for other researchers.
                let solution = CurtoisSolution(roster, scenario: scenario, instance: instance)
                let name = CurtoisImport.instanceName(path: self.scenario)
                files.append((name: "solution.txt", contents: solution.text()))
                files.append((name: "solution.xml", contents: solution.xml(periodFile: name + ".ros", penalty: result.objective.map { Int($0.rounded()) })))
            }
        }
        try OutputFolder.write(files, to: out)

        switch format {
        case .json: print(summary.renderJSON(), terminator: "")
        case .csv: if let roster = result.roster { print(RosterCSV.render(roster, scenario: scenario), terminator: "") }
        case .table: print(SolveReport.render(result, summary: summary, scenario: scenario, folder: out, files: files.dropFirst().map(\.name) + ["summary.json"]), terminator: "")
        }
        if result.status == .infeasible { throw ExitCode(ExitStatus.infeasible) }
    }
}

extension Summary {
    init(_ result: SolveResult, scenario: Scenario) {
        let coverage = result.roster.map { CoverageReport($0, scenario: scenario) }
        self.init(scenario: scenario.name, periodStart: scenario.period.start.iso, periodEnd: scenario.period.end.iso,
                  status: result.status.rawValue, stoppedBy: result.stoppedBy, objective: result.objective,
                  bestBound: result.bound, gap: result.gap, penalties: result.terms,
                  underCoverPersonHours: coverage?.shortHours, underCoverByGroup: coverage?.shortHoursByGroup,
                  findings: (result.audit?.findings ?? []).map { Item($0, in: scenario) },
                  conflicts: result.explanation.map { Item($0, in: scenario) },
                  buildSeconds: result.buildSeconds, solveSeconds: result.solveSeconds,
                  model: Model(rows: result.modelSize.rows, columns: result.modelSize.columns,
                               integerColumns: result.modelSize.integerColumns, nonzeros: result.modelSize.nonzeros))
    }
}
