import Foundation
import Paiban

/// Dantzig-Wolfe decomposition by person ("price and branch"). The master chooses one whole schedule
/// per person and prices the coupling rows (cover); each person's pricing problem is that person's part
/// of the roster model, a small GLPK MIP whose costs are lowered by what the master's duals pay for
/// cover. Its LP bound is far stronger than the plain model's, where cover can be split across people
/// by fractions (Curtois Instance2: 828 against 735), and dives and branch-and-price over parts of the
/// roster (`CellDive`, `ScheduleNeighbourhoods`) turn it into rosters. Runs on one thread beside the
/// neighbourhood search and trades rosters with it.
struct ColumnGeneration {
    struct Schedule: Hashable {
        /// Values of the person's columns, in the order of `parts.columns[p]`.
        var values: [Double]
        /// Original objective of those columns.
        var cost: Double
    }

    let model: LinearModel
    let index: ModelIndex
    let parts: PersonDecomposition
    /// Each column's entries in coupling and master rows: (master row position, coefficient).
    private let masterEntries: [[(row: Int, value: Double)]]
    private(set) var schedules: [[Schedule]]
    private var known: [Set<Schedule>]
    /// The best lower bound proven so far (a Lagrangian bound while pricing, the master LP once converged),
    /// rounded up where costs are whole numbers.
    private(set) var bound: Double?
    /// No schedule priced below zero any more, or, with whole-number costs, none could raise the bound, when
    /// this was set. It stays set after `forget`, whose master may lack schedules the root would take again:
    /// the bound holds, and the parts' nodes price what they need.
    private(set) var converged = false
    private(set) var stalled = false
    /// Each person's pricing problem, kept between rounds (GLPK problems of this thread).
    private var pricers: [Int: GLPKProblem] = [:]
    /// The person GLPK's next pricing pass starts with (a pass may stop early: see `pricingRound`).
    private var exactFrom = 0
    /// People the dynamic programme can plan are priced by its exact search first (`PersonPlan.exactBest`:
    /// a millisecond against GLPK's tenths of a second); GLPK prices them only where that search neither
    /// finds a schedule with a negative reduced cost nor proves that none exists, so that convergence, and
    /// the bound, rest on exact pricing. (With the programme's heuristic alone, Curtois Instance7 took 26 s
    /// to converge, nearly all of it GLPK's; with the search, 3-9 s.)
    private let book: PersonRuleBook?
    private var planned: [Double]
    /// Each person's resource prices at their last pricing, where the next starts (see `PersonPlan.exactBest`).
    private var pricesHint: [PersonPlan.Prices?]
    /// Per person, how many more pricings the table answers at once (`PersonPlan.provenBest`'s `tableFirst`):
    /// after the exact search runs out of nodes for someone, it mostly does again (Curtois 7, seed 1, 30 work s:
    /// the next pricing ran out in 9,249 of 10,278 cases, against 1,023 of 45,349 after a proven one), and the
    /// search's time is lost. After `tableFirstPricings` the search is tried again, since most of a pricing's
    /// answers are quicker by the search (0.4 ms against the table's 0.8 ms there) and people do come back to it:
    /// with the table for good once it was needed, the table soon answered nearly every pricing of 7.
    private var tableFirst: [Int]
    static let tableFirstPricings = 8
    /// People whose columns besides assignments cost nothing and sit in no master row (the counters of
    /// weekends worked): their problem's cost is that of their cells, and the programme's rules are all of it.
    /// (This rests on `PersonRuleBook`: every row of theirs with an origin is a planned rule, and the rows
    /// without one are "one shift a day" and the weekend counters' links. A new row without an origin in a
    /// person's part must be planned by the programme too, or its proofs would no longer hold.)
    /// Nothing in the master reads their helpers, so a schedule of theirs holds them at 0 (the settler sets
    /// them in a roster), and a plan needs no GLPK settle.
    private let freeHelpers: [Bool]
    /// The master LP, kept between rounds: new schedules join it as columns and each solve starts from
    /// the last basis (rebuilding it took most of a round: Curtois Instance13, 1.4 s of 2 by round 15). Only
    /// `forget` and `detached` drop it (`dropMaster`), to be rebuilt from `schedules` on next use.
    private var master: GLPKProblem?
    /// The master LP's column of each person's schedules, and the cells a dive has fixed, per person
    /// (schedules that differ from them are held at zero).
    private var masterColumn: [[Int]] = []
    private var fixedInMaster: [Fixing] = []
    /// The cells each person's GLPK pricing problem has fixed.
    private var fixedInPricer: [Int: Fixing] = [:]
    /// Each column's position among its person's columns (`parts.columns[p]`), -1 for master columns.
    let position: [Int]
    /// Whether every cost is a whole number (see `roundedBound`).
    let integralCosts: Bool

