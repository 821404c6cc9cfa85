import Paiban

/// The searches built on re-planning one person at a time: the start roster, sweeps to a local optimum,
/// and kicks out of it.
extension PersonPlanner {
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

    /// A planned person's cell, not worked now, that would add to the row: of a few drawn at random, the one
    /// whose person's best plan through it costs them least more than their plan now, by their cell prices.
    private func filler(of row: Int, in values: [Double], rng: inout SplitMix) -> (p: Int, d: Int, t: Int)? {
        let cells = index.entryRange[row].compactMap { k -> (p: Int, d: Int, t: Int)? in
            let j = Int(model.linear.entryColumns[k]) - 1
            guard model.linear.entryValues[k] > 0, values[j] < 0.5, let cell = place[j], book.rules[cell.p] != nil else { return nil }
            return cell
        }
        let drawn = cells.shuffled(using: &rng).prefix(Self.fillerDraws)
        guard drawn.count > 1 else { return drawn.first }
        func extra(_ cell: (p: Int, d: Int, t: Int)) -> Double {
            var rules = book.rules[cell.p]!
            rules.fix(day: cell.d, shift: cell.t, worked: true)
            let price = costs(of: cell.p, in: values), search = PersonPlan(rules: rules)
            guard let plan = search.best(cost: price) else { return .infinity }
            return search.cost(of: plan, price) - search.cost(of: self.plan(of: cell.p, in: values), price)
        }
        // Each cell's extra once: it runs the programme, and a comparison would ask for it again.
        return drawn.map { ($0, extra($0)) }.min { $0.1 < $1.1 }?.0
    }

    /// Cells drawn per filling. Curtois 13 at 30 s, 1 thread, seeds 1-4: 3537-4218 with 3, 4077-4426 with 1
    /// (every seed better with 3); 4157-4290 with 8 (seeds 1-2).
    static let fillerDraws = 3

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
