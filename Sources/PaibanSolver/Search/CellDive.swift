import Foundation

/// Rounding the column generation's master LP to a roster: a dive on cells, with pricing at every step.
extension ColumnGeneration {
    /// Programme-priced rounds per dive node, at most (the LP settles within two or three), and exact rounds
    /// before a node is given up.
    static let diveRounds = 4

    /// Dives from the master LP to one schedule per person. Each step fixes one cell the LP works partly, the
    /// one it works most (with `noise`, a random one of those within `noise` of the most); the schedules that
    /// differ leave the master and everyone is priced again under their fixed cells. A cell whose fixing lifts
    /// the LP to `cutoff` (no roster below it could beat the best known) is fixed off instead, and the dive
    /// gives up when that lifts it too. Measured on Curtois Instance7 (bound 1055): fixing whole schedules (the
    /// person the LP nearly chooses) ended at 1267 and 1383; fixing every cell the LP works whole at once, at
    /// 1259 (the LP rose from 1060 over the last 40 cells); one cell at a time, at 1064 in 2 s.
    mutating func dive(deadline: Deadline, isDecision: [Bool], noise: Double, rng: inout SplitMix,
                       cutoff: () -> Double) throws -> [Int]? {
        var fixed = [Fixing](repeating: [:], count: people)
        defer { _ = try? keptMaster(fixed: nil) }
        guard var round = try node(fixed, cutoff: cutoff(), deadline: deadline) else { return nil }
        while !deadline.passed {
            let (worked, choice) = cellValues(round, isDecision: isDecision)
            let open = worked.filter { fixed[parts.columnOwner[$0.key]!][$0.key] == nil }
            if debugSearch {
                debugLog(String(format: "dive %.1fs master %.2f fixed %d open %d", deadline.elapsed, round.master,
                                fixed.reduce(0) { $0 + $1.count }, open.count))
            }
            if open.values.allSatisfy({ $0 > 1 - 1e-6 || $0 < 1e-6 }) { return choice }
            let fractional = open.filter { $0.value < 1 - 1e-6 }
            let top = fractional.values.max()!
            let cell = fractional.filter { $0.value >= top - noise }.map(\.key).sorted().randomElement(using: &rng)!
            var trial = fixed
            trial[parts.columnOwner[cell]!][cell] = true
            let limit = cutoff() - 1e-6
            if let on = try node(trial, cutoff: limit, deadline: deadline), on.master < limit {
                (fixed, round) = (trial, on)
                continue
            }
            // Worked, the cell lifts the LP to the cutoff: off, then, and if that does too, no roster under
            // these cells beats the best known.
            var off = fixed
            off[parts.columnOwner[cell]!][cell] = false
            guard let other = try node(off, cutoff: limit, deadline: deadline), other.master < limit else { return nil }
            (fixed, round) = (off, other)
        }
        return nil
    }

    /// A dive node: programme-priced rounds until nothing new prices below zero; then, if the LP is not below
    /// `cutoff` and the columns have converged, exact rounds, since the programme may miss the schedule that
    /// saves the node. Before convergence GLPK's pricing is what takes the time (Curtois Instance9: 27 s
    /// without finishing a round at the root), so a dive then prices with the programme alone.
    private mutating func node(_ fixed: [Fixing], cutoff: Double, deadline: Deadline) throws -> Round? {
        var round = try pricingRound(fixed: fixed, exact: false, deadline: deadline)
        for _ in 0..<Self.diveRounds where (round?.added ?? 0) > 0 && !deadline.passed {
            round = try pricingRound(fixed: fixed, exact: false, deadline: deadline)
        }
        for _ in 0..<Self.diveRounds where converged && (round.map { $0.master >= cutoff } ?? false) && !deadline.passed {
            round = try pricingRound(fixed: fixed, exact: true, deadline: deadline)
            if round?.added == 0 { break }
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
