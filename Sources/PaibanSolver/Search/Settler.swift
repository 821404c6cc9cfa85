/// Gives the helper columns of a roster model the values a roster implies (shortfalls, excess days,
/// elastic slacks), without loading the whole model into GLPK: a million-column model takes GLPK seconds
/// to load and to settle (Curtois Instance24: some 10 s each time). Most rows need no solver at all: when
/// a row's helpers sit in that row alone and are plain non-negative slacks, at most one per direction, each
/// is exactly the row's shortfall or excess. Only the rows with other helpers (a weekend's "worked", shared
/// by two rows; a night step; meal round counts) go to GLPK, as a small LP with the roster's activity in
/// their bounds, or a small MIP when some of those helpers are integers.
struct Settler {
    let model: LinearModel
    let index: ModelIndex
    let isDecision: [Bool]
    /// Rows whose helpers are settled by their own shortfall or excess.
    private let closed: [Bool]

    init(model: LinearModel, index: ModelIndex, decisions: [Int]) {
        self.model = model
        self.index = index
        var isDecision = [Bool](repeating: false, count: model.columns.count)
        for j in decisions { isDecision[j] = true }
        self.isDecision = isDecision
        closed = model.rows.indices.map { i in
            var up = 0, down = 0
            for k in index.entryRange[i] {
                let j = Int(model.entryColumns[k]) - 1
                guard !isDecision[j] else { continue }
                let c = model.columns[j]
                guard !c.isInteger, c.lower == 0, c.upper == nil, c.cost >= 0, index.columnRows[j].count == 1 else { return false }
                if model.entryValues[k] > 0 { up += 1 } else { down += 1 }
            }
            return up <= 1 && down <= 1
        }
    }

    /// The roster's decisions (rounded) with every helper settled; nil if the helpers' LP or MIP has no
    /// solution (or the MIP none within the time left).
    func settle(_ values: [Double], deadline: Deadline) throws -> Incumbent? {
        var settled = [Double](repeating: 0, count: model.columns.count)
        for j in model.columns.indices where isDecision[j] { settled[j] = values[j] > 0.5 ? 1 : 0 }
        var activity = [Double](repeating: 0, count: model.rows.count)
        for k in model.entryRows.indices {
            let j = Int(model.entryColumns[k]) - 1
            if isDecision[j] { activity[Int(model.entryRows[k]) - 1] += model.entryValues[k] * settled[j] }
        }
        var open: [Int] = []
        for i in model.rows.indices {
            guard closed[i] else { open.append(i); continue }
            let row = model.rows[i]
            let short = max(0, (row.lower ?? -.infinity) - activity[i]), excess = max(0, activity[i] - (row.upper ?? .infinity))
            var mended = (short: short == 0, excess: excess == 0)
            for k in index.entryRange[i] {
                let j = Int(model.entryColumns[k]) - 1, a = model.entryValues[k]
                guard !isDecision[j] else { continue }
                settled[j] = a > 0 ? short / a : excess / -a
                if a > 0 { mended.short = true } else { mended.excess = true }
            }
            // A row the roster breaks with no slack to take it up (one shift a day): no settled roster.
            guard mended.short, mended.excess else { return nil }
        }
        if !open.isEmpty {
            var sub = LinearModel()
            var local: [Int: Int] = [:]
            var back: [Int] = []
            for i in open {
                var terms: [(Int, Double)] = []
                for k in index.entryRange[i] {
                    let j = Int(model.entryColumns[k]) - 1
                    guard !isDecision[j] else { continue }
                    if local[j] == nil {
                        let c = model.columns[j]
                        local[j] = sub.addColumn(c.name, lower: c.lower, upper: c.upper, integer: c.isInteger, cost: c.cost)
                        back.append(j)
                    }
                    terms.append((local[j]!, model.entryValues[k]))
                }
                let row = model.rows[i]
                sub.addRow(row.name, terms, lower: row.lower.map { $0 - activity[i] }, upper: row.upper.map { $0 - activity[i] })
            }
            let problem = try GLPKProblem(sub)
            let values: [Double]
            if problem.integerColumns > 0 {
                // Integer helpers (meal round counts, "alone on duty") stay whole: one small MIP, whose days
                // GLPK solves as good as apart, since nothing else ties the days' rounds together.
                // At most a second past the deadline: the last settle comes after it, and a roster from the
                // search already has whole counts to fall back on.
                let outcome = try problem.solveMIP(timeLimit: max(1, min(5, deadline.remaining)), gap: 0, start: nil)
                guard outcome == .optimal || outcome == .feasible else { return nil }
                values = problem.mipValues
            } else {
                guard try problem.solveLP(timeLimit: max(5, deadline.remaining), presolve: true) == .optimal else { return nil }
                values = problem.lpValues
            }
            for (k, v) in values.enumerated() { settled[back[k]] = v }
        }
        let objective = model.constant + model.columns.indices.reduce(0.0) { $0 + model.columns[$1].cost * settled[$1] }
        return Incumbent(values: settled, objective: objective)
    }
}
