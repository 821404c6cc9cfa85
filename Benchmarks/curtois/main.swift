// Solves the Curtois & Qu employee shift scheduling instances and compares each objective with the
// best-known value. One row per instance, printed as soon as it is solved; totals at the end. With several
// seeds (--seeds 1-16) each instance is solved once per seed, one row per run, and a summary line per
// instance gives how often it reached the best known value and the objectives' spread; --jobs runs several
// work-limited solves at once. Seed lists and summaries are in Seeds.swift, the jobs in InOrderPool.swift.
// Run it in release mode (see Benchmarks/curtois/README.md):
//   swift run -c release curtois-bench [--time-limit 60] [--work-limit 60] [--threads 2] [--seed 1 | --seeds 1-16]
//       [--jobs 1] [--gap 0] [--dir /work/shared/benchmarks/curtois] [--markdown] [1 2 7 | 1-7 ...]
import Foundation
import Paiban
import PaibanIO
import PaibanSolver

/// Best-known values of Instances 1-24: days, staff, shift types, best known solution value (UB) and best
/// known lower bound (LB). Source: the "Best known values" table of the benchmark folder's README
/// (/work/shared/benchmarks/curtois/README.md), which transcribes them from a secondary source
/// (seyon1988/IT5082_Optimization_Methods_Programming__Assignment, data/best_known.csv) and cross-checks
/// 1-19 against ORProjects/NRP; not confirmed against the benchmark page itself.
struct BestKnown { let days, staff, shiftTypes, ub, lb: Int }
let bestKnown: [Int: BestKnown] = [
    1: BestKnown(days: 14, staff: 8, shiftTypes: 1, ub: 607, lb: 607),
    2: BestKnown(days: 14, staff: 14, shiftTypes: 2, ub: 828, lb: 828),
    3: BestKnown(days: 14, staff: 20, shiftTypes: 3, ub: 1001, lb: 1001),
    4: BestKnown(days: 28, staff: 10, shiftTypes: 2, ub: 1716, lb: 1716),
    5: BestKnown(days: 28, staff: 16, shiftTypes: 2, ub: 1143, lb: 1143),
    6: BestKnown(days: 28, staff: 18, shiftTypes: 3, ub: 1950, lb: 1950),
    7: BestKnown(days: 28, staff: 20, shiftTypes: 3, ub: 1056, lb: 1056),
    8: BestKnown(days: 28, staff: 30, shiftTypes: 4, ub: 1300, lb: 1300),
    9: BestKnown(days: 28, staff: 36, shiftTypes: 4, ub: 439, lb: 439),
    10: BestKnown(days: 28, staff: 40, shiftTypes: 5, ub: 4631, lb: 4631),
    11: BestKnown(days: 28, staff: 50, shiftTypes: 6, ub: 3443, lb: 3443),
    12: BestKnown(days: 28, staff: 60, shiftTypes: 10, ub: 4040, lb: 4040),
    13: BestKnown(days: 28, staff: 120, shiftTypes: 18, ub: 1348, lb: 1348),
    14: BestKnown(days: 42, staff: 32, shiftTypes: 4, ub: 1278, lb: 1278),
    15: BestKnown(days: 42, staff: 45, shiftTypes: 6, ub: 3828, lb: 3828),
    16: BestKnown(days: 56, staff: 20, shiftTypes: 3, ub: 3225, lb: 3225),
    17: BestKnown(days: 56, staff: 32, shiftTypes: 4, ub: 5746, lb: 5746),
    18: BestKnown(days: 84, staff: 22, shiftTypes: 3, ub: 4459, lb: 4459),
    19: BestKnown(days: 84, staff: 40, shiftTypes: 5, ub: 3149, lb: 3149),
    20: BestKnown(days: 182, staff: 50, shiftTypes: 6, ub: 4769, lb: 4769),
    21: BestKnown(days: 182, staff: 100, shiftTypes: 8, ub: 21133, lb: 21133),
    22: BestKnown(days: 364, staff: 50, shiftTypes: 10, ub: 30241, lb: 30241),
    23: BestKnown(days: 364, staff: 100, shiftTypes: 16, ub: 17285, lb: 17285),
    24: BestKnown(days: 364, staff: 150, shiftTypes: 32, ub: 40439, lb: 40438),
]

// MARK: - Command line