    init(model: LinearModel, index: ModelIndex, parts: PersonDecomposition, book: PersonRuleBook? = nil) {
        self.model = model
        self.index = index
        self.parts = parts
        self.book = book
        planned = [Double](repeating: 0, count: book == nil ? 0 : model.columns.count)
        pricesHint = Array(repeating: nil, count: parts.columns.count)
        tableFirst = Array(repeating: 0, count: parts.columns.count)
        var entries = [[(row: Int, value: Double)]](repeating: [], count: model.columns.count)
        for (n, i) in parts.masterRows.enumerated() {
            for k in index.entryRange[i] { entries[Int(model.entryColumns[k]) - 1].append((n, model.entryValues[k])) }
        }
        masterEntries = entries
        var position = [Int](repeating: -1, count: model.columns.count)
        for columns in parts.columns { for (k, j) in columns.enumerated() { position[j] = k } }
        self.position = position
        integralCosts = model.integralCosts
        schedules = Array(repeating: [], count: parts.columns.count)
        known = Array(repeating: [], count: parts.columns.count)
        freeHelpers = parts.columns.map { columns in
            book.map { book in columns.allSatisfy { book.isCell[$0] || (model.columns[$0].cost == 0 && entries[$0].isEmpty) } } ?? false
        }
    }

    var people: Int { parts.columns.count }

    /// A copy for another thread: the same schedules and bound, without this thread's GLPK problems (the
    /// master and the pricers are rebuilt on first use there; GLPK's memory is per thread).
    func detached() -> ColumnGeneration {
        var copy = self
        copy.dropMaster()
        copy.pricers = [:]
        copy.fixedInPricer = [:]
        return copy
    }

    var scheduleCount: Int { schedules.reduce(0) { $0 + $1.count } }

    // MARK: - Pricing

    /// Person p's part of the model, at the original costs; with `fixed`, the decision columns are fixed at
    /// those values (the helpers follow). Its columns are in the order of `parts.columns[p]`.
    func pricingModel(_ p: Int, fixed: [Double]? = nil, isDecision: [Bool] = []) -> LinearModel {
        var sub = LinearModel()
        var local = [Int: Int]()
        for j in parts.columns[p] {
            let c = model.columns[j]
            var lower = c.lower, upper = c.upper
            if let fixed, isDecision[j] { lower = fixed[j].rounded(); upper = lower }
            local[j] = sub.addColumn(c.name, lower: lower, upper: upper, integer: c.isInteger, cost: c.cost)
        }
        for i in parts.rows[p] {
            let row = model.rows[i]
            let terms = index.entryRange[i].map { (local[Int(model.entryColumns[$0]) - 1]!, model.entryValues[$0]) }
            sub.addRow(row.name, terms, lower: row.lower, upper: row.upper)
        }
        return sub
    }

