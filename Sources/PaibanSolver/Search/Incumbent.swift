/// The best solution so far: every column's value and the objective.
struct Incumbent: Sendable {
    var values: [Double]
    var objective: Double
}

extension GLPKProblem {
    /// Fixes the integer columns (assignments and meal rounds) at `values` (rounded) and re-solves the LP
    /// for the priced continuous columns (shortfalls, excess days, night steps), so that they take exactly
    /// the values the audit computes from the roster.
    func settle(_ values: [Double], integerColumns: [Int], deadline: Deadline) throws -> Incumbent? {
        for j in integerColumns { fix(j, at: values[j] > 0.5 ? 1 : 0) }
        guard try solveLP(timeLimit: max(5, deadline.remaining), presolve: true) == .optimal else { return nil }
        return Incumbent(values: lpValues, objective: lpObjective)
    }
}
