import Paiban

/// Re-plans one person at a time against everyone else's fixed roster, without GLPK's branch-and-bound:
/// each of the person's cells is priced by what it changes in the soft rows it sits in (a shift that fills
/// a short cover saves the under-cover price, one over the target costs the over price), the person's
/// own hard rules are followed by `PersonPlan`'s dynamic programme, and the proposal is then priced
/// exactly by the sub-model of the cells it changes (GLPK settles the helpers) and kept only if the
/// objective falls. Where the cell prices already add up to the exact change (`pricedExactly`), a proposal
/// that does not gain is dropped without GLPK.
struct PersonPlanner {
    let model: RosterModel
    let subproblem: Subproblem
    let book: PersonRuleBook
    private let index: ModelIndex
    /// Person, day and local shift of each assignment column (nil for other columns).
    private let place: [(p: Int, d: Int, t: Int)?]
    /// Per soft row whose helpers sit in it alone: the price of a unit short of its lower bound and over its upper one.
    private let rowPrice: [(under: Double, over: Double)?]
    /// Each row's bounds (infinite where it has none) and each column's cost, read out of the model once:
    /// the model's row and column records carry names, and reaching into them was most of `costs`.
    private let bounds: [(lower: Double, upper: Double)]
    private let columnCost: [Double]
    /// Activity of every priced row from the assignment columns, kept up to date with the incumbent.
    private var activity: [Double]
    /// Whether a person's cell prices (`costs`) add up to the exact change in the objective once the hard rows
    /// hold: every priced row the person sits in takes at most one of their cells (they are all on one day),
    /// and every other row's helpers cost nothing. Then a proposal that does not gain is dropped without
    /// GLPK's settle (most of a sweep's time on Curtois 13).
    let pricedExactly: [Bool]
    /// Per person, the prices and plan at which the programme last found nothing better, for people priced
    /// exactly: the programme gives the same answer again, so a sweep's closing round (which gains nothing by
    /// definition) and people whose prices did not move cost only their prices.
    private var stuck: [(price: [[Double]], plan: [Int?])?]

    init(model: RosterModel, book: PersonRuleBook, index: ModelIndex, subproblem: Subproblem) {
        self.model = model
        self.subproblem = subproblem
        self.book = book
        self.index = index
        let linear = model.linear
        var place = [(p: Int, d: Int, t: Int)?](repeating: nil, count: linear.columns.count)
        for (p, days) in book.cellOf.enumerated() {
            for (d, day) in days.enumerated() { for (t, j) in day.enumerated() { if let j { place[j] = (p, d, t) } } }
        }
        self.place = place
        var rowPrice = [(under: Double, over: Double)?](repeating: nil, count: linear.rows.count)
        rows: for (i, row) in linear.rows.enumerated() where row.origin == nil {
            var under = Double.infinity, over = Double.infinity, helpers = 0
            for k in index.entryRange[i] {
                let j = Int(linear.entryColumns[k]) - 1, a = linear.entryValues[k]
                let column = linear.columns[j]
                guard !column.isInteger else { continue }
                // Helpers shared with other rows, or priced by the programme itself (soft runs), are not a row's own price.
                guard column.cost >= 0, index.columnRows[j].count == 1, column.term != ConsecutiveWorkDays().id else { continue rows }
                helpers += 1
                if a > 0 { under = min(under, column.cost / a) } else { over = min(over, column.cost / -a) }
            }
            if helpers > 0 { rowPrice[i] = (row.lower == nil ? 0 : under, row.upper == nil ? 0 : over) }
        }
        self.rowPrice = rowPrice
        bounds = linear.rows.map { ($0.lower ?? -.infinity, $0.upper ?? .infinity) }
        columnCost = linear.columns.map(\.cost)
        activity = [Double](repeating: 0, count: linear.rows.count)
        // A row is summed exactly by the cell prices when it is priced and holds no integer helper (meal round
        // counts move the row but not `activity`, which counts cells only), or when its helpers cost nothing
        // (elastic slacks stay at zero where this is used) and neither do the other columns of the helpers'
        // rows, which GLPK's part would bring in with them (`Subproblem`). This assumes the incumbent's priced
        // slacks are settled: a part GLPK left merely feasible could hold a slack a re-plan would have let go.
        func costsNothing(_ j: Int) -> Bool {
            book.isCell[j] || linear.columns[j].cost == 0 || linear.columns[j].term == LinearModel.elasticTerm
        }
        let exactRow = linear.rows.indices.map { i in
            index.entryRange[i].allSatisfy { k in
                let j = Int(linear.entryColumns[k]) - 1
                guard !book.isCell[j] else { return true }
                if rowPrice[i] != nil { return !linear.columns[j].isInteger }
                return costsNothing(j) && index.columnRows[j].allSatisfy { r in
                    index.entryRange[r].allSatisfy { costsNothing(Int(linear.entryColumns[$0]) - 1) }
                }
            }
        }
        stuck = Array(repeating: nil, count: book.cellOf.count)
        pricedExactly = book.cellOf.map { days in
            // The day of the person's cells in each priced row: two days in one row would make the cells' prices interact.
            var dayOfRow: [Int: Int] = [:]
            for (d, day) in days.enumerated() {
                for case let j? in day {
                    for e in book.entries[j] {
                        guard exactRow[e.row] else { return false }
                        guard rowPrice[e.row] != nil else { continue }
                        if dayOfRow[e.row, default: d] != d { return false }
                        dayOfRow[e.row] = d
                    }
                }
            }
            return true
        }
    }