    /// Person p's pricing problem for these duals: each column's cost lowered by what the master rows it
    /// appears in pay. The GLPK problem is made once per person and only its costs change from round to
    /// round, so each solve starts from the last basis. `programmeOnly`: GLPK prices only people the
    /// programme does not plan; for the others, nil unless the programme finds a new schedule below zero or
    /// proves the pricing. A proof comes back without values: `([], floor, true)`, nothing new to add.
    mutating func price(_ p: Int, duals: [Double], fixed: Fixing = [:], timeLimit: Double, programmeOnly: Bool = false) throws -> PricedSchedule? {
        let (model, masterEntries) = (self.model, self.masterEntries)
        let reduced = { (j: Int) in model.columns[j].cost - masterEntries[j].reduce(0.0) { $0 + duals[$1.row] * $1.value } }
        let dual = duals[parts.masterRows.count + p]
        // The programme's search is cut shorter where GLPK need not follow (see `exactBest`'s node counts).
        let (planned, floor, proven) = try plan(p, reducedCost: reduced, fixed: fixed, below: dual - 1e-6,
                                                nodeLimit: programmeOnly ? Self.quickNodes : Self.exactNodes)
        if let schedule = planned, schedule.objective - dual < -1e-6, !known[p].contains(self.schedule(p, values: schedule.values)) {
            return schedule
        }
        // The programme's search proved its schedule the cheapest, or its Lagrangian bound shows that none prices
        // below zero: that is as exact as GLPK's answer, in milliseconds. (A known schedule that prices below
        // zero sits at its upper bound: nothing to add.)
        if proven || floor - dual >= -1e-6 { return ([], floor, true) }
        if programmeOnly, book?.rules[p] != nil { return nil }
        let problem: GLPKProblem
        if let known = pricers[p] {
            problem = known
        } else {
            problem = try GLPKProblem(pricingModel(p))
            pricers[p] = problem
        }
        let before = fixedInPricer[p] ?? [:]
        for j in Set(before.keys).union(fixed.keys) where before[j] != fixed[j] {
            let value = fixed[j].map { $0 ? 1.0 : 0.0 }
            problem.setBounds(position[j], lower: value ?? model.columns[j].lower, upper: value ?? model.columns[j].upper)
        }
        fixedInPricer[p] = fixed
        problem.setCosts(parts.columns[p].map(reduced))
        return try Self.solve(problem, timeLimit: timeLimit)
    }

    /// The dynamic programme's schedule for person p at these reduced costs and fixed cells, with the helpers
    /// of the person's rows (if any) settled around it by GLPK; nil if the person is not planned by it or it
    /// finds none. `floor`: a lower bound on the reduced cost of every schedule of the person's, the
    /// programme's Lagrangian bound where the programme's rules are the person's whole problem (`freeHelpers`),
    /// else -infinity.
    private mutating func plan(_ p: Int, reducedCost: (Int) -> Double, fixed: Fixing, below: Double, nodeLimit: Int) throws
        -> (schedule: PricedSchedule?, floor: Double, proven: Bool) {
        guard let book, var rules = book.rules[p] else { return (nil, -.infinity, false) }
        let cost = book.cellOf[p].map { day in day.map { $0.map(reducedCost) ?? .infinity } }
        if !fixed.isEmpty {
            // A cell fixed at 0 is closed; one fixed at 1 is the only open cell of its day, which must be worked.
            for (d, day) in book.cellOf[p].enumerated() {
                for (t, j) in day.enumerated() {
                    guard let j, let worked = fixed[j] else { continue }
                    rules.fix(day: d, shift: t, worked: worked)
                }
            }
        }
        let search = PersonPlan(rules: rules), hint = pricesHint[p]
        let exact = search.provenBest(cost: cost, below: below, nodeLimit: nodeLimit, hint: hint, tableFirst: tableFirst[p] > 0)
        pricesHint[p] = exact.prices
        tableFirst[p] = tableFirst[p] > 0 ? tableFirst[p] - 1 : exact.byTable ? Self.tableFirstPricings : 0
        let floor = freeHelpers[p] ? exact.floor : -.infinity, proven = freeHelpers[p] && exact.proven
        var found = exact.plan
        // Without a hint the search started from the heuristic's own plan (`bestWithBound`): asking it again
        // would repeat the same runs.
        if found == nil, !exact.proven, hint != nil, let heuristic = search.best(cost: cost), search.cost(of: heuristic, cost) < below {
            // The search ran out of nodes before it met a schedule that keeps the counted rules; the heuristic
            // lands the minutes in their band by its own means, and any schedule below zero moves the master on.
            if debugSearch { debugLog("cg: heuristic schedule for person \(p)") }
            found = heuristic
        }
        guard let plan = found else { return (nil, floor, proven) }
        for (j, value) in book.values(of: plan, person: p) { planned[j] = value }
        let values: [Double]
        if freeHelpers[p] {
            // Nothing to settle: every row of the person's is one of the programme's rules (`PersonRuleBook`),
            // and building a GLPK problem per plan took most of a dive's step (Curtois Instance9: 40 ms a step
            // for 36 people; Instance7, whose weekend counters were settled, most of a dive's 12 s).
            values = parts.columns[p].map { book.isCell[$0] ? planned[$0] : 0 }
        } else {
            let problem = try GLPKProblem(pricingModel(p, fixed: planned, isDecision: book.isCell))
            guard let settled = try Self.solve(problem, timeLimit: 1) else { return (nil, floor, proven) }
            values = settled.values
        }
        let objective = zip(parts.columns[p], values).reduce(0.0) { $0 + reducedCost($1.0) * $1.1 }
        return ((values, objective, proven), floor, proven)
    }

