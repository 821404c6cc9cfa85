/// The cheapest schedule that keeps every rule, proven: a branch and bound over the days, pruned by the
/// Lagrangian relaxation. `best` prices the counted resources and may miss the cheapest schedule by far
/// (Curtois Instance7's pricing: -25 where GLPK found -322); its best prices still bound every completion
/// of a partial schedule from below, through the programme's values backwards from the last day. With
/// those bounds the search visits few nodes, and a person's pricing needs no GLPK.
extension PersonPlan {
    struct Exact {
        /// The cheapest schedule found (nil if none).
        var plan: [Int?]?
        /// A lower bound on every schedule that keeps the rules. When `proven`: the plan's cost if a plan below
        /// `below` was found (the cheapest), else at least `below` (less 1e-9). Otherwise the Lagrangian bound.
        var floor: Double
        /// Whether the search ran to its end.
        var proven: Bool
        /// The prices of the bound the search was pruned by (a hint for the next search of a similar person).
        var prices: Prices
        /// Whether the table (`resourceBest`) gave the answer rather than the search.
        var byTable = false
    }

    /// The cheapest schedule at these cell costs, looked for only below `below` (a pricing needs only to know
    /// whether some schedule costs less than the person's dual; the cut makes the search smaller), within
    /// `nodeLimit` nodes.
    /// `hint`: prices to start from instead of `best`'s search (the same person's last pricing: one programme
    /// run instead of dozens); used only with a finite `below`, since then the search needs no first schedule.
    func exactBest(cost: [[Double]], below: Double = .infinity, nodeLimit: Int = 50_000, hint: Prices? = nil, steps: Int = 30) -> Exact {
        var start: (plan: [Int?]?, bound: Double, prices: Prices)
        if let hint, below.isFinite {
            guard let relaxed = solve(cost: cost, lambda: hint.lambda, mu: hint.mu, nu: hint.nu) else {
                return Exact(plan: nil, floor: .infinity, proven: true, prices: hint)
            }
            let bound = lagrangian(relaxed, used: usage(relaxed), cost: cost, lambda: hint.lambda, mu: hint.mu, nu: hint.nu)
            start = (keeps(relaxed) ? relaxed : nil, bound, hint)
        } else {
            start = bestWithBound(cost: cost)
        }
        var best = start.plan.map { (plan: $0, cost: self.cost(of: $0, cost)) }
        var cut = min(best?.cost ?? .infinity, below)
        if start.bound < cut - 1e-9, start.bound > -.infinity { (start.bound, start.prices) = ascend(cost: cost, from: start.prices, bound: start.bound, target: cut, steps: steps) }
        guard start.bound < cut - 1e-9 else { return Exact(plan: best?.plan, floor: min(start.bound, cut), proven: true, prices: start.prices) }
        guard let edges = edges(start.prices) else { return Exact(plan: best?.plan, floor: start.bound, proven: false, prices: start.prices) }
        let prices = start.prices, states = self.states, days = rules.dayCount
        let togo = valuesToGo(cost: cost, prices: prices)
        let longest = rules.minutes.max() ?? 0
        var plan = [Int?](repeating: nil, count: days), counts = [Int](repeating: 0, count: rules.shifts.count)
        var nodes = 0
        /// The children of every node on the path, each node's after its parent's (one buffer: an array per node
        /// was a third of the search's time).
        var pool: [(bound: Double, to: Int, shift: Int?, price: Double, paid: Double, weekend: Bool)] = []
        /// Day d from state s (at the end of day d - 1): `priced` is the partial schedule's cost at the prices,
        /// `paid` its cost. A child is pruned when its priced cost, the cheapest way to the end at the prices,
        /// less `edges`, is not below the cut: no schedule through it that keeps the counted rules can be.
        func visit(_ d: Int, _ s: Int, priced: Double, paid: Double, minutes: Int, weekends: Int) {
            nodes += 1
            guard nodes <= nodeLimit else { return }
            if d == days {
                if paid < cut - 1e-9, keeps(plan) { best = (plan, paid); cut = paid }
                return
            }
            // Too few days left to reach the minutes band.
            if let low = rules.minutesMin, minutes + (days - d) * longest < low { return }
            let base = pool.count
            func consider(_ move: Move?) {
                switch move {
                case nil: break
                case .rest(let to):
                    pool.append((priced + togo[(d + 1) * states.count + to], to, nil, 0, 0, false))
                case let .work(source, j, run, afterWork):
                    let weekend = startsWeekend(d, afterWork: afterWork)
                    // A weekend the person may no longer work, counted as the rules count it (see `usage`).
                    if weekend, let cap = rules.maxWeekends, weekends + 1 > cap { break }
                    let extra = softPrice(run)
                    for u in rules.shifts.indices where rules.open[d][u] && allowed(u, after: source, day: d) {
                        if let cap = rules.caps[u], counts[u] + 1 > cap { continue }
                        if let high = rules.minutesMax, minutes + rules.minutes[u] > high { continue }
                        let own = cost[d][u] + extra
                        let price = own + prices.lambda * Double(rules.minutes[u]) + prices.mu[u] + (weekend ? prices.nu : 0)
                        let to = states.work(j, classOf[u], run)
                        pool.append((priced + price + togo[(d + 1) * states.count + to], to, u, price, own, weekend))
                    }
                }
            }
            let (first, second) = moves(into: d, from: s, states)
            consider(first)
            consider(second)
            pool[base...].sort { $0.bound < $1.bound }
            for k in base..<pool.count {
                let child = pool[k]
                guard child.bound - edges < cut - 1e-9, nodes <= nodeLimit else { break }
                plan[d] = child.shift
                if let u = child.shift { counts[u] += 1 }
                visit(d + 1, child.to, priced: priced + child.price, paid: paid + child.paid,
                      minutes: minutes + (child.shift.map { rules.minutes[$0] } ?? 0), weekends: weekends + (child.weekend ? 1 : 0))
                if let u = child.shift { counts[u] -= 1 }
            }
            pool.removeSubrange(base...)
            plan[d] = nil
        }
        visit(0, -1, priced: 0, paid: 0, minutes: 0, weekends: 0)
        WorkLane.current?.add(Double(nodes) / WorkRate.searchNodes)
        let proven = nodes <= nodeLimit
        return Exact(plan: best?.plan, floor: proven ? cut : start.bound, proven: proven, prices: prices)
    }