    private var entries: [[(row: Int, value: Double)]] { book.entries }
    private var cellOf: [[[Int?]]] { book.cellOf }

    /// Recomputes the priced rows' activity from the incumbent's assignments.
    mutating func refresh(_ values: [Double]) {
        activity = [Double](repeating: 0, count: model.linear.rows.count)
        for cell in model.x.cells where values[cell.column] > 0.5 {
            for e in entries[cell.column] where rowPrice[e.row] != nil { activity[e.row] += e.value }
        }
    }

    /// What each of p's cells would cost, the others' roster being fixed.
    func costs(of p: Int, in values: [Double]) -> [[Double]] {
        // p's own share of each priced row, taken out so that every cell is priced against the others only.
        // Sorted by row and searched by halves: a dictionary's hashing took a fifth of a sweep (Curtois 13).
        var own: [(row: Int, value: Double)] = []
        for day in cellOf[p] { for case let j? in day where values[j] > 0.5 { own += entries[j].filter { rowPrice[$0.row] != nil } } }
        own.sort { $0.row < $1.row }
        func share(_ row: Int) -> Double {
            var low = 0, high = own.count
            while low < high { let mid = (low + high) / 2; if own[mid].row < row { low = mid + 1 } else { high = mid } }
            var total = 0.0
            while low < own.count, own[low].row == row { total += own[low].value; low += 1 }
            return total
        }
        return cellOf[p].map { day in
            day.map { cell -> Double in
                guard let j = cell else { return .infinity }
                var cost = columnCost[j]
                for e in entries[j] {
                    guard let price = rowPrice[e.row] else { continue }
                    let others = activity[e.row] - share(e.row)
                    // A direction without a helper is priced infinitely, but only where the row is broken that way
                    // (infinity times a zero shortfall would be NaN, which the programme never chooses).
                    func penalty(_ a: Double) -> Double {
                        let short = bounds[e.row].lower - a, excess = a - bounds[e.row].upper
                        return (short > 0 ? price.under * short : 0) + (excess > 0 ? price.over * excess : 0)
                    }
                    cost += penalty(others + e.value) - penalty(others)
                }
                return cost
            }
        }
    }

