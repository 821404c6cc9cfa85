/// A small best-first branch-and-bound over the LP relaxation on sums of integer columns
/// (`LinearModel.aggregates`): such a sum is a whole number in every roster, so where the LP leaves it
/// fractional it is either at most its floor or at least its ceiling, and the lowest LP among the open
/// nodes is a bound on every roster. It branches on the sums only, never on single columns: a few LPs, each
/// going on from its parent's basis with the dual simplex.
///
/// Why: under "at most half away", a group's meal-shift count must be even on every day, and so must the
/// month's total. The LP spreads an odd total as halves over many days at no cost, and branching on any one
/// day's column only moves the half elsewhere (GLPK's own branch-and-cut, 150 s, left callcenter-lunch at
/// its LP bound of 1367). One branch on the total: 1392 below, 1438 above, and 1392 is the search's roster.
struct AggregateBranching {
    /// The most LPs to solve: the sums are few, and each LP of a large model takes a while.
    static let maxSolves = 16

    /// The raised bound: the lowest open node when the lowest is whole on every sum, the solve budget is
    /// spent or time runs out (a node being branched then counts with its own value); `rootValue` when
    /// nothing is fractional. `lp` holds the solved relaxation of `model`; rows for the sums are appended.
    static func bound(_ lp: GLPKProblem, model: LinearModel, rootValue: Double, deadline: Deadline, seconds: Double) throws -> Double {
        let sums = model.aggregates
        guard !sums.isEmpty else { return rootValue }
        let began = deadline.elapsed
        let rows = sums.map { lp.addRow($0.map { (column: $0, value: 1.0) }) }
        func values() -> [Double] {
            let x = lp.lpValues
            return sums.map { $0.reduce(0) { $0 + x[$1] } }
        }
        struct Node {
            var limits: [(lower: Double?, upper: Double?)]
            var value: Double
            var sums: [Double]
            var basis: (rows: [Int32], columns: [Int32])
        }
        var open = [Node(limits: Array(repeating: (nil, nil), count: sums.count), value: rootValue, sums: values(), basis: lp.basis)]
        var solves = 0
        func lowest(_ extra: Double? = nil) -> Double { (open.map(\.value) + [extra].compactMap { $0 }).min() ?? rootValue }
        while let best = open.indices.min(by: { open[$0].value < open[$1].value }) {
            let node = open[best]
            // The lowest node is whole on every sum: branching on the sums cannot raise it further.
            guard let k = node.sums.indices.first(where: { abs(node.sums[$0] - node.sums[$0].rounded()) > 1e-6 }) else { break }
            guard solves + 2 <= maxSolves else { break }
            open.remove(at: best)
            for side in [(lower: nil, upper: node.sums[k].rounded(.down)), (lower: node.sums[k].rounded(.up), upper: nil)] as [(lower: Double?, upper: Double?)] {
                var limits = node.limits
                limits[k] = (side.lower ?? limits[k].lower, side.upper ?? limits[k].upper)
                for (i, row) in rows.enumerated() { lp.setRowBounds(row, lower: limits[i].lower, upper: limits[i].upper) }
                lp.restore(node.basis)
                let left = seconds - (deadline.elapsed - began)
                guard left > 0 else { return lowest(node.value) }
                solves += 1
                let outcome = try lp.solveLP(timeLimit: left)
                if debugSearch { debugLog(String(format: "aggregate %d %@ %.1f: %@ %.2f", k, side.lower == nil ? "<=" : ">=", side.lower ?? side.upper!, "\(outcome)", lp.lpObjective)) }
                switch outcome {
                case .optimal: open.append(Node(limits: limits, value: max(node.value, lp.lpObjective), sums: values(), basis: lp.basis))
                case .infeasible: continue   // no roster on this side
                default: return lowest(node.value)   // out of time: the parent's value stands
                }
            }
        }
        // (Every node infeasible cannot happen below a feasible root; the root's value stands then.)
        return lowest()
    }
}