    /// A person's cheapest schedule and its reduced cost (less the person's dual); `optimal`: no schedule costs
    /// less. No values: nothing new to add, and the objective is a lower bound (see `price`).
    typealias PricedSchedule = (values: [Double], objective: Double, optimal: Bool)

    /// Solves a person's problem; nil when GLPK finds no schedule in time.
    private static func solve(_ problem: GLPKProblem, timeLimit: Double) throws -> PricedSchedule? {
        let outcome = try problem.solveMIP(timeLimit: timeLimit, gap: 0, start: nil, cuts: false)
        guard outcome == .optimal || outcome == .feasible else { return nil }
        return (problem.mipValues, problem.mipObjective, outcome == .optimal)
    }

    /// Person p's schedule of these column values, as the master knows it (values rounded to 1e-6).
    private func schedule(_ p: Int, values: [Double]) -> Schedule {
        let cost = zip(parts.columns[p], values).reduce(0.0) { $0 + model.columns[$1.0].cost * $1.1 }
        let kept = freeHelpers[p] ? zip(parts.columns[p], values).map { book!.isCell[$0.0] ? $0.1 : 0 } : values
        return Schedule(values: kept.map { ($0 * 1e6).rounded() / 1e6 }, cost: cost)
    }

    /// Adds a schedule unless it is known; returns whether it was new.
    @discardableResult
    mutating func add(_ p: Int, values: [Double]) -> Bool {
        let schedule = schedule(p, values: values)
        guard known[p].insert(schedule).inserted else { return false }
        schedules[p].append(schedule)
        if let master {
            let free = agrees(schedule, with: fixedInMaster[p])
            masterColumn[p].append(master.addColumn(lower: 0, upper: free ? 1 : 0, cost: schedule.cost, entries: entries(p, schedule)))
        }
        return true
    }

    // MARK: - Forgetting

    /// How many schedules a person may hold before their oldest are forgotten (see `forget`).
    static let schedulesKept = 300

    /// Forgets the oldest schedules of everyone holding more than `beyond`: each keeps their newest
    /// `beyond / 2` and any schedule of the given rosters (decision values). Without it the master would hold
    /// every schedule ever priced, and every GLPK simplex call sets its working problem up over all of them: on Curtois 7
    /// they grow to 7,000 (215,000 matrix entries) in a minute, the master's solves are two thirds of the CPU,
    /// and a solve took 5 ms at 10 s and 15 ms at 50 s. With 300 (session 17; a master rebuilt about every
    /// 2 s), the master keeps its pace in long runs: 7 at 150 s (seed 3, two runs side by side) made 1,459,
    /// 1,381, 1,379 and 1,434 master solves in its 30-second spans from 30 s, against 1,522, 1,293, 993 and
    /// 1,049 without. Within a minute it is a wash: 6,493 and 6,465 solves against 6,657 and 5,807 (seeds 1-2),
    /// and at `--work-limit 60`, seeds 1-24, 1056 in 11 runs against 10. The master is rebuilt on its next use,
    /// without a basis; a forgotten schedule that prices below zero again joins it again. Called between
    /// parts, where no dive holds a person's schedule positions.
    mutating func forget(keeping rosters: [[Double]], isDecision: [Bool], beyond: Int = schedulesKept) {
        precondition(beyond >= 2, "everyone must keep a schedule")
        guard schedules.contains(where: { $0.count > beyond }) else { return }
        for p in 0..<people where schedules[p].count > beyond {
            let oldest = schedules[p].count - beyond / 2
            let held = rosters.map { fixing(p, of: $0, isDecision: isDecision) }
            let kept = schedules[p].enumerated().filter { n, schedule in
                n >= oldest || held.contains { agrees(schedule, with: $0) }
            }.map(\.element)
            schedules[p] = kept
            known[p] = Set(kept)
        }
        dropMaster()
        if debugSearch { debugLog("cg: forgot down to \(scheduleCount) schedules") }
    }