    /// Re-plans person p; true if the incumbent changed. The proposal is priced exactly (by its cell prices
    /// where they are exact, else by GLPK's settle) and kept only if the objective falls, except with `noise`
    /// (a kick), where it is kept whatever it costs.
    /// With `force` (day, local shift), the person must work that cell, and the proposal is kept whatever it costs.
    mutating func replan(_ p: Int, _ incumbent: inout Incumbent, timeLimit: Double, keepHardRows: Bool,
                         noise: Double = 0, force: (d: Int, t: Int)? = nil, rng: inout SplitMix) throws -> Bool {
        guard var rules = book.rules[p] else { return false }
        if let force { rules.fix(day: force.d, shift: force.t, worked: true) }
        let price = costs(of: p, in: incumbent.values)
        let kick = noise > 0 || force != nil
        // Where the prices are exact, whether a re-plan gains depends on the prices and the person's plan alone.
        let exact = !kick && keepHardRows && pricedExactly[p]
        let now = cellOf[p].map { day in day.firstIndex { $0.map { incumbent.values[$0] > 0.5 } ?? false } }
        if exact, let last = stuck[p], last.plan == now, last.price == price { return false }
        var cost = price
        if noise > 0 {
            for d in cost.indices { for t in cost[d].indices where cost[d][t].isFinite { cost[d][t] += Double.random(in: -noise...noise, using: &rng) } }
        }
        let search = PersonPlan(rules: rules)
        var assign: [Int: Double] = [:]
        if let plan = search.best(cost: cost) {
            for (j, value) in book.values(of: plan, person: p) where (incumbent.values[j] > 0.5) != (value > 0.5) { assign[j] = value }
            if exact, search.cost(of: plan, price) > search.cost(of: now, price) - 1e-9 { assign = [:] }
        } else if debugSearch {
            debugLog("planner: no plan for person \(p)")
        }
        if assign.isEmpty {
            if exact { stuck[p] = (price, now) }
            return false
        }
        guard let better = try subproblem.improve(incumbent, free: assign.keys.sorted(), timeLimit: timeLimit, keepHardRows: keepHardRows,
                                                  assign: assign, evenIfWorse: kick)
        else { return false }
        account(assign)
        incumbent = better
        return true
    }

    /// Keeps the rows' activity in step with assignment columns that change.
    private mutating func account(_ assign: [Int: Double]) {
        for (j, value) in assign.sorted(by: { $0.key < $1.key }) {   // one order: the same sums in every process
            for e in entries[j] where rowPrice[e.row] != nil { activity[e.row] += value > 0.5 ? e.value : -e.value }
        }
    }

    /// A start roster's assignments, built by planning every person in turn against the cover the ones
    /// before have left; nil for anyone the programme cannot plan (they stay off). No GLPK is involved, so
    /// the roster still has to be settled.
    mutating func construct(order: [Int]) -> [Double] {
        var values = [Double](repeating: 0, count: model.linear.columns.count)
        refresh(values)
        for p in order {
            guard let rules = book.rules[p], let plan = PersonPlan(rules: rules).best(cost: costs(of: p, in: values)) else {
                if debugSearch { debugLog("planner: no start plan for person \(p)") }
                continue
            }
            var assign: [Int: Double] = [:]
            for (j, value) in book.values(of: plan, person: p) where value > 0.5 { assign[j] = value; values[j] = value }
            account(assign)
        }
        return values
    }

    /// Re-plans `people` in turn, then everyone the programme can plan, round after round, while a round
    /// still gains and neither the deadline nor `stop` says to stop. Returns how many plans were kept.
    @discardableResult
    mutating func sweep(_ incumbent: inout Incumbent, first people: [Int], rounds: Int, deadline: Deadline,
                        rng: inout SplitMix, stop: () -> Bool) throws -> Int {
        refresh(incumbent.values)
        var kept = 0
        var elastic = model.breaksHardRows(incumbent.values)
        func visit(_ p: Int) throws {
            guard book.rules[p] != nil, !deadline.passed, !stop() else { return }
            if try replan(p, &incumbent, timeLimit: min(1, deadline.remaining), keepHardRows: !elastic, rng: &rng) {
                kept += 1
                if elastic { elastic = model.breaksHardRows(incumbent.values) }
            }
        }
        for p in people { try visit(p) }
        for _ in 0..<rounds {
            let before = incumbent.objective
            for p in book.rules.indices.shuffled(using: &rng) { try visit(p) }
            if deadline.passed || stop() || incumbent.objective > before - 1e-9 { break }
        }
        return kept
    }

