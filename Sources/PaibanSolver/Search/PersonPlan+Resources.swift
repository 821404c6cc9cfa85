import Paiban

/// The cheapest schedule with the counted resources in the state rather than priced: a dynamic programme over
/// (stretch state, paid minutes, weekends worked, shifts of each capped type). It is exact where the
/// Lagrangian search (`exactBest`) can only prune: that search's bound has a gap wherever the minutes band,
/// caps and weekends bind together, and on Curtois Instance9 (28 days, a band of 1,080 minutes, 4 types with
/// one capped at 5) it ran out of nodes for most pricings, so that its column generation never had an exact
/// round. The table grows with the band and the caps, so it is only built where it stays small.
extension PersonPlan {
    /// Most entries of the table over all days (every day's is kept for the way back: 6 bytes an entry).
    static let resourceEntries = 6_000_000

    /// The resources a table tracks and the size of each dimension: minutes in units of their greatest
    /// common divisor, up to the band's top (or its bottom, where there is no top: more makes no difference);
    /// weekends up to the cap; each capped type up to its cap, when the cap can bind.
    private struct Dimensions {
        let unit: Int
        var minuteSlots = 1, weekendSlots = 1
        /// Per local shift: the stride of its count in the caps' index, or 0 when it is not counted.
        var capStride: [Int]
        var capLimit: [Int]
        var capSlots = 1
        let tracksWeekends: Bool
        /// The band's bottom in units, where it is above zero (a window's bottom is what the held days leave,
        /// which may be below zero: no bottom then), and whether it has a top.
        let lowest: Int?
        let bounded: Bool

        /// Nil when the table would take more than `limit` entries over the period, or when a top or cap is
        /// below zero (a window around a plan that breaks them; the exact search answers that no plan keeps them).
        init?(_ rules: PersonRules, states: Int, limit: Int) {
            guard (rules.minutesMax ?? 0) >= 0, (rules.maxWeekends ?? 0) >= 0, rules.caps.allSatisfy({ ($0 ?? 0) >= 0 }) else { return nil }
            let unit = max(1, rules.minutes.reduce(0) { greatestCommonDivisor($0, max(0, $1)) })
            self.unit = unit
            lowest = rules.minutesMin.flatMap { $0 > 0 ? ($0 + unit - 1) / unit : nil }
            bounded = rules.minutesMax != nil
            if let top = rules.minutesMax.map({ $0 / unit }) ?? lowest { minuteSlots = top + 1 }
            let binding = rules.shifts.indices.compactMap { u -> (u: Int, cap: Int)? in
                let openDays = rules.open.reduce(0) { $0 + ($1[u] ? 1 : 0) }
                return rules.caps[u].flatMap { $0 < openDays ? (u, $0) : nil }
            }
            // In floating point: the caps of 32 types (Curtois 24) overflow a whole number.
            let others = binding.reduce(Double((rules.maxWeekends ?? 0) + 1)) { $0 * Double($1.cap + 1) }
            guard Double(max(1, rules.dayCount) * states * minuteSlots) * others <= Double(limit) else { return nil }
            tracksWeekends = rules.maxWeekends != nil
            weekendSlots = (rules.maxWeekends ?? 0) + 1
            capStride = [Int](repeating: 0, count: rules.shifts.count)
            capLimit = capStride
            for (u, cap) in binding {
                capStride[u] = capSlots
                capLimit[u] = cap
                capSlots *= cap + 1
            }
        }

        var resources: Int { minuteSlots * weekendSlots * capSlots }
    }

    /// The table's cut: an entry of day d - 1 whose cost so far, plus the cheapest way from it to the end at the
    /// prices (`valuesToGo` of day d), less the most the prices could still charge for the resources the entry
    /// has left, is not below `below`, leads to no schedule below it. The charge is the entry's own (its minutes, weekends
    /// and capped counts are known exactly), which makes this far tighter than `edges`, the whole period's.
    private struct Pruning {
        let toGo: [Double]
        /// Per resource index of an entry (minutes, weekends, caps' digits): the charge left.
        let chargeLeft: [Double]
        /// Sums in another order may differ in the last bits: an entry is dropped only this far past the cut.
        static let margin = 1e-7