    /// Raises the Lagrangian bound towards `target` by subgradient steps (Polyak's step: the gap to the target
    /// over the squared overdraw): `best` sets its prices to find schedules, not to bound them, and its bound
    /// was often too weak to prune.
    private func ascend(cost: [[Double]], from prices: Prices, bound: Double, target: Double, steps: Int) -> (Double, Prices) {
        var best = (bound, prices), prices = prices
        guard target.isFinite else { return best }
        for _ in 0..<steps {
            guard let plan = solve(cost: cost, lambda: prices.lambda, mu: prices.mu, nu: prices.nu) else { return (.infinity, prices) }
            let used = usage(plan)
            let value = lagrangian(plan, used: used, cost: cost, lambda: prices.lambda, mu: prices.mu, nu: prices.nu)
            if value > best.0 { best = (value, prices) }
            // An infinite value (only closed or infinitely priced cells left) needs no further step.
            if best.0 >= target - 1e-9 || !value.isFinite { break }
            // The overdraw of each counted rule; a price that is 0 and would go below it stays.
            var gMu = rules.caps.indices.map { t in rules.caps[t].map { Double(used.counts[t] - $0) } ?? 0 }
            for t in gMu.indices where prices.mu[t] <= 0 && gMu[t] < 0 { gMu[t] = 0 }
            var gNu = rules.maxWeekends.map { Double(used.weekends - $0) } ?? 0
            if prices.nu <= 0, gNu < 0 { gNu = 0 }
            // The minute price is signed: above 0 it holds minutes under the band's top, below 0 over its bottom.
            let overTop = rules.minutesMax.map { Double(used.minutes - $0) }, underBottom = rules.minutesMin.map { Double(used.minutes - $0) }
            var gLambda = 0.0
            if prices.lambda > 0 { gLambda = overTop ?? 0 }
            else if prices.lambda < 0 { gLambda = underBottom ?? 0 }
            else if let over = overTop, over > 0 { gLambda = over }
            else if let under = underBottom, under < 0 { gLambda = under }
            let norm = gMu.reduce(gNu * gNu + gLambda * gLambda) { $0 + $1 * $1 }
            guard norm > 0 else { break }   // the plan keeps the counted rules at prices that charge nothing for them: the bound is reached
            let step = (target - value) / norm
            for t in gMu.indices { prices.mu[t] = max(0, prices.mu[t] + step * gMu[t]) }
            prices.nu = max(0, prices.nu + step * gNu)
            let moved = prices.lambda + step * gLambda
            // Crossing 0 changes which edge the price stands on: stop at 0 first.
            prices.lambda = prices.lambda != 0 && (moved > 0) != (prices.lambda > 0) ? 0 : moved
        }
        return best
    }

    /// togo[d * states + s]: the cheapest cost at these prices of days d... to the end from state s at the
    /// end of day d - 1 (d = days: 0). No hair: these are bounds.
    func valuesToGo(cost: [[Double]], prices: Prices) -> [Double] {
        let states = self.states, count = states.count, classCount = classes.count, days = rules.dayCount
        var togo = [Double](repeating: .infinity, count: (days + 1) * count)
        for s in 0..<count { togo[days * count + s] = 0 }
        // On a work clock, as one run of the programme.
        WorkLane.current?.add(Double(days * count * (classCount + rules.shifts.count)) / WorkRate.programme)
        var bestPrice = [Double](repeating: .infinity, count: (classCount + 2) * classCount)
        var bestShift = [Int16](repeating: -1, count: (classCount + 2) * classCount)
        for d in stride(from: days - 1, through: 1, by: -1) {
            cheapest(day: d, cost: cost[d], lambda: prices.lambda, mu: prices.mu, hair: 0, price: &bestPrice, shift: &bestShift)
            func value(_ move: Move?) -> Double {
                switch move {
                case nil: return .infinity
                case .rest(let to): return togo[(d + 1) * count + to]
                case let .work(source, j, run, afterWork):
                    let extra = softPrice(run) + (startsWeekend(d, afterWork: afterWork) ? prices.nu : 0)
                    var least = Double.infinity
                    for c in 0..<classCount {
                        least = min(least, bestPrice[source * classCount + c] + extra + togo[(d + 1) * count + states.work(j, c, run)])
                    }
                    return least
                }
            }
            for s in 0..<count {
                let (first, second) = moves(into: d, from: s, states)
                togo[d * count + s] = min(value(first), value(second))
            }
        }
        return togo
    }
}
