import Foundation
import Paiban
import PaibanIO
import PaibanSolver

let scenario = try ScenarioReader.read(path: CommandLine.arguments[1])
let t = Double(CommandLine.arguments[2]) ?? 30
let result = try Solver.solve(scenario, options: SolveOptions(timeLimit: t, gap: 0, progress: { p in
    FileHandle.standardError.write("\(p.phase) \(String(format: "%.1f", p.elapsed)) inc=\(p.incumbent ?? .nan) bound=\(p.bound ?? .nan) gap=\(p.gap ?? .nan)\n".data(using: .utf8)!)
}))
print(result.status, result.objective ?? -1, result.bound ?? -1, result.terms, result.modelSize, result.solveSeconds, result.stoppedBy)
for f in result.explanation { print(f.message) }