let usage = """
    usage: curtois-bench [--time-limit SECONDS] [--work-limit SECONDS] [--threads N] [--seed N | --seeds LIST]
                         [--jobs N] [--gap FRACTION] [--dir FOLDER] [--markdown] [INSTANCE ...]
      INSTANCE   a number (7) or a range (1-7); default 1-24
      --time-limit  seconds per instance for the solver (default 60; the import counts)
      --work-limit  seconds of work per instance instead (reproducible for a seed and thread count; the
                    wall-clock limit is then 4 times it plus 30 unless --time-limit is given)
      --threads     search threads (default 2; branch-and-cut runs only with 2 or more)
      --seed        search seed (default 1)
      --seeds       solve each instance once per seed: 1-16, 1,3,5 or 1-4,9; one row per run, then a
                    summary per instance, and totals over the medians
      --jobs        solves at once, each on its own thread (default 1; more only with --work-limit)
      --gap         stop at this relative gap to Paiban's own bound (default 0: prove the optimum)
      --dir         folder holding InstanceN.txt (default /work/shared/benchmarks/curtois)
      --markdown    print the table as Markdown
    """

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("curtois-bench: \(message)\n".utf8))
    exit(2)
}

var timeLimit: Double?
var workLimit: Double?
var threads = 2
var seeds: [UInt64] = [1]
var seedOption: String?
var jobs = 1
var gap = 0.0
var directory = "/work/shared/benchmarks/curtois"
var markdown = false
var instances: [Int] = []

func value<T>(_ option: String, _ raw: String?, _ parse: (String) -> T?, valid: (T) -> Bool = { _ in true }) -> T {
    guard let raw else { fail("\(option) needs a value\n\(usage)") }
    guard let parsed = parse(raw), valid(parsed) else { fail("\(option): '\(raw)' is not a valid value\n\(usage)") }
    return parsed
}

var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--time-limit": timeLimit = value(argument, arguments.popFirst(), Double.init, valid: { $0 > 0 && $0.isFinite })
    case "--work-limit": workLimit = value(argument, arguments.popFirst(), Double.init, valid: { $0 > 0 && $0.isFinite })
    case "--threads": threads = value(argument, arguments.popFirst(), Int.init, valid: { $0 >= 1 })
    case "--seed", "--seeds":
        // --seed N is --seeds N; both at once would leave it unclear which seeds were meant.
        if let given = seedOption, given != argument { fail("give either --seed or --seeds, not both\n\(usage)") }
        seedOption = argument
        let raw = value(argument, arguments.popFirst(), { $0 })
        if argument == "--seed" {
            seeds = [value(argument, raw, UInt64.init)]
        } else {
            do throws(BadSeedList) { seeds = try parseSeedList(raw) } catch { fail("--seeds: '\(raw)' \(error.reason)\n\(usage)") }
        }
    case "--jobs": jobs = value(argument, arguments.popFirst(), Int.init, valid: { $0 >= 1 })
    case "--gap": gap = value(argument, arguments.popFirst(), Double.init, valid: { $0 >= 0 })
    case "--dir": directory = value(argument, arguments.popFirst(), { $0 })
    case "--markdown": markdown = true
    case "-h", "--help":
        print(usage)
        exit(0)
    default:
        if argument.hasPrefix("-") { fail("unknown option \(argument)\n\(usage)") }
        let bounds = argument.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        if bounds.count == 1, let n = bounds[0], n >= 1 {
            instances.append(n)
        } else if bounds.count == 2, let low = bounds[0], let high = bounds[1], low >= 1, low <= high {
            instances.append(contentsOf: low...high)
        } else {
            fail("'\(argument)' is neither an instance number nor a range like 1-7\n\(usage)")
        }
    }
}
if instances.isEmpty { instances = Array(1...24) }
// A work-limited run gives the same roster however busy the machine is; wall-clock runs side by side would
// compete for the cores, and their results would measure the machine.
if jobs > 1 && workLimit == nil { fail("--jobs above 1 needs --work-limit (wall-clock runs side by side compete for the cores)\n\(usage)") }

@MainActor func path(of instance: Int) -> String { (directory as NSString).appendingPathComponent("Instance\(instance).txt") }

// Every file is checked before the first solve, so a typo does not surface after an hour of solving.
let missing = instances.map(path).filter { !FileManager.default.isReadableFile(atPath: $0) }
if !missing.isEmpty {
    fail("no such instance file: \(missing.joined(separator: ", ")) (use --dir to name the folder holding InstanceN.txt)")
}

