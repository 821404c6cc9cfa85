import Foundation
import Paiban

/// Builds the integer program for a scenario, solves it with GLPK (greedy start, then
/// large-neighbourhood search, with the LP relaxation as the bound), and audits the roster before
/// returning it. One call is one synchronous solve on the calling thread: GLPK's memory belongs to
/// the thread that allocates it.
public enum Solver {
    public static func solve(_ scenario: Scenario, options: SolveOptions = SolveOptions()) throws -> SolveResult {
        let entered = Date()
        // The plain model gives the bound (its LP relaxation) and proves infeasibility; the search runs on
        // the elastic model, where every hard row may give at a high price, so that it always holds a
        // roster and drives the broken hard rules out of it.
        let model = RosterModel(scenario, elastic: true)
        let buildSeconds = Date().timeIntervalSince(entered)
        // What follows the deadline (the last settle, the audit, the caller's files) grows with the model like
        // its build: the search stops that much earlier (Curtois Instance24: a 7 s build, 2.5 s after the
        // deadline; the whole command took 65 s of a 60 s limit, counting the 2.5 s of reading the instance).
        let wallSeconds = options.timeLimit - 0.4 * buildSeconds
        let deadline = options.workLimit.map { Deadline(start: options.clockStart ?? entered, work: $0, wallSeconds: wallSeconds) }
            ?? Deadline(start: options.clockStart ?? entered, seconds: wallSeconds)
        // On a work clock this thread counts its work in a lane of its own (and leaves it when the solve returns).
        let outer = WorkLane.current
        WorkLane.current = deadline.work.map(WorkLane.root)
        defer { WorkLane.current = outer }
        // No GLPK call of the search runs past its end, nor one of the last settle past the user's limit.
        let outerStop = WallStop.current
        WallStop.current = deadline.start.addingTimeInterval(wallSeconds)
        defer { WallStop.current = outerStop }
        if debugSearch { debugLog(String(format: "built the elastic model in %.1fs", buildSeconds)) }
        // The LP relaxation (the bound) and the start roster do not depend on each other: with two threads
        // they are computed side by side. The bound may take at most a third of the time: on the largest
        // models (a year, 150 people) the LP alone can take longer than the whole limit, and a roster
        // without a bound beats none.
        let relaxation = RelaxationBox()
        let book = PersonRuleBook(model)
        let lpSeconds = max(1, min(deadline.remaining, options.budget / 3))
        // GLPK's load of the plain model cannot be stopped, and on the largest models it outlasts a short share:
        // about 2.7 build-times with the other thread busy (Curtois 24 at a 20 s limit: from 5.7 s to 21.2 s, and
        // the search's end waited for it). Where the share is shorter than that, the solve seeks no bound.
        let seeksBound = lpSeconds >= 2.5 * buildSeconds
        @Sendable func solveRelaxation() {
            let began = deadline.elapsed
            let plain = model.withoutSlacks()
            relaxation.plain = plain
            // Where the LP has no answer, the staff's totals still bound the cover (see TotalsBound), on this
            // thread, which has nothing else to do until the start is done (Curtois 24: 2.8 s, done at 29 s of
            // 60, before the start's kicks begin). A failure there leaves the solve without a bound.
            func withoutLP() {
                let began = deadline.elapsed
                let bound = deadline.passed ? nil : try? TotalsBound.bound(plain)
                if debugSearch { debugLog(String(format: "totals bound %.2f in %.3fs", bound ?? -1, deadline.elapsed - began)) }
                relaxation.set(.noSolution, bound, [:])
            }
            guard seeksBound else { return withoutLP() }
            do {
                let lp = try GLPKProblem(plain.linear)
                if let path = ProcessInfo.processInfo.environment["PAIBAN_DUMP_LP"] { lp.writeLP(to: path, names: plain.linear) }   // for glpsol and bug reports
                // GLPK's load counts against the LP's third too (Curtois Instance24: 8 s; timed from before the load,
                // the thread gave the search back at 45 s of 60, with no bound).
                // GLPK's simplex sets the whole basis up before it first reads its clock (Curtois Instance24: 3.7 s):
                // when the load has used up the LP's share, the solve goes on without a bound rather than past its limit.
                let left = lpSeconds - (deadline.elapsed - began)
                guard left > 0, !deadline.passed else { return withoutLP() }
                let outcome = try lp.solveLP(timeLimit: max(1, left))
                if outcome == .noSolution { return withoutLP() }
                let terms = debugSearch && outcome == .optimal ? plain.linear.termValues(lp.lpValues) : [:]
                var bound = outcome == .optimal ? lp.lpObjective : nil
                if let root = bound {
                    // A failure in this extra step leaves the LP's bound; it must not fail the solve.
                    do {
                        bound = try AggregateBranching.bound(lp, model: plain.linear, rootValue: root, deadline: deadline,
                                                             seconds: max(1, lpSeconds - (deadline.elapsed - began)))
                    } catch {
                        if debugSearch { debugLog("aggregate branching failed: \(error)") }
                    }
                    if debugSearch, bound != root { debugLog(String(format: "aggregate branching: bound %.2f to %.2f", root, bound!)) }
                }
                relaxation.set(outcome, bound, terms)
            } catch { relaxation.fail(error) }
        }
        var search = Search(model: model, deadline: deadline, options: options, bound: nil, book: book)
        var started: Result<Incumbent, Error> = .failure(SolverError.glpkFatal("no start"))
        if options.threads >= 2 {
            let box = StartBox()
            // The start runs on this very thread (k == 0 of onThreads), where its GLPK problem was made.
            let starter = search
            onThreads(2, clock: deadline.work) { k in if k == 1 { solveRelaxation() } else { box.result = Result { try starter.start(searchUntil: { relaxation.finished }) } } }
            started = box.result
        } else {
            solveRelaxation()
            started = Result { try search.start(searchUntil: { true }) }
        }
        if let error = relaxation.error { throw error }
        let plain = relaxation.plain!
        let feasible = relaxation.outcome != .infeasible
        // Every bound is rounded up where it is found, whichever part of the solve found it (see `roundedBound`).
        search.bound = relaxation.bound.map(plain.linear.roundedBound)
        if debugSearch, relaxation.bound != nil { debugLog("LP bound by term: \(relaxation.terms)") }
        search.report("bound", nil)
        var incumbent = try started.get()
        if feasible, !deadline.passed { try search.improve(&incumbent, plain: plain) }
        // Whether the wall clock cut a reproducible search short: read now, not after the settle and the audit.
        search.wallStopped = deadline.wallPassed
        if debugSearch { debugLog(String(format: "search ended at %.1fs (wall %.1fs)", deadline.elapsed, deadline.wallElapsed)) }
        WallStop.current = deadline.start.addingTimeInterval(options.timeLimit)
        // Settling recomputes the helpers exactly: the parts leave numerical noise in them (1292.999999999995).
        let settled = try search.settler.settle(incumbent.values, deadline: deadline) ?? incumbent
        if debugSearch { debugLog(String(format: "settled at %.1fs", deadline.elapsed)) }
        if model.breaksHardRows(settled.values) || !feasible {
            return search.explain(settled, size: plain.size, buildSeconds: buildSeconds, proven: !feasible)
        }
        return try search.finish(settled, size: plain.size, buildSeconds: buildSeconds)
    }
}