    /// A priced row short of its lower bound, drawn with odds in proportion to what its shortfall costs
    /// (a short cover row far before an unmet request); nil if none is short.
    private func shortRow(rng: inout SplitMix) -> Int? {
        var rows: [Int] = [], weights: [Double] = []
        for (i, price) in rowPrice.enumerated() {
            // An infinite price (a lower bound without a helper) would make the draw's range infinite.
            guard let price, price.under > 0, price.under.isFinite, activity[i] < bounds[i].lower - 0.5 else { continue }
            rows.append(i); weights.append(price.under * (bounds[i].lower - activity[i]))
        }
        var draw = Double.random(in: 0..<max(1e-9, weights.reduce(0, +)), using: &rng)
        for (i, w) in zip(rows, weights) { draw -= w; if draw < 0 { return i } }
        return rows.last
    }

    /// A planned person's cell, not worked now, that would add to the row.
    private func filler(of row: Int, in values: [Double], rng: inout SplitMix) -> (p: Int, d: Int, t: Int)? {
        let cells = index.entryRange[row].compactMap { k -> (p: Int, d: Int, t: Int)? in
            let j = Int(model.linear.entryColumns[k]) - 1
            guard model.linear.entryValues[k] > 0, values[j] < 0.5, let cell = place[j], book.rules[cell.p] != nil else { return nil }
            return cell
        }
        return cells.randomElement(using: &rng)
    }

    /// Iterated local search over whole people: a few people are re-planned against noisy cell prices, or
    /// made to fill short rows (a kick out of the sweep's local optimum, kept even if it costs more), the
    /// sweep runs to its local optimum again, and the result is kept if it beats the best so far.
    /// Improvements go to `shared`.
    mutating func kickAndSweep(_ best: inout Incumbent, shared: SharedIncumbent, deadline: Deadline, rng: inout SplitMix,
                               done: () -> Bool) throws {
        var kicks = 0, gains = 0
        while !deadline.passed, !done() {
            let common = shared.current
            if common.objective < best.objective - 1e-9 { best = common }
            var trial = best
            refresh(trial.values)
            let planned = book.rules.indices.filter { book.rules[$0] != nil }
            let count = max(2, planned.count / 10)   // a tenth: better than 4% or 20% on Curtois 10, 13 and 17 (30 s)
            // The noise is of the size of a cell's price: enough to move a person, not to scramble them.
            let noise = PersonPlan.costScale(costs(of: planned.randomElement(using: &rng)!, in: trial.values))
            // Every other kick is aimed once the roster keeps every hard rule: someone who could fill a short
            // row is made to (two draws of a row a kick, both before either is filled, so sometimes one row
            // twice: better than one, three, or a tenth of the people on Curtois 13), and the sweep then repairs
            // what they dropped. A roster that still breaks hard rules needs the wide kicks: aimed ones left
            // Curtois 22 at 536,394 against 41,922.
            if kicks % 2 == 1, !model.breaksHardRows(trial.values), let first = shortRow(rng: &rng) {
                for row in [first, shortRow(rng: &rng)].compactMap({ $0 }) where !deadline.passed && !done() {
                    guard let cell = filler(of: row, in: trial.values, rng: &rng) else { continue }
                    _ = try replan(cell.p, &trial, timeLimit: min(1, deadline.remaining), keepHardRows: true, force: (cell.d, cell.t), rng: &rng)
                }
            } else {
                for p in planned.shuffled(using: &rng).prefix(count) where !deadline.passed && !done() {
                    _ = try replan(p, &trial, timeLimit: min(1, deadline.remaining), keepHardRows: true, noise: noise, rng: &rng)
                }
            }
            try sweep(&trial, first: [], rounds: 20, deadline: deadline, rng: &rng, stop: done)
            kicks += 1
            if trial.objective < best.objective - 1e-9 {
                best = trial
                shared.offer(trial)
                gains += 1
            }
        }
        if debugSearch { debugLog(String(format: "kicks %d, gains %d, at %.1fs: %.0f", kicks, gains, deadline.elapsed, best.objective)) }
    }
}
