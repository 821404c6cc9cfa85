/// The best solution so far: every column's value and the objective.
struct Incumbent: Sendable {
    var values: [Double]
    var objective: Double
}

extension GLPKProblem {
    /// Fixes the assignment variables at `values` (rounded) and re-solves the LP for the priced
    /// continuous columns (shortfalls, excess days, night steps), so that they take exactly the values
    /// the audit computes from the roster.
    func settle(_ values: [Double], cells: [(column: Int, person: Int, day: Int, shift: Int)], deadline: Deadline) throws -> Incumbent? {
        for cell in cells { fix(cell.column, at: values[cell.column] > 0.5 ? 1 : 0) }
        guard try solveLP(timeLimit: max(5, deadline.remaining)) == .optimal else { return nil }
        return Incumbent(values: lpValues, objective: lpObjective)
    }
}