// Each instance once per seed, in the order of the instances, then of the seeds.
let runs = instances.flatMap { instance in
    seeds.map { seed in
        Run(instance: instance, seed: seed, label: seeds.count == 1 ? "Instance\(instance)" : "Instance\(instance) #\(seed)",
            path: path(of: instance), known: bestKnown[instance])
    }
}

// MARK: - Table

/// Unbuffered, so each row shows up as soon as its instance is solved, also through a pipe.
func emit(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

func number(_ value: Double?, _ digits: Int = 0) -> String {
    guard let value else { return "-" }
    if digits == 0 || value == value.rounded() { return String(format: "%.0f", value) }
    return String(format: "%.\(digits)f", value)
}

func percent(_ value: Double?) -> String { value.map { String(format: "%+.2f%%", $0) } ?? "-" }

let columns = ["instance", "days x staff x types", "rows x cols", "best UB", "objective", "bound", "feasible",
               "gap to UB", "seconds", "stopped by"]
// The instance column widens for the seeds' `#N`.
let widths = [max(10, runs.map(\.label.count).max() ?? 0), 20, 15, 7, 9, 9, 8, 9, 8, 0]
let rightAligned: Set<Int> = [3, 4, 5, 7, 8]

@MainActor func row(_ cells: [String]) -> String {
    if markdown { return "| " + cells.joined(separator: " | ") + " |" }
    return cells.enumerated().map { i, cell in
        let padding = String(repeating: " ", count: max(0, widths[i] - cell.count))
        return rightAligned.contains(i) ? padding + cell : cell + padding
    }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
}

let wallLimit = workLimit == nil ? timeLimit ?? 60 : SolveOptions.wallLimit(timeLimit, work: workLimit)
let seedsText = seeds.count == 1 ? "seed \(seeds[0])" : "seeds \(describeSeeds(seeds))"
emit("Curtois & Qu benchmark: time limit \(number(wallLimit, 1)) s\(workLimit.map { ", work limit \(number($0, 1)) s" } ?? ""), \(threads) threads, \(seedsText)\(jobs > 1 ? ", \(jobs) jobs" : ""), gap \(number(gap, 4)), \(directory)")
if markdown { emit("") }
emit(row(columns))
emit(markdown ? "|" + columns.indices.map { rightAligned.contains($0) ? "---:|" : "---|" }.joined() : String(repeating: "-", count: 130))

// MARK: - Runs

/// One solve: an instance with one seed. Everything a worker thread needs is in it, since main.swift's
/// variables belong to the main thread.
struct Run: Sendable {
    let instance: Int
    let seed: UInt64
    /// `Instance7`, or `Instance7 #3` when there are several seeds.
    let label: String
    let path: String
    let known: BestKnown?
}

/// What every run is given, the same for all.
struct Settings: Sendable { let wallLimit: Double; let workLimit: Double?; let threads: Int; let gap: Double }

struct Outcome: Sendable {
    let objective: Double?
    let bound: Double?
    let gapToBest: Double?
    let atBest: Bool
    let feasible: Bool
    let seconds: Double
    /// The import or the solve threw: the row says `error`.
    let failed: Bool
}

/// A finished run: its outcome, its row's cells and its lines for stderr (the warnings, or the error), which
/// are printed with the row so that they follow it also when runs finish out of order.
struct Report: Sendable { let outcome: Outcome; let cells: [String]; let messages: [String] }

func solve(_ run: Run, _ settings: Settings) -> Report {
    let known = run.known
    let started = ContinuousClock.now, startedAt = Date()
    do {
        let (parsed, scenario) = try CurtoisImport.scenario(path: run.path)
        let result = try Solver.solve(scenario, options: SolveOptions(timeLimit: settings.wallLimit, gap: settings.gap, seed: run.seed,
                                                                       threads: settings.threads, clockStart: startedAt,
                                                                       workLimit: settings.workLimit))
        let elapsed = started.duration(to: .now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        let feasible = result.objective != nil && result.status != .infeasible && (result.audit.map { $0.hardFindings.isEmpty } ?? false)
        let gapToBest = result.objective.flatMap { objective in known.map { (objective - Double($0.ub)) / Double($0.ub) * 100 } }
        let atBest = feasible && result.objective.flatMap { objective in known.map { objective <= Double($0.ub) + 1e-6 } } == true
        let size = result.modelSize
        let cells = [
            run.label,
            "\(parsed.horizonDays) x \(parsed.staff.count) x \(parsed.shiftTypes.count)",
            "\(size.rows) x \(size.columns)",
            known.map { "\($0.ub)" } ?? "-",
            result.objective.map { number($0, 2) } ?? "none",
            number(result.bound, 1),
            feasible ? "yes" : "no",
            percent(gapToBest),
            String(format: "%.1f", seconds),
            result.stoppedBy,
        ]
        // Signs that Paiban's model and the benchmark's differ (or that the table is wrong): a proven bound
        // above the best-known solution, or a feasible roster cheaper than the best-known lower bound.
        var messages: [String] = []
        if let known, let bound = result.bound, bound > Double(known.ub) + 1e-6 {
            messages.append("\(run.label): Paiban's bound \(number(bound, 2)) is above the best known UB \(known.ub)")
        }
        if let known, feasible, let objective = result.objective, objective < Double(known.lb) - 1e-6 {
            messages.append("\(run.label): objective \(number(objective, 2)) is below the best known LB \(known.lb)")
        }
        if let known, known.days != parsed.horizonDays || known.staff != parsed.staff.count || known.shiftTypes != parsed.shiftTypes.count {
            messages.append("\(run.label): size differs from the best-known table (\(known.days) x \(known.staff) x \(known.shiftTypes))")
        }
        let outcome = Outcome(objective: result.objective, bound: result.bound, gapToBest: gapToBest,
                              atBest: atBest, feasible: feasible, seconds: seconds, failed: false)
        return Report(outcome: outcome, cells: cells, messages: messages)
    } catch {
        let outcome = Outcome(objective: nil, bound: nil, gapToBest: nil, atBest: false, feasible: false,
                              seconds: 0, failed: true)
        return Report(outcome: outcome, cells: [run.label, "-", "-", known.map { "\($0.ub)" } ?? "-", "error", "-", "no", "-", "-", "error"],
                      messages: ["\(run.label): \(error)"])
    }
}

var outcomes: [Outcome] = []
inOrder(runs.count, jobs: jobs, work: { [runs, settings = Settings(wallLimit: wallLimit, workLimit: workLimit, threads: threads, gap: gap)] in
    solve(runs[$0], settings)
}, deliver: { report in
    outcomes.append(report.outcome)
    emit(row(report.cells))
    for message in report.messages { FileHandle.standardError.write(Data("curtois-bench: \(message)\n".utf8)) }
})

// MARK: - Totals

// The runs of each requested instance are consecutive, in the order of the seeds.
let perInstance = instances.indices.map { i in
    InstanceRuns(instance: instances[i], bestKnownUB: bestKnown[instances[i]]?.ub,
                 runs: Array(outcomes[i * seeds.count ..< (i + 1) * seeds.count]))
}
let solved = perInstance.filter { $0.medianObjective != nil }
let compared = solved.filter { $0.medianGapToBest != nil }
let objectiveSum = solved.compactMap(\.medianObjective).reduce(0, +)
let bestSum = compared.compactMap(\.bestKnownUB).reduce(0, +)
let gapSum = compared.compactMap(\.medianGapToBest).reduce(0, +)
let atBest = perInstance.filter(\.atBestEveryRun).count
let feasibleCount = perInstance.filter(\.feasibleEveryRun).count
// A failed run has no time of its own (its row says `-`).
let timed = outcomes.filter { !$0.failed }
let secondsSum = timed.map(\.seconds).reduce(0, +)
let failures = outcomes.filter(\.failed).count

emit(markdown ? "" : String(repeating: "-", count: 130))
if seeds.count > 1 {
    for instance in perInstance { emit((markdown ? "- " : "") + instance.summary(seeds: seeds)) }
    if markdown { emit("") }
}
// With several seeds each instance counts with its median objective and median gap, and as at best known
// (or feasible) only when every run was.
let (overMedians, everyRun, runCount) = seeds.count == 1 ? ("", "", "") : (", over medians of \(seeds.count) seeds", " in every run", " in \(timed.count) runs")
emit("""
    Totals over \(instances.count) instances\(overMedians): objectives \(number(objectiveSum, 2)) (\(solved.count) with a roster; \
    best known \(bestSum) over the \(compared.count) compared), gaps to best known \(String(format: "%+.2f", gapSum))% summed, \
    at best known\(everyRun) \(atBest)/\(instances.count), feasible\(everyRun) \(feasibleCount)/\(instances.count), \
    \(String(format: "%.1f", secondsSum)) s\(runCount)\(failures > 0 ? ", \(failures) failed" : "")
    """)
if failures > 0 { exit(2) }