/// The state one solve carries between its phases.
struct Search {
    let model: RosterModel
    let settler: Settler
    let deadline: Deadline
    let options: SolveOptions
    let index: ModelIndex
    /// Who the person-by-person programme can plan (the same cells and rows in the plain and elastic models).
    let book: PersonRuleBook
    var bound: Double?
    /// On a work clock: the wall clock stopped the search (the run is not reproducible).
    var wallStopped = false

    init(model: RosterModel, deadline: Deadline, options: SolveOptions, bound: Double?, book: PersonRuleBook) {
        self.bound = bound
        self.book = book
        self.model = model
        self.deadline = deadline
        self.options = options
        index = ModelIndex(model.linear)
        settler = Settler(model: model.linear, index: index, decisions: model.x.decisions)
    }

    func report(_ phase: String, _ incumbent: Double?) {
        options.progress?(SearchProgress(phase: phase, elapsed: deadline.elapsed, incumbent: incumbent, bound: bound))
    }

    /// The start roster, built and settled: by the person-by-person programme when it plans everyone
    /// (person after person against the cover the others leave open; the day-by-day greedy would only cost
    /// time, Curtois Instance24: 16 s), else the best of a few greedy constructions (they differ in how early
    /// people who fall behind on hours are made to work). Elastic slack absorbs whatever it breaks.
    private func construct(_ planner: inout PersonPlanner, rng: inout SplitMix) throws -> Incumbent {
        var best: Incumbent?
        let planned = book.rules.allSatisfy { $0 != nil }
        if planned {
            let values = planner.construct(order: Array(book.rules.indices).shuffled(using: &rng))
            best = try settler.settle(values, deadline: deadline)
            if debugSearch { debugLog(String(format: "planned start settled at %.1fs: %.0f", deadline.elapsed, best?.objective ?? -1)) }
        }
        // The greedy is also the fallback if the planned start cannot be settled.
        for urgent in [0.6, 0.7, 0.8, 0.9] where !planned || best == nil {
            let roster = GreedyStart(model: model, urgent: urgent).roster()
            // nil: the settle's MIP (meal round counts) ran out of time; the next variant may do better.
            guard let start = try settler.settle(roster, deadline: deadline) else { continue }
            if best == nil || start.objective < best!.objective { best = start }
            if debugSearch { debugLog(String(format: "greedy %.1f settled at %.1fs: %.0f", urgent, deadline.elapsed, start.objective)) }
            // On the largest models one variant takes seconds (Curtois Instance24: 12 s); the search needs the time more.
            if deadline.elapsed > options.budget / 4 { break }
        }
        guard let best else { throw SolverError.glpkFatal("the elastic model has no solution") }
        return best
    }

