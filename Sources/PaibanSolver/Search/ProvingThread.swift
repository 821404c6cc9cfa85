import Foundation
import Paiban

/// What the second thread does while the first searches: work toward a proof (a better bound, or the
/// optimum itself), and hand its rosters to the search.
extension Search {
    /// Models up to this many assignment columns also get a branch-and-cut on the whole model, on one of
    /// the threads: GLPK proves the small benchmark instances optimal (Curtois 1-7: 112 to 1,344 columns)
    /// and its open nodes give a far better bound than the LP. Larger models leave both threads to the
    /// neighbourhood search (callcenter, 2,925 columns: the tree makes no progress in 30 s).
    static let exactColumns = 2_500
    /// Column generation by person goes up to this many assignment columns. Past it, pricing does not converge
    /// within a minute (Curtois Instance13, 41,371 columns: 30 rounds and no bound in 60 s), and a second
    /// thread searching gains more.
    static let pricedColumns = 20_000
    /// After the first dive, a dive fixes a random one of the cells the master LP works within this of the most.
    static let diveNoise = 0.1
    /// Parts in a row without a better roster before a thread that searches its own rosters starts again from a
    /// dive, and before the first thread's one branch-and-cut on a small model. (Measured with one thread of
    /// parts, Curtois Instance7 at 60 s, seeds 1-5, reached the best known 1056 in 3 runs with 16, none with 10
    /// and one with 24; with a second thread kicking after 6, in 3 of 10.)
    static let idleParts = 16
    /// How far below the roster the decomposition's bound must be for branch-and-cut to be tried.
    static let treeGap = 0.01
    /// Steps back per dive, at most (see `ColumnGeneration.dive`).
    static let diveBacktracks = 20
    /// A thread that searches its own rosters makes every `sidewaysEvery`-th part a sideways one: a cell its
    /// roster works in the part is fixed off, and a roster as good as its own is taken. The thread then walks a
    /// plateau of equal rosters, where strict parts stop at the first roster that no part improves (a better
    /// roster from a sideways part counts as a gain). Curtois Instance7, the best known 1056: at `--work-limit
    /// 60`, seeds 1-16, in 9 runs against 4 with strict parts only; at 60 wall seconds, seeds 1-10 the same day,
    /// 3 against 4. Weakly better over the 26 runs (0.73 above 1056 on average against 1.04).
    static let sidewaysEvery = 2

    /// Column generation by person (see ColumnGeneration) until the deadline or a proof: it takes the
    /// search's rosters as schedules, raises the bound, and offers its dives' and parts' rosters back; once
    /// converged, it hands itself to the other threads through `handoff`. Returns false when the model does
    /// not decompose by person or column generation cannot go on (the caller may then go on to branch-and-cut).
    static func priceAndBranch(model: RosterModel, plain: RosterModel, book: PersonRuleBook, settler: Settler, shared: SharedIncumbent,
                               deadline: Deadline, gap: Double, seed: UInt64, handoff: GenerationBox) throws -> Bool {
        let index = ModelIndex(plain.linear)
        guard let parts = PersonDecomposition(model: plain.linear, index: index, cells: plain.x.cells,
                                              people: plain.scenario.staff.count) else {
            if debugSearch { debugLog("cg: the model does not decompose by person") }
            return false
        }
        // Hard rows between people (lunch away limits) leave the master LP little stronger than the plain
        // LP, and its schedules rarely combine into a roster that keeps them (callcenter-lunch: the master
        // LP at 1371 after 17 s against the LP's 1367, no roster offered): the thread searches instead.
        if parts.masterRows.contains(where: { plain.linear.rows[$0].origin != nil }) {
            if debugSearch { debugLog("cg: hard rows span people") }
            return false
        }
        var branching = Branching(generation: ColumnGeneration(model: plain.linear, index: index, parts: parts, book: book),
                                  model: model, plain: plain, settler: settler, shared: shared, deadline: deadline, gap: gap, seed: seed)
        return try branching.run(handoff: handoff)
    }

