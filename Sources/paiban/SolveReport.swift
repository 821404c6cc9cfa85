import Foundation
import Paiban
import PaibanReport
import PaibanSolver

/// What `solve` prints in table format: the roster, then the outcome and where the roster falls short.
enum SolveReport {
    static func render(_ result: SolveResult, summary: Summary, scenario: Scenario, folder: String, files: [String]) -> String {
        var out = ""
        if let roster = result.roster { out += RosterTable.render(roster, scenario: scenario) + "\n" }
        out += "status: \(result.status.rawValue) (\(result.stoppedBy)) in \(String(format: "%.1f", result.solveSeconds)) s\n"
        if let objective = result.objective {
            out += "objective: \(SolveNumbers.format(objective))"
            if let bound = result.bound, let gap = result.gap { out += "  bound: \(SolveNumbers.format(bound))  gap: \(String(format: "%.2f", gap * 100))%" }
            out += "\n"
            let terms = result.terms.filter { $0.value != 0 }.sorted { $0.key < $1.key }.map { "\($0.key) \(SolveNumbers.format($0.value))" }
            if !terms.isEmpty { out += "penalties: " + terms.joined(separator: ", ") + "\n" }
        }
        if let short = summary.underCoverPersonHours {
            if short > 0 {
                let groups = (summary.underCoverByGroup ?? [:]).filter { $0.value > 0 }.sorted { $0.key < $1.key }
                out += "short-staffed: \(SolveNumbers.format(short)) person-hours of demand not covered ("
                    + groups.map { "\($0.key) \(SolveNumbers.format($0.value)) h" }.joined(separator: ", ") + "); see coverage.csv\n"
            } else {
                out += "every slot is covered\n"
            }
        }
        let soft = (result.audit?.findings ?? []).filter { $0.severity == .soft }
        for f in soft.prefix(12) { out += "  - [\(f.rule)] \(f.message)\n" }
        if soft.count > 12 { out += "  ... \(soft.count - 12) more in summary.json\n" }
        if result.status == .infeasible {
            out += "No roster keeps every hard rule. These had to give:\n"
            for f in result.explanation { out += "  - [\(f.rule)] \(f.message)\n" }
        }
        out += "written: \(folder)/" + (files.count == 1 ? files[0] : "{\(files.joined(separator: ", "))}") + "\n"
        return out
    }
}
