import Foundation

/// Rounding the column generation's master LP to a roster: a dive on cells, with pricing at every step.
extension ColumnGeneration {
    /// Programme-priced rounds per dive node, at most (the LP settles within two or three), and exact rounds
    /// before a node is given up.
    static let diveRounds = 4

    /// Dives from the master LP to one schedule per person. Each step fixes one cell the LP works partly, the
    /// one it works most (with `noise`, a random one of those within `noise` of the most); the schedules that
    /// differ leave the master and everyone is priced again under their fixed cells. A cell whose fixing lifts
    /// the LP to `cutoff` (a node's LP must stay below it to hold a roster better than the best known) is fixed
    /// off instead; when that lifts it
    /// too, the dive steps back to the latest cell it fixed on whose other way is still untried, up to
    /// `backtracks` times, and gives up after that. Measured on Curtois Instance7 (bound 1055): fixing whole
    /// schedules (the person the LP nearly chooses) ended at 1267 and 1383; fixing every cell the LP works whole
    /// at once, at 1259 (the LP rose from 1060 over the last 40 cells); one cell at a time, at 1064 in 2 s.
    ///
    /// A dive should end within about `seconds`: once its first steps show how long a step takes, each step
    /// fixes as many of the cells the LP works most as that needs, one per person, or more where that is too few
    /// (see `batchFixing`; Curtois Instance12: 0.5 s a step before the columns converge, and 2,600 cells open).
    /// `seconds` infinite: one cell a step.
    ///
    /// `start`: cells fixed before the first step (a part of the roster, see `ScheduleNeighbourhoods`). Deep in
    /// such a search a person's fixed cells may agree with none of their known schedules, which would leave the
    /// master LP without a solution and the node wrongly dropped: with `repair`, the programme gives each such
    /// person a schedule first (at the original costs; pricing then does the rest).
    mutating func dive(deadline: Deadline, seconds: Double, isDecision: [Bool], noise: Double, backtracks: Int = 0,
                       rng: inout SplitMix, from start: [Fixing]? = nil, repair: Bool = false, cutoff: () -> Double) throws -> [Int]? {
        var fixed = start ?? [Fixing](repeating: [:], count: people)
        defer { _ = try? keptMaster(fixed: nil) }
        let began = deadline.elapsed
        var steps = 0
        guard var (_, round) = try firstBelow(cutoff(), [fixed], repair: repair, deadline: deadline) else { return nil }
        /// The cells fixed on whose other way has not been tried, with the fixings before each.
        var untried: [(fixed: [Fixing], cell: Int)] = []
        var stepsBack = 0
        /// Cells a person may get in one step, at most (see `batchFixing`).
        var shareCap = Int.max
        while !deadline.passed {
            let (worked, choice) = cellValues(round, isDecision: isDecision)
            let open = worked.filter { fixed[parts.columnOwner[$0.key]!][$0.key] == nil }
            if debugSearch {
                debugLog(String(format: "dive %.1fs master %.2f fixed %d open %d", deadline.elapsed, round.master,
                                fixed.reduce(0) { $0 + $1.count }, open.count))
            }
            let fractional = open.filter { $0.value >= 1e-6 && $0.value <= 1 - 1e-6 }
            guard let top = fractional.values.max() else { return choice }
            let cell = fractional.filter { $0.value >= top - noise }.map(\.key).sorted().randomElement(using: &rng)!
            steps += 1
            let batch = Self.batch(open: fractional.count, steps: steps, spent: deadline.elapsed - began, seconds: seconds)
            let share = min(shareCap, (batch + people - 1) / people)
            // The open cells, most worked first (ties by column), for both batches a step may try.
            let ranked = fractional.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }).map(\.key)
            let on = batchFixing(fixed, first: cell, ranked: ranked, batch: batch, share: share, choice: choice)
            let limit = cutoff()
            // A batch that lifts the LP to the cutoff is tried again with one cell per person, then as its first cell alone.
            var tries = [on]
            if share > 1 { tries.append(batchFixing(fixed, first: cell, ranked: ranked, batch: min(batch, people), share: 1, choice: choice)) }
            if on.cells > 1 { tries.append((fixing(fixed, cell, worked: true), 1)) }
            let below = try firstBelow(limit, tries.map(\.fixed), repair: repair, deadline: deadline)
            // A share that fails costs a node: the next steps ask for half as many, and twice as many after one that holds.
            if share > 1 { shareCap = below?.0 == on.fixed ? share * 2 : max(1, share / 2) }
            if let (tried, next) = below {
                untried.append((fixed, cell))
                (fixed, round) = (tried, next)
                continue
            }
            // Worked, the cell lifts the LP to the cutoff: off, then; if that does too, no roster under these
            // fixings beats the best known, and the other way of an earlier cell is next.
            var next: (fixed: [Fixing], round: Round)?
            var alternatives = [(fixed, cell)]
            while next == nil, !deadline.passed, let (before, earlier) = alternatives.popLast() {
                next = try firstBelow(limit, [fixing(before, earlier, worked: false)], repair: repair, deadline: deadline)
                if next == nil, stepsBack < backtracks, let last = untried.popLast() {
                    stepsBack += 1
                    alternatives.append(last)
                }
            }
            guard let next else { return nil }
            (fixed, round) = next
        }
        return nil
    }

    /// How many cells a step fixes (one per person at most): one for the first steps, then as many as it takes,
    /// at the pace so far, to fix the `open` cells within what is left of `seconds`.
    private static func batch(open: Int, steps: Int, spent: Double, seconds: Double) -> Int {
        guard steps >= 4 else { return 1 }
        let perStep = spent / Double(steps)
        return max(1, Int((Double(open) * perStep / max(0.1, seconds - spent)).rounded(.up)))
    }

    /// A step's cells fixed on: `first`, then the cells of `ranked` (the open cells, most worked first), `batch`
    /// in all. A person gets one cell a step, or, when a step must fix more cells than there are people, up to
    /// their share, all of them worked in the person's schedule of largest value, so that they fit together
    /// (two of a person's cells picked apart may not). With one cell per person, Curtois Instance19's first
    /// dive (84 days, 40 people, 5,800 cells open) fixed 40 cells a step and took 29 s of its 7.5.
    private func batchFixing(_ fixed: [Fixing], first: Int, ranked: [Int], batch: Int, share: Int, choice: [Int])
        -> (fixed: [Fixing], cells: Int) {
        let owner = parts.columnOwner
        func inChoice(_ j: Int) -> Bool {
            let p = owner[j]!
            return schedules[p][choice[p]].values[position[j]] > 0.5
        }
        var on = fixing(fixed, first, worked: true), count = 1
        var taken = [owner[first]!: inChoice(first) ? 1 : share]
        for j in ranked where count < batch && j != first {
            let p = owner[j]!, n = taken[p, default: 0]
            // A person's first cell may be any; more only where every one of theirs is in their chosen schedule.
            guard n == 0 || (n < share && inChoice(j)) else { continue }
            taken[p] = n == 0 && !inChoice(j) ? share : n + 1
            on = fixing(on, j, worked: true)
            count += 1
        }
        return (on, count)
    }

    /// The first of these fixings whose node's LP stays below `limit`, with its round.
    private mutating func firstBelow(_ limit: Double, _ tries: [[Fixing]], repair: Bool, deadline: Deadline) throws -> ([Fixing], Round)? {
        for fixed in tries where !deadline.passed {
            let round = try node(fixed, cutoff: limit, repair: repair, deadline: deadline)
            if let round, round.master < limit { return (fixed, round) }
        }
        return nil
    }

    /// These fixings with one more cell fixed.
    private func fixing(_ fixed: [Fixing], _ cell: Int, worked: Bool) -> [Fixing] {
        var fixed = fixed
        fixed[parts.columnOwner[cell]!][cell] = worked
        return fixed
    }

    /// A dive node: programme-priced rounds until nothing new prices below zero; then, if the LP is not below
    /// `cutoff` and the columns have converged, exact rounds, since the programme may miss the schedule that
    /// saves the node; a node is given up after those few rounds even if pricing goes on finding schedules (a
    /// heuristic, not a proof: pricing every node of a part to the end made parts slower and the rosters worse,
    /// Curtois Instance7 at 60 s, seeds 1-4: 1058-1060 against 1056-1058). Before convergence GLPK's pricing is
    /// what takes the time (Curtois Instance9: 27 s without finishing a round at the root), so a dive then
    /// prices with the programme alone.
    private mutating func node(_ fixed: [Fixing], cutoff: Double, repair: Bool, deadline: Deadline) throws -> Round? {
        if repair { guard try scheduleAgreeing(with: fixed) else { return nil } }
        var round = try pricingRound(fixed: fixed, exact: false, deadline: deadline)
        for _ in 0..<Self.diveRounds where (round?.added ?? 0) > 0 && !deadline.passed {
            round = try pricingRound(fixed: fixed, exact: false, deadline: deadline) ?? round
        }
        for _ in 0..<Self.diveRounds where converged && (round.map { $0.master >= cutoff } ?? false) && !deadline.passed {
            let exact = try pricingRound(fixed: fixed, exact: true, deadline: deadline)
            round = exact ?? round
            if (exact?.added ?? 0) == 0 { break }
            // Every schedule priced exactly: the Lagrangian bound, rounded, already shows that the node holds
            // nothing under the cutoff.
            if let exact, exact.exact, roundedBound(exact.lagrange) >= cutoff { break }
        }
        return round
    }

    /// How much the LP works each decision cell (the sum of its schedules' values), and each person's
    /// schedule of largest value.
    private func cellValues(_ round: Round, isDecision: [Bool]) -> (worked: [Int: Double], choice: [Int]) {
        var worked = [Int: Double](), choice = [Int](repeating: 0, count: people)
        for p in 0..<people {
            var most = -1.0
            for (n, k) in round.lambda[p].enumerated() where round.values[k] > 1e-9 {
                if round.values[k] > most { most = round.values[k]; choice[p] = n }
                for (j, v) in zip(parts.columns[p], schedules[p][n].values) where isDecision[j] && v > 0.5 {
                    worked[j, default: 0] += round.values[k]
                }
            }
        }
        return (worked, choice)
    }
}