    /// Drops the GLPK master; `keptMaster` builds it again from `schedules` on its next use.
    private mutating func dropMaster() {
        master = nil
        masterColumn = []
        fixedInMaster = []
    }

    /// Cells of one person fixed by a dive: column → worked (1) or not (0).
    typealias Fixing = [Int: Bool]

    /// Person p's cells as a roster (decision values) has them, as a fixing.
    func fixing(_ p: Int, of roster: [Double], isDecision: [Bool]) -> Fixing {
        Dictionary(uniqueKeysWithValues: parts.columns[p].filter { isDecision[$0] }.map { ($0, roster[$0] > 0.5) })
    }

    /// Whether a schedule agrees with these fixed cells.
    func agrees(_ schedule: Schedule, with fixed: Fixing) -> Bool {
        fixed.allSatisfy { (schedule.values[position[$0.key]] > 0.5) == $0.value }
    }

    /// Gives every person a schedule that agrees with their fixed cells, where none of the known ones does, so
    /// that the master LP under these fixings has a solution; false when some person has none at all (the
    /// programme proves it). A person the programme does not plan counts as covered.
    mutating func scheduleAgreeing(with fixed: [Fixing]) throws -> Bool {
        for p in 0..<people where !fixed[p].isEmpty && !schedules[p].contains(where: { agrees($0, with: fixed[p]) }) {
            guard book?.rules[p] != nil else { continue }
            // Not a pricing: the person's prices and turns with the table first stay as the pricings left them.
            let (hint, turns) = (pricesHint[p], tableFirst[p])
            defer { (pricesHint[p], tableFirst[p]) = (hint, turns) }
            let model = self.model
            let (found, _, proven) = try plan(p, reducedCost: { model.columns[$0].cost }, fixed: fixed[p], below: .infinity, nodeLimit: Self.exactNodes)
            guard let found else { if proven { return false } else { continue } }
            add(p, values: found.values)
        }
        return true
    }

    /// Adds every person's schedule in a full roster (the search's incumbent).
    mutating func add(roster values: [Double], isDecision: [Bool], deadline: Deadline) throws {
        for p in 0..<people where !deadline.passed {
            let problem = try GLPKProblem(pricingModel(p, fixed: values, isDecision: isDecision))
            if let solved = try Self.solve(problem, timeLimit: min(1, max(0.1, deadline.remaining))) { add(p, values: solved.values) }
        }
    }

    // MARK: - Master

