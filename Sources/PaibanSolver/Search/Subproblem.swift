/// Rows and columns of the model indexed both ways, built once per solve so that a neighbourhood's
/// sub-model can be cut out quickly.
struct ModelIndex {
    /// Entries of row i are entryRange[i] in the model's triplet arrays (rows are added whole).
    let entryRange: [Range<Int>]
    /// Rows each column appears in.
    let columnRows: [[Int]]

    init(_ model: LinearModel) {
        var ranges = Array(repeating: 0..<0, count: model.rows.count)
        var columnRows = Array(repeating: [Int](), count: model.columns.count)
        var k = 0
        while k < model.entryRows.count {
            let row = Int(model.entryRows[k]) - 1
            let first = k
            while k < model.entryRows.count, Int(model.entryRows[k]) - 1 == row {
                columnRows[Int(model.entryColumns[k]) - 1].append(row)
                k += 1
            }
            ranges[row] = first..<k
        }
        entryRange = ranges
        self.columnRows = columnRows
    }
}

/// A neighbourhood as a small GLPK problem of its own: the free assignment variables, the rows they
/// appear in (with the fixed variables' contribution moved to the bounds), and the helper columns of those
/// rows. Each priced helper column of the roster model sits in exactly one row, so the sub-model's
/// objective differs from the full objective by a constant. Solving only this, rather than
/// the full model with fixed bounds, keeps every node LP of GLPK's branch-and-cut small.
struct Subproblem {
    let model: LinearModel
    let index: ModelIndex
    /// The roster's decisions (the assignments): outside the neighbourhood they are fixed. Other columns,
    /// continuous or integer helpers such as meal round counts or "alone on duty", are re-optimised in
    /// every part whose rows they sit in.
    let isDecision: [Bool]

    /// Re-optimises the free columns; returns the improved incumbent, or nil if GLPK found nothing better.
    /// With `keepHardRows` (the incumbent already keeps every hard rule), elastic slacks stay at zero:
    /// the part is then the plain model's, smaller and with a tighter LP. Columns in `assign` are freed at
    /// the given value only: the part then prices a proposal exactly (the helpers settle around it);
    /// `evenIfWorse` returns it whatever it costs (a perturbation).
    func improve(_ incumbent: Incumbent, free: [Int], timeLimit: Double, keepHardRows: Bool = false, cuts: Bool = true,
                 assign: [Int: Double] = [:], evenIfWorse: Bool = false) throws -> Incumbent? {
        var isFree = Array(repeating: false, count: model.columns.count)
        for j in free { isFree[j] = true }
        var rows = Set<Int>()
        for j in free { rows.formUnion(index.columnRows[j]) }
        // A helper (not a decision) that enters the part brings all its rows: it may change value, and
        // every row it sits in must still hold. Helpers that this brings in without all of their own rows
        // (another weekend's "worked" in the weekend cap) keep their value, like a fixed decision.
        for i in Array(rows) {
            for k in index.entryRange[i] {
                let j = Int(model.entryColumns[k]) - 1
                if !isDecision[j] { rows.formUnion(index.columnRows[j]) }
            }
        }
        for i in rows {
            for k in index.entryRange[i] {
                let j = Int(model.entryColumns[k]) - 1
                if !isDecision[j], !isFree[j], !(keepHardRows && model.columns[j].term == LinearModel.elasticTerm),
                   index.columnRows[j].allSatisfy(rows.contains) { isFree[j] = true }
            }
        }
        var sub = LinearModel()
        var map: [Int: Int] = [:]      // full column -> sub column
        var back: [Int] = []           // sub column -> full column
        func column(_ j: Int) -> Int {
            if let k = map[j] { return k }
            let c = model.columns[j]
            let fixed = assign[j]
            let k = sub.addColumn(c.name, lower: fixed ?? c.lower, upper: fixed ?? c.upper, integer: c.isInteger, cost: c.cost)
            map[j] = k
            back.append(j)
            return k
        }
        for j in free { _ = column(j) }
        for i in rows.sorted() {
            var terms: [(Int, Double)] = []
            var fixed = 0.0
            for k in index.entryRange[i] {
                let j = Int(model.entryColumns[k]) - 1, a = model.entryValues[k]
                if isFree[j] { terms.append((column(j), a)) } else { fixed += a * incumbent.values[j] }
            }
            let row = model.rows[i]
            sub.addRow(row.name, terms, lower: row.lower.map { $0 - fixed }, upper: row.upper.map { $0 - fixed })
        }
        // On a work clock: the entries of the part's rows, visited about three times above.
        WorkLane.current?.add(Double(3 * rows.reduce(0) { $0 + index.entryRange[$1].count } + free.count) / WorkRate.building)
        let start = back.map { assign[$0] ?? incumbent.values[$0] }
        let before = back.reduce(0.0) { $0 + model.columns[$1].cost * incumbent.values[$1] }
        let problem = try GLPKProblem(sub)
        let outcome = try problem.solveMIP(timeLimit: timeLimit, gap: 0, start: start, cuts: cuts)
        guard outcome == .optimal || outcome == .feasible, problem.mipObjective < before - 1e-7 || evenIfWorse else { return nil }
        var values = incumbent.values
        for (k, v) in problem.mipValues.enumerated() { values[back[k]] = v }
        return Incumbent(values: values, objective: incumbent.objective - before + problem.mipObjective)
    }
}