    /// The start roster (see `construct`), repaired, and then improved by the search until `searchUntil`
    /// says the other thread is done.
    func start(searchUntil: () -> Bool) throws -> Incumbent {
        var repair = NeighbourhoodSearch(model: model, index: index, seed: options.seed)
        var planner = PersonPlanner(model: model, book: book, index: index, subproblem: repair.subproblem)
        var rng = SplitMix(seed: options.seed &* 0x9E37_79B9_7F4A_7C15 &+ 1)
        var start = try construct(&planner, rng: &rng)
        repair.stepSeconds = 1
        // People the dynamic programme can plan are re-planned by it first, those who break hard rules
        // before the others; GLPK re-plans whoever still breaks one.
        let kept = try planner.sweep(&start, first: repair.breakers(start).sorted(), rounds: 100, deadline: deadline,
                                     rng: &rng, stop: { deadline.elapsed > options.budget / 2 })
        if debugSearch { debugLog(String(format: "planner kept %d plans by %.1fs: %.0f", kept, deadline.elapsed, start.objective)) }
        try repair.repairPeople(&start, deadline: deadline)
        report("start", start.objective)
        if !searchUntil(), Search.kicksPeople(model, book) {
            try planner.kickAndSweep(&start, shared: SharedIncumbent(start), deadline: deadline, rng: &rng, done: searchUntil)
        } else if !searchUntil() {
            repair.stepSeconds = NeighbourhoodSearch.partSeconds
            try repair.improve(&start, shared: SharedIncumbent(start), deadline: deadline,
                               done: { _ in searchUntil() }, report: { report("search", $0.objective) })
        }
        if debugSearch {
            let findings = Audit.run(model.roster(from: start.values), in: model.scenario).hardFindings
            for (rule, n) in Dictionary(grouping: findings, by: \.rule).mapValues(\.count) { debugLog("start breaks \(rule) \(n)x") }
            for f in findings.prefix(5) { debugLog("  \(f.message)") }
        }
        return start
    }

    /// Whether the search kicks and sweeps whole people (PersonPlanner) rather than cutting out GLPK parts:
    /// when the programme plans everyone and the model is past what GLPK's parts handle well alone. Measured on
    /// Curtois, 30 s: Instance10 4914 against 5329, Instance13 4690 against 10,832, Instance20 6568
    /// against 8906; on the small instances (1-7, up to 1,483 columns) the parts reach the best known. (Past
    /// column generation's reach a second thread runs the parts beside the kicks: see `improve`.) Up to the
    /// branch-and-cut's size, where column generation runs on the other thread, the second thread runs the
    /// parts: column generation's dives often end a shift or two short (+100 each), which a part of everyone
    /// over a few days repairs and a kick rarely does (Curtois 8 at 60 s, seeds 1-10: 1304-1313 but one 1407,
    /// against 1305-1315 but 1404, 1405 and 1407 with kicks; 16, seeds 1-4, a wash: 3230-3249 against
    /// 3228-3245). Alone, without column generation, the kicks did better on 8: 1977 against 2349.
    static let kickColumns = exactColumns