    /// The master LP: master columns, one column per schedule, the coupling and master rows, and one
    /// "exactly one schedule" row per person.
    func masterModel() -> (model: LinearModel, lambda: [[Int]]) {
        var master = LinearModel()
        master.addConstant(model.constant, to: "constant")
        var terms = [[(Int, Double)]](repeating: [], count: parts.masterRows.count)
        for j in parts.masterColumns {
            let c = model.columns[j]
            let k = master.addColumn(c.name, lower: c.lower, upper: c.upper, integer: c.isInteger, cost: c.cost)
            for e in masterEntries[j] { terms[e.row].append((k, e.value)) }
        }
        var lambda = [[Int]](repeating: [], count: people)
        for p in 0..<people {
            for (n, schedule) in schedules[p].enumerated() {
                let k = master.addColumn("s_\(p)_\(n)", lower: 0, upper: 1, integer: false, cost: schedule.cost)
                lambda[p].append(k)
                for e in entries(p, schedule) where e.row < parts.masterRows.count { terms[e.row].append((k, e.value)) }
            }
        }
        for (n, i) in parts.masterRows.enumerated() {
            master.addRow(model.rows[i].name, terms[n], lower: model.rows[i].lower, upper: model.rows[i].upper)
        }
        for p in 0..<people { master.addRow("one_schedule_\(p)", lambda[p].map { ($0, 1.0) }, lower: 1, upper: 1) }
        return (master, lambda)
    }