        init(_ plan: PersonPlan, cost: [[Double]], prices given: Prices?, dims: Dimensions) {
            let rules = plan.rules
            // Prices without an edge to stand on bound nothing (see `edges`); zero prices always do.
            let prices = given.flatMap { plan.edges($0) == nil ? nil : $0 }
                ?? Prices(lambda: 0, mu: Array(repeating: 0, count: rules.shifts.count), nu: 0)
            toGo = plan.valuesToGo(cost: cost, prices: prices)
            var charge = [Double](repeating: 0, count: dims.resources)
            for r in charge.indices {
                let m = r / (dims.weekendSlots * dims.capSlots), w = r / dims.capSlots % dims.weekendSlots, c = r % dims.capSlots
                // Minutes counted in the entry: exact wherever there is a top (nothing saturates then), and never above
                // the true minutes without one (they saturate only at the band's bottom, where its price charges no more).
                let used = m * dims.unit
                var left = 0.0
                if prices.lambda > 0, let top = rules.minutesMax { left += prices.lambda * Double(top - used) }
                if prices.lambda < 0, let bottom = rules.minutesMin { left += prices.lambda * Double(max(0, bottom - used)) }
                // A weekend cap is always tracked (`tracksWeekends`).
                if prices.nu > 0, let cap = rules.maxWeekends { left += prices.nu * Double(cap - w) }
                for t in prices.mu.indices where prices.mu[t] > 0 {
                    guard let cap = rules.caps[t] else { continue }
                    let counted = dims.capStride[t] > 0 ? c / dims.capStride[t] % (dims.capLimit[t] + 1) : 0
                    left += prices.mu[t] * Double(cap - counted)
                }
                charge[r] = left
            }
            chargeLeft = charge
        }
    }

    /// `exactBest`, answered by the table (`resourceBest`) where the search runs out of nodes and the table is
    /// small enough: then proven whatever the search's nodes. With `tableFirst` and prices to prune by (`hint`),
    /// the table answers at once: for a person whose last search ran out of nodes, the next one mostly does too
    /// (Curtois 7, seed 1: 17% of the pricings ran out, and took 44% of the exact search's time before the table).
    func provenBest(cost: [[Double]], below: Double = .infinity, nodeLimit: Int = 50_000, hint: Prices? = nil, steps: Int = 30,
                    tableFirst: Bool = false) -> Exact {
        if tableFirst, let hint, let table = resourceBest(cost: cost, below: below, prices: hint) {
            return Exact(plan: table.found?.plan, floor: table.found?.cost ?? table.floor, proven: true, prices: hint, byTable: true)
        }
        var exact = exactBest(cost: cost, below: below, nodeLimit: nodeLimit, hint: hint, steps: steps)
        guard !exact.proven, let table = resourceBest(cost: cost, below: below, prices: exact.prices) else { return exact }
        exact.plan = table.found?.plan
        exact.floor = table.found?.cost ?? table.floor
        exact.proven = true
        exact.byTable = true
        return exact
    }