    static func kicksPeople(_ model: RosterModel, _ book: PersonRuleBook) -> Bool {
        model.x.decisions.count > kickColumns && book.rules.allSatisfy { $0 != nil }
    }

    /// Whether the search may stop: every hard rule kept and the gap to the bound small enough.
    static func closed(_ incumbent: Incumbent, bound: Double?, gap: Double, model: RosterModel) -> Bool {
        guard let bound, !model.breaksHardRows(incumbent.values) else { return false }
        return relativeGap(incumbent.objective, bound) <= gap
    }

    /// Whether every thread may stop: the best roster is proven optimal, or within the gap of the best bound.
    static func finished(_ shared: SharedIncumbent, gap: Double, model: RosterModel) -> Bool {
        shared.proven || closed(shared.current, bound: shared.bound, gap: gap, model: model)
    }

    /// Runs the neighbourhood search on `options.threads` threads, each with its own seed, sharing the best
    /// roster. The threads see only value types; the GLPK problem of this search stays on this thread.
    mutating func improve(_ incumbent: inout Incumbent, plain: RosterModel) throws {
        let shared = SharedIncumbent(incumbent)
        // Every thread stops on one test against one bound: the LP's, raised by whatever the proving thread finds.
        if let bound { shared.bound(bound, proven: false) }
        let (model, index, options, deadline, bound, book, settler) = (model, index, options, deadline, bound, book, settler)
        // With two threads or more, one of them works on proving: column generation by person where the
        // model decomposes (every hard rule is one person's), else branch-and-cut on small models.
        let decomposes = options.threads >= 2 && plain.x.decisions == model.x.decisions
        let handoff = GenerationBox()
        onThreads(options.threads, clock: deadline.work) { k in
            let proving = model.x.decisions.count <= (decomposes ? Self.pricedColumns : Self.exactColumns)
            if k == 0, proving, options.threads >= 2 {
                do {
                    if decomposes, try Search.priceAndBranch(model: model, plain: plain, book: book, settler: settler, shared: shared, deadline: deadline, gap: options.gap,
                                                                   seed: options.seed, handoff: handoff) { return }
                    if model.x.decisions.count <= Self.exactColumns {
                        try Search.branchAndCut(model: model, shared: shared, deadline: deadline, gap: options.gap)
                        return
                    }
                } catch {
                    shared.fail(error)
                    return
                }
            }
            var lns = NeighbourhoodSearch(model: model, index: index, seed: options.seed &+ UInt64(k))
            let progress = { (objective: Double) in
                options.progress?(SearchProgress(phase: "search", elapsed: deadline.elapsed, incumbent: objective, bound: bound))
            }
            var own = shared.current
            let finished = { Search.finished(shared, gap: options.gap, model: model) }
            do {
                // Where no thread proves, the second one runs GLPK's parts beside the first one's kicks: a part of
                // everyone over a day or two, or of a few people on scattered days, moves shifts between people,
                // which a kick does one forced shift at a time (Curtois at 60 s, one run each: 20 at 5437 and 5595
                // against 5926, 21 at 23751 against 24697, 13 at 3151 and 3164 against 3369; 22-24 within the
                // spread of runs). With one thread, the kicks alone.
                if Search.kicksPeople(model, book), proving || k % 2 == 0 {
                    var planner = PersonPlanner(model: model, book: book, index: index, subproblem: lns.subproblem)
                    var rng = SplitMix(seed: (options.seed &+ UInt64(k)) &* 0x9E37_79B9_7F4A_7C15)
                    try planner.kickAndSweep(&own, shared: shared, deadline: deadline, rng: &rng,
                                             done: finished)
                    return
                }
                // Where this thread searches with GLPK's parts, it joins the column generation's parts once that has
                // converged: GLPK's parts find little after the first seconds (Curtois Instance7: none after 15 s).
                let joins = k > 0 && proving && decomposes
                try lns.improve(&own, shared: shared, deadline: deadline,
                                done: { _ in finished() || joins && handoff.generation != nil },
                                report: { _ in progress(shared.current.objective) })
                if joins, let generation = handoff.generation, !finished() {
                    try Search.joinParts(generation, model: model, plain: plain, settler: settler, shared: shared, deadline: deadline,
                                         gap: options.gap, seed: options.seed &+ UInt64(k))
                }
            } catch {
                shared.fail(error)
            }
        }
        if let error = shared.error { throw error }
        incumbent = shared.current
        // Every bound the threads share is rounded already, where it was found (the LP's above, the column
        // generation's in `raise`, the tree's in `branchAndCut`).
        if let tree = shared.bound { self.bound = max(self.bound ?? tree, tree) }
        if shared.proven { self.bound = incumbent.objective }
    }