    /// A schedule's column in the master: its share of every coupling and master row, and 1 in the person's
    /// "exactly one schedule" row (rows numbered as in `masterModel`).
    private func entries(_ p: Int, _ schedule: Schedule) -> [(row: Int, value: Double)] {
        var coefficients = [Int: Double]()
        for (j, v) in zip(parts.columns[p], schedule.values) where v != 0 {
            for e in masterEntries[j] { coefficients[e.row, default: 0] += e.value * v }
        }
        return coefficients.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } + [(parts.masterRows.count + p, 1)]
    }

    /// The kept master LP with the `fixed` cells applied through bounds (made on first use): a schedule that
    /// differs from its person's fixed cells is held at zero.
    mutating func keptMaster(fixed: [Fixing]?) throws -> GLPKProblem {
        if master == nil {
            let (model, lambda) = masterModel()
            master = try GLPKProblem(model)
            masterColumn = lambda
            fixedInMaster = Array(repeating: [:], count: people)
        }
        let problem = master!
        for p in 0..<people where fixedInMaster[p] != fixed?[p] ?? [:] {
            let cells = fixed?[p] ?? [:]
            for (n, k) in masterColumn[p].enumerated() { problem.setBounds(k, lower: 0, upper: agrees(schedules[p][n], with: cells) ? 1 : 0) }
            fixedInMaster[p] = cells
        }
        return problem
    }

    /// Pricing rounds until no schedule has a negative reduced cost, or the time is up. Every round in
    /// which every person's pricing was solved to optimality gives a Lagrangian lower bound.
    mutating func generate(until deadline: Deadline, seconds: Double) throws {
        let began = deadline.elapsed
        while !converged, deadline.elapsed - began < seconds, !deadline.passed {
            guard let round = try pricingRound(fixed: nil, exact: true, deadline: deadline), !deadline.passed else {
                stalled = true   // the master LP has no solution (a person without any schedule): give the thread back
                return
            }
            if round.exact { raise(round.lagrange) }
            if round.added == 0 {
                // Nothing new: the master LP is the decomposition's bound, if everyone was priced to optimality
                // (a pricing that stopped at its time limit may have missed a schedule).
                converged = true
                if round.exact { raise(round.master) }
            } else if round.exact, let bound, bound >= roundedBound(round.master) {
                // With whole-number costs the bound already rounds up to the master LP's value: more schedules
                // could only lower the master toward it, never raise the bound (Curtois Instance7: the last 1.6 s
                // of 8.4, rounds of one schedule each, from 1054.10 to 1054.08 with the bound at 1055 all along).
                converged = true
            }
            if debugSearch { debugLog(String(format: "cg %.1fs master %.2f lagrange %.2f added %d", deadline.elapsed, round.master, round.lagrange, round.added)) }
        }
    }

    /// One round: the master LP (with the `fixed` cells), then every person's pricing; schedules with a
    /// negative reduced cost join the master. The programme prices everyone it plans first; GLPK prices
    /// (exactly, for the bound and for convergence) only in a round where the programme found nothing for
    /// anyone, and only when `exact`: GLPK's pricing took most of a round's second (Curtois Instance7: 28 s
    /// to converge, or not within 47 s, depending on the search's rosters).
    mutating func pricingRound(fixed: [Fixing]?, exact pricesExactly: Bool, deadline: Deadline) throws -> Round? {
        let began = deadline.elapsed
        let problem = try keptMaster(fixed: fixed)
        let outcome = try problem.solveLP(timeLimit: max(1, deadline.remaining))
        let lambda = masterColumn
        guard outcome == .optimal else {
            // Under a dive's fixings an infeasible master is expected; without them it ends the generation.
            if debugSearch, fixed == nil { debugLog("cg: the master LP ended \(outcome)") }
            return nil
        }
        if debugSearch { debugLog(String(format: "cg master LP %.2fs", deadline.elapsed - began)) }
        let duals = problem.rowDuals, values = problem.lpValues
        let z = problem.lpObjective
        /// One pass over everyone: the programme's (`programmeOnly`), or GLPK's.
        func pass(programmeOnly: Bool) throws -> Round {
            var lagrange = z, allOptimal = true, added = 0
            let passBegan = deadline.elapsed
            for k in 0..<people {
                if deadline.passed { allOptimal = false; break }
                // GLPK's pass starts where the last one stopped, and stops once it has new schedules and has run
                // for a while (Curtois Instance9: 40 s for one pass over 36 people); the round is then not exact.
                let p = programmeOnly ? k : (exactFrom + k) % people
                if !programmeOnly, added > 0, deadline.elapsed - passBegan > Self.exactPassSeconds {
                    exactFrom = p
                    allOptimal = false
                    break
                }
                guard let priced = try price(p, duals: duals, fixed: fixed?[p] ?? [:], timeLimit: min(2, max(0.1, deadline.remaining)),
                                             programmeOnly: programmeOnly)
                else { allOptimal = false; continue }
                let reduced = priced.objective - duals[parts.masterRows.count + p]
                allOptimal = allOptimal && priced.optimal
                lagrange += min(0, reduced)
                if reduced < -1e-6, !priced.values.isEmpty, add(p, values: priced.values) { added += 1 }
            }
            return (z, lagrange, allOptimal, added, values, lambda)
        }
        // Without `exact`, the programme's pass only (GLPK prices whom it does not plan); with it, the
        // programme's pass if it plans anyone, and GLPK's when that found nothing.
        if book != nil || !pricesExactly {
            // A programme's pass that proved every person's pricing is as exact as GLPK's.
            let programme = try pass(programmeOnly: true)
            if programme.added > 0 || programme.exact || !pricesExactly { return programme }
        }
        return try pass(programmeOnly: false)
    }

    /// Nodes of the programme's exact search (`PersonPlan.exactBest`) per pricing: in a programme's pass, and
    /// before GLPK prices. On Curtois Instance7, proofs took 142 nodes at the median, 3,835 at the 90th
    /// percentile and 32,888 at the 99th (about 0.1 µs a node); a search cut short leaves the person to GLPK.
    static let quickNodes = 5_000
    static let exactNodes = 50_000

    /// Seconds after which GLPK's pricing pass stops once it has found a new schedule.
    static let exactPassSeconds = 2.0

    /// A round's master LP value, its Lagrangian bound (valid when `exact`), the schedules it added, and its
    /// solution: `values` by master column, `lambda` each person's schedules' columns when it was solved.
    typealias Round = (master: Double, lagrange: Double, exact: Bool, added: Int, values: [Double], lambda: [[Int]])

    private mutating func raise(_ value: Double) {
        let value = roundedBound(value)
        bound = max(bound ?? value, value)
    }

    /// The least a roster can cost where the master LP (or a Lagrangian bound) is `value` (see `LinearModel.roundedBound`).
    func roundedBound(_ value: Double) -> Double { LinearModel.roundedBound(value, integral: integralCosts) }

    /// The decision columns' values of a choice of schedules: a roster for the full model.
    func decisionValues(_ choice: [Int], isDecision: [Bool]) -> [Double] {
        var values = [Double](repeating: 0, count: model.columns.count)
        for p in 0..<people {
            for (j, v) in zip(parts.columns[p], schedules[p][choice[p]].values) where isDecision[j] { values[j] = v }
        }
        return values
    }
}