    /// Another thread's share once the column generation has converged (see `GenerationBox`): parts along
    /// rosters of its own, each from a fresh dive, with its own seed, while the first thread's follow the best
    /// roster (Curtois Instance7 at 60 s, seeds 1-10: the best known 1056 in 7 runs, against 1 with the first
    /// thread's parts alone). The tree stays with the first thread.
    static func joinParts(_ generation: ColumnGeneration, model: RosterModel, plain: RosterModel, settler: Settler, shared: SharedIncumbent,
                          deadline: Deadline, gap: Double, seed: UInt64) throws {
        var branching = Branching(generation: generation, model: model, plain: plain, settler: settler, shared: shared,
                                  deadline: deadline, gap: gap, seed: seed, follows: false)
        _ = try branching.run(handoff: nil)
    }

    /// One thread's branch-and-price: dives from the master LP, then parts of the thread's own roster.
    private struct Branching {
        var generation: ColumnGeneration
        let model: RosterModel, plain: RosterModel, settler: Settler, shared: SharedIncumbent, deadline: Deadline, gap: Double
        var rng: SplitMix
        /// Whether the thread searches around the best roster of all threads (else around its own, from its
        /// dives). Only the thread that follows runs the tree.
        let follows: Bool
        var dives: Int, triedTree = false
        /// Parts searched, for the turns of sideways parts.
        var parts = 0

        init(generation: ColumnGeneration, model: RosterModel, plain: RosterModel, settler: Settler, shared: SharedIncumbent,
             deadline: Deadline, gap: Double, seed: UInt64, follows: Bool = true) {
            (self.generation, self.model, self.plain, self.settler, self.shared, self.deadline, self.gap, self.follows) =
                (generation, model, plain, settler, shared, deadline, gap, follows)
            rng = SplitMix(seed: seed &* 0x9E37_79B9_7F4A_7C15)
            // A thread that joins takes over converged columns: its rosters come from its own restart dives.
            dives = follows ? 0 : 1
        }