    /// Audits the settled roster and checks that the audit prices it exactly as the objective does.
    func finish(_ settled: Incumbent, size: ModelSize, buildSeconds: Double) throws -> SolveResult {
        let roster = model.roster(from: settled.values)
        let audit = Audit.run(roster, in: model.scenario)
        if let broken = audit.hardFindings.first {
            throw SolverError.auditDisagrees("the solved roster breaks a hard rule: \(broken.message)")
        }
        var terms = model.linear.termValues(settled.values)
        terms[LinearModel.elasticTerm] = nil
        for rule in Set(terms.keys).union(audit.penalties.keys) {
            let solver = terms[rule] ?? 0, audited = audit.penalties[rule] ?? 0
            if abs(solver - audited) > 1e-6 * max(1, abs(audited)) {
                throw SolverError.auditDisagrees("\(rule) costs \(solver) in the objective but \(audited) in the audit")
            }
        }
        let gap = bound.map { relativeGap(settled.objective, $0) }
        let proven = gap == 0
        return SolveResult(status: proven ? .optimal : .feasible, roster: roster, objective: settled.objective, bound: bound,
                           gap: gap, terms: terms, audit: audit, explanation: [], modelSize: size,
                           buildSeconds: buildSeconds, solveSeconds: deadline.wallElapsed - buildSeconds,
                           stoppedBy: proven ? "proven optimal" : (gap ?? 1) <= options.gap ? "gap reached" : deadline.work != nil && !wallStopped ? "work limit" : "time limit")
    }

    /// No roster keeps every hard rule (proven when the LP relaxation is infeasible, else none was found in
    /// time). The closest roster's audit names the people and days; rows that gave but that the audit
    /// words differently are listed by their origin.
    func explain(_ settled: Incumbent, size: ModelSize, buildSeconds: Double, proven: Bool) -> SolveResult {
        let roster = model.roster(from: settled.values)
        var explanation = Audit.run(roster, in: model.scenario).hardFindings
        let named = Set(explanation.map { "\($0.rule)|\($0.person ?? -1)" })
        let violations = model.linear.violations(in: settled.values)
        for (i, row) in model.linear.rows.enumerated() where violations[i] > 1e-6 {
            guard let origin = row.origin, !named.contains("\(origin.rule)|\(origin.person ?? -1)") else { continue }
            explanation.append(Finding(rule: origin.rule, severity: .hard, person: origin.person, days: origin.days, text: origin.text))
        }
        return SolveResult(status: .infeasible, roster: nil, objective: nil, bound: nil, gap: nil, terms: [:], audit: nil,
                           explanation: explanation, modelSize: size, buildSeconds: buildSeconds,
                           solveSeconds: deadline.wallElapsed - buildSeconds,
                           stoppedBy: proven ? "infeasible (proven by the LP relaxation)" : "no roster keeping every hard rule found within the time limit")
    }
}

extension LinearModel {
    /// How far each row is from holding once its elastic slack columns are left out.
    func violations(in values: [Double]) -> [Double] {
        var activity = Array(repeating: 0.0, count: rows.count)
        for k in entryRows.indices {
            let j = Int(entryColumns[k]) - 1
            if columns[j].term != LinearModel.elasticTerm { activity[Int(entryRows[k]) - 1] += entryValues[k] * values[j] }
        }
        return rows.indices.map { i in
            max(rows[i].lower.map { $0 - activity[i] } ?? 0, rows[i].upper.map { activity[i] - $0 } ?? 0, 0)
        }
    }
}
