// Builds and solves each example scenario a few times and prints model size, build time, solve time,
// objective, bound and gap as medians. Run it in release mode (see Benchmarks/README.md):
//   swift run -c release paiban-bench [--runs 3] [--time-limit 30] [--threads 2] [Examples/callcenter ...]
import Foundation
import Paiban
import PaibanIO
import PaibanSolver

var runs = 3
var timeLimit = 30.0
var threads = 2
var folders: [String] = []
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--runs": runs = Int(arguments.popFirst() ?? "") ?? runs
    case "--time-limit": timeLimit = Double(arguments.popFirst() ?? "") ?? timeLimit
    case "--threads": threads = Int(arguments.popFirst() ?? "") ?? threads
    default: folders.append(argument)
    }
}
if folders.isEmpty {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: "Examples")) ?? []
    folders = names.sorted().map { "Examples/\($0)" }.filter { FileManager.default.fileExists(atPath: "\($0)/scenario.yaml") }
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? .nan : sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

func format(_ value: Double?, _ digits: Int = 1) -> String { value.map { String(format: "%.\(digits)f", $0) } ?? "-" }

print("example | rows x cols (int) | build s | solve s | objective | bound | gap (worst) | status (\(runs) runs, \(threads) threads, limit \(Int(timeLimit)) s, medians)")
print("---|---|---|---|---|---|---|---")
for folder in folders {
    do {
        let scenario = try ScenarioReader.read(path: "\(folder)/scenario.yaml")
        var results: [SolveResult] = []
        for run in 0..<runs {
            results.append(try Solver.solve(scenario, options: SolveOptions(timeLimit: timeLimit, gap: 0.01, seed: UInt64(run + 1), threads: threads)))
        }
        let size = results[0].modelSize
        let statuses = Dictionary(grouping: results.map(\.status.rawValue), by: { $0 }).map { "\($0.value.count)x \($0.key)" }.sorted()
        let objectives = results.compactMap(\.objective)
        let gaps = results.compactMap(\.gap)
        print("\(folder) | \(size.rows) x \(size.columns) (\(size.integerColumns)) | \(format(median(results.map(\.buildSeconds)), 2)) | \(format(median(results.map(\.solveSeconds)))) | \(objectives.isEmpty ? "-" : format(median(objectives))) | \(format(results[0].bound)) | \(gaps.isEmpty ? "-" : format(median(gaps) * 100, 2) + "% (" + format(gaps.max()! * 100, 2) + "%)") | \(statuses.joined(separator: ", "))")
    } catch {
        print("\(folder) | error: \(error)")
    }
}
