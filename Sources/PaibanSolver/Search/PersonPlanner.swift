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
    let index: ModelIndex
    /// Person, day and local shift of each assignment column (nil for other columns).
    let place: [(p: Int, d: Int, t: Int)?]
    /// Per soft row whose helpers sit in it alone: the price of a unit short of its lower bound and over its upper one.
    let rowPrice: [(under: Double, over: Double)?]
    /// Each row's bounds (infinite where it has none) and each column's cost, read out of the model once:
    /// the model's row and column records carry names, and reaching into them was most of `costs`.
    let bounds: [(lower: Double, upper: Double)]
    private let columnCost: [Double]
    /// Activity of every priced row from the assignment columns, kept up to date with the incumbent.
    private(set) var activity: [Double]
    /// Whether a person's cell prices (`costs`) add up to the exact change in the objective once the hard rows
    /// hold: every priced row the person sits in takes at most one of their cells (they are all on one day),
    /// and every other row's helpers cost nothing. Then a proposal that does not gain is dropped without
    /// GLPK's settle (most of a sweep's time on Curtois 13).
    let pricedExactly: [Bool]
    /// Per person, the prices and plan at which the programme last found nothing better, for people priced
    /// exactly: the programme gives the same answer again, so a sweep's closing round (which gains nothing by
    /// definition) and people whose prices did not move cost only their prices. (The exact search's answer also
    /// rests on its hint and node limit, so a skip may now and then pass over a plan another try would find.)
    private var stuck: [(price: [[Double]], plan: [Int?])?]
    /// Each person's resource prices at their last exact search, where the next starts.
    private var hints: [PersonPlan.Prices?]
    /// Each assignment column's entries in priced rows, flat in column order: column j's are
    /// `pricedEntries[pricedStart[j]..<pricedStart[j + 1]]`. A person's cells are consecutive columns, so
    /// pricing them walks one stretch of memory (an array per column, and a look at every row's price, cost
    /// most of `costs` in cache misses on Curtois 13 and 24).
    private let pricedStart: [Int32]
    private let pricedEntries: [(row: Int32, value: Double)]
    /// A person's own share of each priced row while `costs` prices their cells, zero elsewhere. A planner
    /// belongs to one thread, like its GLPK problems.
    private let ownShare: RowScratch

    /// One value per row, written and cleared by one call at a time: an array the size of the model's rows
    /// made once rather than searched or hashed per cell (sorted shares searched by halves were an eighth of a
    /// sweep on Curtois 13 and 24).
    private final class RowScratch {
        var values: [Double]
        init(rows: Int) { values = [Double](repeating: 0, count: rows) }
    }

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
        ownShare = RowScratch(rows: linear.rows.count)
        var pricedStart = [Int32](repeating: 0, count: linear.columns.count + 1)
        var pricedEntries: [(row: Int32, value: Double)] = []
        for j in linear.columns.indices {
            for e in book.entries[j] where rowPrice[e.row] != nil { pricedEntries.append((Int32(e.row), e.value)) }
            pricedStart[j + 1] = Int32(pricedEntries.count)
        }
        (self.pricedStart, self.pricedEntries) = (pricedStart, pricedEntries)
        stuck = Array(repeating: nil, count: book.cellOf.count)
        hints = Array(repeating: nil, count: book.cellOf.count)
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

    /// Positions in `pricedEntries` of column j's priced entries.
    private func priced(_ j: Int) -> Range<Int> { Int(pricedStart[j])..<Int(pricedStart[j + 1]) }
    var cellOf: [[[Int?]]] { book.cellOf }

    /// Person p's plan in these values: the local shift worked each day, nil for a day off.
    func plan(of p: Int, in values: [Double]) -> [Int?] {
        cellOf[p].map { day in day.firstIndex { $0.map { values[$0] > 0.5 } ?? false } }
    }

    /// Recomputes the priced rows' activity from the incumbent's assignments.
    mutating func refresh(_ values: [Double]) {
        activity = [Double](repeating: 0, count: model.linear.rows.count)
        for cell in model.x.cells where values[cell.column] > 0.5 {
            for k in priced(cell.column) { activity[Int(pricedEntries[k].row)] += pricedEntries[k].value }
        }
    }

    /// What each of p's cells would cost, the others' roster being fixed.
    func costs(of p: Int, in values: [Double]) -> [[Double]] {
        // p's own share of each priced row, taken out so that every cell is priced against the others only.
        var ownRows: [Int] = []
        for day in cellOf[p] {
            for case let j? in day where values[j] > 0.5 {
                for k in priced(j) {
                    let row = Int(pricedEntries[k].row)
                    ownShare.values[row] += pricedEntries[k].value
                    ownRows.append(row)
                }
            }
        }
        defer { for row in ownRows { ownShare.values[row] = 0 } }
        return ownShare.values.withUnsafeBufferPointer { share in cellOf[p].map { day in
            day.map { cell -> Double in
                guard let j = cell else { return .infinity }
                var cost = columnCost[j]
                for k in priced(j) {
                    let (row, value) = (Int(pricedEntries[k].row), pricedEntries[k].value)
                    let price = rowPrice[row]!, others = activity[row] - share[row]
                    // A direction without a helper is priced infinitely, but only where the row is broken that way
                    // (infinity times a zero shortfall would be NaN, which the programme never chooses).
                    func penalty(_ a: Double) -> Double {
                        let short = bounds[row].lower - a, excess = a - bounds[row].upper
                        return (short > 0 ? price.under * short : 0) + (excess > 0 ? price.over * excess : 0)
                    }
                    cost += penalty(others + value) - penalty(others)
                }
                return cost
            }
        } }
    }

    /// A sweep re-plans people with the exact search (`PersonPlan.exactBest`) over periods up to this many days,
    /// with this many nodes and subgradient steps; over longer ones, and in kicks, with the programme's
    /// heuristic (`best`). The heuristic can miss a person's cheapest plan by far, and the search finds it:
    /// Curtois 13 (28 days) at 30 work s, seeds 1-3, ended at 3254-3508 against 3698-4368. Over longer periods
    /// it costs more than it finds: at 30 work s, Curtois 19 (84 days) 4832 against 4342, 20 (182 days) 6573
    /// against 6134; at 60, 24 (364 days) 139,042 against 103,328. Steps: 5 did better than 0
    /// (3711-3813), 10 (3483-3689) and 30 (3616-4156).
    static let searchedDays = 56
    static let sweepNodes = 20_000
    static let sweepSteps = 5

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
        let now = plan(of: p, in: incumbent.values)
        if exact, let last = stuck[p], last.plan == now, last.price == price { return false }
        var cost = price
        if noise > 0 {
            for d in cost.indices { for t in cost[d].indices where cost[d][t].isFinite { cost[d][t] += Double.random(in: -noise...noise, using: &rng) } }
        }
        let search = PersonPlan(rules: rules)
        let own = search.cost(of: now, price)
        var assign: [Int: Double] = [:]
        let proposal: [Int?]?
        if exact, rules.dayCount <= Self.searchedDays {
            // Only a cheaper plan than the person's own is of use: the exact search looks below it.
            let found = search.provenBest(cost: price, below: own - 1e-9, nodeLimit: Self.sweepNodes,
                                          hint: hints[p], steps: Self.sweepSteps)
            hints[p] = found.prices
            proposal = found.plan
        } else if exact {
            // The heuristic over the whole period first: it is quick and moves a whole year. Where it finds nothing
            // cheaper for a person with capped shift types, the exact search over a window (see `windowPlan`).
            let quick = search.best(cost: cost)
            if let quick, search.cost(of: quick, price) < own - 1e-9 {
                proposal = quick
            } else if rules.caps.contains(where: { $0.map { $0 < rules.dayCount } ?? false }) {
                // Checked against the whole period's rules here, where it is cheap, rather than by GLPK's settle.
                proposal = windowPlan(rules, now: now, price: price, rng: &rng).flatMap { search.keeps($0) ? $0 : nil }
            } else {
                proposal = nil
            }
        } else {
            proposal = search.best(cost: cost)
        }
        if let plan = proposal {
            for (j, value) in book.values(of: plan, person: p) where (incumbent.values[j] > 0.5) != (value > 0.5) { assign[j] = value }
            if exact, search.cost(of: plan, price) > own - 1e-9 { assign = [:] }
        } else if debugSearch, !exact {
            // In an exact re-plan no plan only means none cheaper than the person's own (48,980 lines on Curtois 13).
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

    /// Over a long period, a sweep searches a window of this many days of a person's plan exactly, the rest held.
    static let windowDays = 28

    /// The cheapest plan that differs from `now` only in a window of days, if it is cheaper. The window is centred
    /// on a day off of the person's where working would gain (a short slot they may fill), drawn with odds in
    /// proportion to the gain; on any day when there is none.
    private func windowPlan(_ rules: PersonRules, now: [Int?], price: [[Double]], rng: inout SplitMix) -> [Int?]? {
        let gains = price.indices.map { d in now[d] == nil ? max(0, -(price[d].min() ?? 0)) : 0 }
        let total = gains.reduce(0, +)
        var centre = Int.random(in: 0..<rules.dayCount, using: &rng)
        if total > 0 {
            var draw = Double.random(in: 0..<total, using: &rng)
            for d in gains.indices { draw -= gains[d]; if draw < 0 { centre = d; break } }
        }
        let first = max(0, min(centre - Self.windowDays / 2, rules.dayCount - Self.windowDays))
        let window = PlanWindow(rules, plan: now, days: first..<min(rules.dayCount, first + Self.windowDays))
        let search = PersonPlan(rules: window.rules), cost = window.slice(price)
        let found = search.provenBest(cost: cost, below: search.cost(of: window.slice(now), cost) - 1e-9, nodeLimit: Self.sweepNodes,
                                      steps: Self.sweepSteps)
        return found.plan.map { window.merged($0, into: now) }
    }

    /// Keeps the rows' activity in step with assignment columns that change.
    mutating func account(_ assign: [Int: Double]) {
        for (j, value) in assign.sorted(by: { $0.key < $1.key }) {   // one order: the same sums in every process
            for k in priced(j) { activity[Int(pricedEntries[k].row)] += value > 0.5 ? pricedEntries[k].value : -pricedEntries[k].value }
        }
    }
}
