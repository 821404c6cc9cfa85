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
    /// Dives in a row without a better roster before a small model's thread goes on to branch-and-cut.
    static let fruitlessDives = 4
    /// Steps back per dive, at most (see `ColumnGeneration.dive`).
    static let diveBacktracks = 20

    /// Column generation by person (see ColumnGeneration) until the deadline or a proof: it takes the
    /// search's rosters as schedules, raises the bound, and offers the master MIP's rosters back. Returns
    /// false when the model does not decompose by person, or when a small model should go on to
    /// branch-and-cut (the decomposition's bound is not always tight: Curtois Instance1, 558 against 607).
    static func priceAndBranch(model: RosterModel, plain: RosterModel, book: PersonRuleBook, settler: Settler, shared: SharedIncumbent,
                               deadline: Deadline, gap: Double) throws -> Bool {
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
        var isDecision = [Bool](repeating: false, count: plain.linear.columns.count)
        for j in plain.x.decisions { isDecision[j] = true }
        let integral = plain.linear.columns.allSatisfy { $0.cost == $0.cost.rounded() } && plain.linear.constant == plain.linear.constant.rounded()
        var generation = ColumnGeneration(model: plain.linear, index: index, parts: parts, book: book)
        func stop() -> Bool { deadline.passed || finished(shared, gap: gap, model: model) }
        var solvedMaster = false, dives = 0, fruitless = 0
        var rng = SplitMix(seed: 1)
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
            let before = generation.scheduleCount
            try generation.add(roster: current.values, isDecision: isDecision, deadline: deadline)
            let fresh = generation.scheduleCount > before
            if !generation.converged {
                try generation.generate(until: deadline, seconds: max(1, deadline.remaining / 4), integralCosts: integral)
            }
            if generation.stalled { return false }
            if let bound = generation.bound { shared.bound(bound, proven: false) }
            if solvedMaster, generation.converged, fruitless >= Self.fruitlessDives {
                // Neither the dives nor the master find better rosters. A small model goes on to branch-and-cut,
                // now pruned by the better bound; a large one waits for the search's next roster.
                if model.x.decisions.count <= exactColumns { return false }
                if !fresh { deadline.pause(0.2); continue }
            }
            func offer(_ choice: [Int], _ how: String) throws {
                let values = generation.decisionValues(choice, isDecision: isDecision)
                guard let settled = try settler.settle(values, deadline: deadline) else { return }
                shared.offer(settled)
                if debugSearch { debugLog(String(format: "cg %.1fs %@ %.1f bound %.2f", deadline.elapsed, how, settled.objective, generation.bound ?? -1)) }
            }
            // Dives come first: from the master LP they reach a good roster in seconds (Curtois Instance7: 1064
            // in 2 s, bound 1055, where the neighbourhood search sat at 1084). After the first, each dive picks
            // at random among the cells the LP works nearly most, so that it ends elsewhere.
            let best = shared.current.objective
            // What a dive node's LP must stay below: with whole-number costs a better roster costs at least 1 less.
            let cutoff = { shared.current.objective - (integral ? 1 - 1e-6 : 1e-6) }
            if let dived = try generation.dive(deadline: deadline, seconds: max(2, deadline.remaining / 4), isDecision: isDecision,
                                               noise: dives == 0 ? 0 : Self.diveNoise,
                                               backtracks: Self.diveBacktracks, rng: &rng, cutoff: cutoff) {
                try offer(dived, "dive")
            }
            dives += 1
            fruitless = shared.current.objective < best - 1e-6 ? 0 : fruitless + 1
            // Once the dives stop finding better rosters, the master MIP over the converged columns, once (Curtois
            // Instance6: 1957 in 18 s when the dives were slow). Since pricing is exact and fast, dives do better
            // first (Curtois 6 and 7 at 45 work s: 1950 and 1057 with the MIP left for later, 1951 and 1063 with it
            // at convergence, where it took a third of the time left).
            if generation.converged, !solvedMaster, fruitless >= Self.fruitlessDives, !stop(),
               let start = generation.choice(of: shared.current.values, isDecision: isDecision) {
                try generation.solveMaster(start: start, timeLimit: max(1, deadline.remaining / 3), deadline: deadline, stop: stop) {
                    try offer($0, "master MIP")
                }
                solvedMaster = true
                fruitless = shared.current.objective < best - 1e-6 ? 0 : fruitless
            }
        }
        return true
    }

    /// The whole elastic model by branch-and-cut, fed the search's best rosters, until it proves one
    /// optimal, the others close the gap, or time runs out. Its GLPK problem lives on this thread.
    static func branchAndCut(model: RosterModel, shared: SharedIncumbent, deadline: Deadline, gap: Double) throws {
        let problem = try GLPKProblem(model.linear)
        let feed = TreeFeed(better: { than in
            let best = shared.current
            return best.objective < than - 1e-7 ? (best.values, best.objective) : nil
        }, stop: { deadline.passed || Search.finished(shared, gap: gap, model: model) })
        let outcome = try problem.solveMIP(timeLimit: deadline.remaining, gap: 0, start: shared.current.values, feed: feed)
        if let bound = feed.bound { shared.bound(bound, proven: false) }
        if outcome == .optimal {
            shared.offer(Incumbent(values: problem.mipValues, objective: problem.mipObjective))
            shared.bound(problem.mipObjective, proven: true)
        }
    }
}