    /// The cheapest schedule that keeps every rule and costs less than `below` (by more than 1e-9, as in
    /// `exactBest`), with its cost; `found` is nil when none does, and `floor` is a lower bound on every
    /// schedule either way: the cheapest one's cost where nothing was pruned (+infinity when no schedule keeps
    /// the rules), else at least `below` less 1e-9 (finite even when none keeps them): the answer is a proof. Nil
    /// when the table would have more than `entryLimit` entries over all days.
    /// With a finite `below`, entries that cannot lead below it are dropped (`Pruning`), by `prices` (the exact
    /// search's where it ran out of nodes, or a person's last ones with `tableFirst`) or, without them, by the
    /// programme's values with the counted rules left out. Any prices give the same answer; better ones drop more.
    func resourceBest(cost: [[Double]], below: Double = .infinity, prices: Prices? = nil, entryLimit: Int = resourceEntries)
        -> (found: (plan: [Int?], cost: Double)?, floor: Double)? {
        let states = self.states, days = rules.dayCount
        guard days > 0, let dims = Dimensions(rules, states: states.count, limit: entryLimit) else { return nil }
        let pruning = below.isFinite ? Pruning(self, cost: cost, prices: prices, dims: dims) : nil
        // The least bound of a dropped entry: every schedule through one costs at least that.
        var prunedFloor = Double.infinity
        let (minuteSlots, weekendSlots, capSlots) = (dims.minuteSlots, dims.weekendSlots, dims.capSlots)
        let size = states.count * dims.resources
        let tracksMinutes = dims.bounded || dims.lowest != nil, bounded = dims.bounded
        let resources = dims.resources
        // Index of (state, minute units, weekends, caps' digits).
        @inline(__always) func index(_ s: Int, _ m: Int, _ w: Int, _ c: Int) -> Int { ((s * minuteSlots + m) * weekendSlots + w) * capSlots + c }
        // Raw tables, allocated once a call: closures over arrays are checked for exclusive access at every
        // touch (see `moves`), and this loop touches them a million times.
        let current = UnsafeMutableBufferPointer<Double>.allocate(capacity: size), next = UnsafeMutableBufferPointer<Double>.allocate(capacity: size)
        // The way back: per day and entry, the entry of the day before and the shift worked (-1: rest).
        let fromEntry = UnsafeMutableBufferPointer<Int32>.allocate(capacity: days * size)
        let fromShift = UnsafeMutableBufferPointer<Int16>.allocate(capacity: days * size)
        defer { current.deallocate(); next.deallocate(); fromEntry.deallocate(); fromShift.deallocate() }
        next.initialize(repeating: .infinity)
        var relaxations = 0
        @inline(__always) func relax(_ d: Int, _ target: Int, _ v: Double, from e: Int, _ shift: Int) {
            if v < next[target] {
                next[target] = v
                fromEntry[d * size + target] = Int32(e)
                fromShift[d * size + target] = Int16(shift)
            }
        }
        // Day d's moves out of entry e of day d - 1 (e = -1 and s = -1: the start).
        @inline(__always) func expand(_ d: Int, _ move: Move?, from e: Int, _ m: Int, _ w: Int, _ c: Int, value: Double) {
            switch move {
            case nil: break
            case .rest(let to):
                relax(d, index(to, m, w, c), value, from: e, -1)
            case let .work(source, j, run, afterWork):
                let weekend = dims.tracksWeekends && startsWeekend(d, afterWork: afterWork)
                if weekend, w + 1 >= weekendSlots { break }
                let extra = softPrice(run)
                for u in rules.shifts.indices where rules.open[d][u] && allowed(u, after: source, day: d) {
                    var m2 = m
                    if tracksMinutes {
                        m2 += rules.minutes[u] / dims.unit
                        if m2 >= minuteSlots {
                            if bounded { continue }
                            m2 = minuteSlots - 1   // past the band's bottom, with no top: all alike
                        }
                    }
                    var c2 = c
                    if dims.capStride[u] > 0 {
                        guard c / dims.capStride[u] % (dims.capLimit[u] + 1) < dims.capLimit[u] else { continue }
                        c2 += dims.capStride[u]
                    }
                    relaxations += 1
                    relax(d, index(states.work(j, classOf[u], run), m2, weekend ? w + 1 : w, c2), value + cost[d][u] + extra, from: e, u)
                }
            }
        }
        let (first, second) = moves(into: 0, from: -1, states)
        expand(0, first, from: -1, 0, 0, 0, value: 0)
        expand(0, second, from: -1, 0, 0, 0, value: 0)
        for d in 1..<max(1, days) {
            for k in 0..<size { current[k] = next[k]; next[k] = .infinity }
            // An entry's index is its state's block of resources (see `index`): the moves once per state.
            for s in 0..<states.count {
                let (first, second) = moves(into: d, from: s, states)
                guard first != nil || second != nil else { continue }
                let toGo = pruning?.toGo[d * states.count + s] ?? -.infinity
                for r in 0..<resources {
                    let e = s * resources + r, value = current[e]
                    guard value < .infinity else { continue }
                    if let pruning {
                        let bound = value + toGo - pruning.chargeLeft[r]
                        if bound >= below + Pruning.margin { prunedFloor = min(prunedFloor, bound); continue }
                    }
                    let m = r / (weekendSlots * capSlots), w = r / capSlots % weekendSlots, c = r % capSlots
                    expand(d, first, from: e, m, w, c, value: value)
                    expand(d, second, from: e, m, w, c, value: value)
                }
            }
        }
        WorkLane.current?.add(Double(relaxations + days * size) / WorkRate.programme)
        // The cheapest entry of the last day inside the minutes band.
        let low = dims.lowest ?? 0
        var last = -1, least = Double.infinity
        for e in 0..<size where next[e] < least {
            let m = e % resources / (weekendSlots * capSlots)
            if m >= low { (last, least) = (e, next[e]) }
        }
        guard last >= 0, least < below - 1e-9 else { return (nil, min(least, prunedFloor)) }
        var plan = [Int?](repeating: nil, count: days), e = last
        for d in stride(from: days - 1, through: 0, by: -1) {
            let shift = fromShift[d * size + e]
            plan[d] = shift < 0 ? nil : Int(shift)
            e = Int(fromEntry[d * size + e])
        }
        // The table follows the same moves and counts as `keeps`; a plan it would not keep is a bug here, and
        // then no answer is better than a wrong proof.
        guard keeps(plan) else {
            if debugSearch { debugLog("resourceBest: a plan that breaks a rule") }
            return nil
        }
        return ((plan, self.cost(of: plan, cost)), least)
    }
}