        mutating func run(handoff: GenerationBox?) throws -> Bool {
            var handoff = handoff
            var isDecision = [Bool](repeating: false, count: plain.linear.columns.count)
            for j in plain.x.decisions { isDecision[j] = true }
            let (model, shared, deadline, gap, settler) = (model, shared, deadline, gap, settler)
            let integral = generation.integralCosts
            func stop() -> Bool { deadline.passed || finished(shared, gap: gap, model: model) }
            var neighbourhoods = ScheduleNeighbourhoods(cells: plain.x.cells, days: plain.scenario.dayCount, people: generation.people)
            var own = shared.current, taken: [Double] = []
            // Whether the thread's roster comes from its own dive: a thread that does not follow the best starts from one.
            var descending = false
            let began = deadline.elapsed
            while !stop() {
                let current = shared.current
                guard !model.breaksHardRows(current.values) else {
                    // The master needs a roster that keeps every hard rule. While the search has none, this
                    // thread is better spent searching too (callcenter-lunch: 4896 against 2715 when it waited).
                    if generation.scheduleCount == 0, deadline.elapsed - began > 2 { return false }
                    deadline.pause(0.05)
                    continue
                }
                // Each of its schedules is settled by GLPK: only a roster not yet taken in.
                if current.values != taken {
                    try generation.add(roster: current.values, isDecision: isDecision, deadline: deadline)
                    taken = current.values
                }
                if !generation.converged {
                    try generation.generate(until: deadline, seconds: max(1, deadline.remaining / 4))
                }
                if generation.stalled { return false }
                if let bound = generation.bound { shared.bound(bound, proven: false) }
                @discardableResult func offer(_ choice: [Int], _ how: String) throws -> Incumbent? {
                    let values = generation.decisionValues(choice, isDecision: isDecision)
                    guard let settled = try settler.settle(values, deadline: deadline) else { return nil }
                    shared.offer(settled)
                    if debugSearch { debugLog(String(format: "cg %.1fs %@ %.1f bound %.2f", deadline.elapsed, how, settled.objective, generation.bound ?? -1)) }
                    return settled
                }
                // What a node's LP must stay below for a better roster: with whole-number costs, 1 less than the best.
                func below(_ objective: Double) -> Double { objective - (integral ? 1 - 1e-6 : 1e-6) }
                if generation.converged {
                    handoff?.post(generation)
                    handoff = nil
                }
                if generation.converged, dives >= 1 {
                    // Past the first dive, parts of the roster searched by branch-and-price (see ScheduleNeighbourhoods).
                    // A thread that follows the best roster takes it up whenever another thread has a better one; the
                    // others search rosters of their own, and when their parts stop gaining, start from a fresh dive.
                    if neighbourhoods.idle >= idleParts || !follows && !descending {
                        neighbourhoods.restarted()
                        if follows, model.x.decisions.count <= exactColumns, !triedTree, let bound = generation.bound,
                           bound < shared.current.objective * (1 - treeGap) {
                            // A small model's branch-and-cut may prove what the decomposition's bound cannot (Curtois
                            // Instance1: 558 against 607); half the time left, once. Where that bound is close, the tree,
                            // which starts from the plain LP's, proves nothing (Curtois 5-7: within 0.3%, 24 s lost on 7).
                            triedTree = true
                            try branchAndCut(model: model, shared: shared, deadline: deadline.within(deadline.remaining / 2), gap: gap)
                            continue
                        }
                        // A thread that follows the best goes on around it (a roster of its own would be dropped for
                        // the best at once); the others start again from a fresh dive and search on from its roster alone.
                        if !follows,
                           let dived = try generation.dive(deadline: deadline, seconds: max(2, deadline.remaining / 4),
                                                           isDecision: isDecision, noise: diveNoise, rng: &rng, cutoff: { .infinity }),
                           let settled = try offer(dived, "restart") {
                            own = settled
                            descending = true
                        }
                        continue
                    }
                    if follows, own.objective > shared.current.objective { own = shared.current }
                    // The oldest schedules go before a part, where no dive holds their positions (see `forget`).
                    generation.forget(keeping: [own.values, shared.current.values], isDecision: isDecision)
                    let around = own, follows = follows
                    let beat = { follows ? min(around.objective, shared.current.objective) : around.objective }
                    let sideways = !follows && parts % sidewaysEvery == sidewaysEvery - 1
                    parts += 1
                    if let found = try neighbourhoods.search(&generation, around: around.values, isDecision: isDecision, deadline: deadline,
                                                             rng: &rng, sideways: sideways, cutoff: { sideways ? beat() + 1e-6 : below(beat()) }),
                       let settled = try offer(found, sideways ? "sideways" : "part") {
                        if settled.objective < own.objective - 1e-9 { neighbourhoods.restarted() }
                        own = settled
                    }
                    continue
                }
                // Dives come first: from the master LP they reach a good roster in seconds (Curtois Instance7: 1064
                // in 2 s, bound 1055, where the neighbourhood search sat at 1084). Until the columns converge, each
                // later dive picks at random among the cells the LP works nearly most, so that it ends elsewhere.
                if let dived = try generation.dive(deadline: deadline, seconds: max(2, deadline.remaining / 4), isDecision: isDecision,
                                                   noise: dives == 0 ? 0 : diveNoise,
                                                   backtracks: diveBacktracks, rng: &rng, cutoff: { below(shared.current.objective) }) {
                    try offer(dived, "dive")
                }
                dives += 1
            }
            return true
        }
    }

    /// The whole elastic model by branch-and-cut, fed the search's best rosters, until it proves one
    /// optimal, the others close the gap, or time runs out. Its GLPK problem lives on this thread.
    static func branchAndCut(model: RosterModel, shared: SharedIncumbent, deadline: Deadline, gap: Double) throws {
        // GLPK gives its first LP a second whatever the limit: started at the deadline (column generation
        // gives up there), the tree ran a second past it (Curtois Instance8: 61.0 s of 60).
        guard !deadline.passed else { return }
        if debugSearch { debugLog(String(format: "branch-and-cut from %.1fs", deadline.elapsed)) }
        let problem = try GLPKProblem(model.linear)
        let feed = TreeFeed(better: { than in
            let best = shared.current
            return best.objective < than - 1e-7 ? (best.values, best.objective) : nil
        }, stop: { deadline.passed || Search.finished(shared, gap: gap, model: model) })
        let outcome = try problem.solveMIP(timeLimit: deadline.remaining, gap: 0, start: shared.current.values, feed: feed)
        if let bound = feed.bound { shared.bound(model.linear.roundedBound(bound), proven: false) }
        if outcome == .optimal {
            shared.offer(Incumbent(values: problem.mipValues, objective: problem.mipObjective))
            shared.bound(problem.mipObjective, proven: true)
        }
    }
}
