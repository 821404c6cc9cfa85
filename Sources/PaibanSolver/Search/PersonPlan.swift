/// One person's rules over the period, in the form a day-by-day dynamic programme can follow: which
/// shifts are open on which day, which may follow which, the stretch limits, and the three counted
/// resources (paid minutes, shifts per type, weekends). Built by `PersonPlanner` from the scenario.
struct PersonRules {
    var dayCount: Int
    /// The person's shift indices (into the scenario's shifts); "local" indices below point into this.
    var shifts: [Int]
    var minutes: [Int]
    /// open[d][t]: the person may work local shift t on day d (an assignment column exists).
    var open: [[Bool]]
    /// follows[a][b]: local shift b may be worked the day after local shift a.
    var follows: [[Bool]]
    var maxWork: Int
    var minWork = 1
    var minOff = 1
    /// Days beyond `softWork` in a run cost `softPrice` each (the soft consecutive limit).
    var softWork = Int.max
    var softPrice = 0.0
    var maxWeekends: Int?
    /// weekendDay[d]: 0 = not a weekend day, 1 = first day of its weekend, 2 = second day (Sunday after Saturday).
    var weekendDay: [UInt8]
    var caps: [Int?]
    var minutesMin: Int?
    var minutesMax: Int?
    /// Days that must be worked (a dive has fixed one of their cells; `open` keeps only that shift).
    var mustWork = Set<Int>()
    /// The state before day 0 from the history; nil when there is none (the first stretch is then not judged).
    var before: Before?

    struct Before {
        /// follows[t]: local shift t may be worked on day 0 after the last history day (all true after a day off).
        /// The history may hold a shift the person can no longer work, so this is not a local shift's row.
        var follows: [Bool]
        var worked: Bool
        var run: Int
        /// Whether the stretch running into the period started inside the history (so its length is known).
        var judged: Bool
    }

    /// Fixes local shift t on day d. Worked, it becomes the day's only open shift and the day must be
    /// worked; not worked, it is closed.
    mutating func fix(day d: Int, shift t: Int, worked: Bool) {
        if worked {
            open[d] = open[d].indices.map { $0 == t }
            mustWork.insert(d)
        } else {
            open[d][t] = false
        }
    }
}

/// The cheapest schedule for one person under `PersonRules`, given a cost per day and shift. Stretches,
/// successions and the soft run price are exact in the state (last shift, run length, whether the
/// current stretch is judged); the counted resources are priced by Lagrange multipliers, raised until
/// the schedule keeps them, and a last pass changes shift types on worked days to bring paid minutes
/// into their band without touching the pattern of work and rest. Returns nil when no schedule was found.
struct PersonPlan {
    let rules: PersonRules
    /// Shifts grouped by the successors they forbid; classFollows[c][u]: shift u may follow any shift of class c.
    let classes: [[Int]]
    let classOf: [Int]
    let classFollows: [[Bool]]
    /// mayRest[d]: day d need not be worked (read once per state and day, so not from the set).
    let mayRest: [Bool]

    init(rules: PersonRules) {
        self.rules = rules
        var classes: [[Int]] = [], classOf: [Int] = []
        for t in rules.shifts.indices {
            if let c = classes.firstIndex(where: { rules.follows[$0[0]] == rules.follows[t] }) {
                classes[c].append(t); classOf.append(c)
            } else {
                classOf.append(classes.count); classes.append([t])
            }
        }
        self.classes = classes
        self.classOf = classOf
        classFollows = classes.map { rules.follows[$0[0]] }
        mayRest = (0..<rules.dayCount).map { !rules.mustWork.contains($0) }
    }

    /// The cheapest schedule found (local shift per day, nil = off) that keeps every rule, or nil.
    /// A multiplier rises (doubling, then bisecting) while its resource is overdrawn and falls back
    /// (bisecting towards the last price that overdrew it) once a schedule keeps it: a price left too
    /// high would keep the person off weekends or shift types the cover needs.
    func best(cost: [[Double]], iterations: Int = 40) -> [Int?]? {
        bestWithBound(cost: cost, iterations: iterations).plan
    }

    /// `best`, with a lower bound on the cost of every schedule that keeps the rules: the highest Lagrangian
    /// value met on the way (the programme's value at the prices, less what the prices would pay at the caps
    /// and band edges), +infinity when even the relaxed programme has no schedule, -infinity when no price
    /// gave a valid value. Column generation uses it to show that nobody has a schedule below zero
    /// without GLPK (see `ColumnGeneration.price`).
    func bestWithBound(cost: [[Double]], iterations: Int = 40) -> (plan: [Int?]?, bound: Double, prices: Prices) {
        let n = rules.shifts.count
        var lambda = 0.0, mu = [Double](repeating: 0, count: n), nu = 0.0
        var muLow = mu, muHigh = [Double?](repeating: nil, count: n), nuLow = 0.0, nuHigh: Double?
        let scale = Self.costScale(cost)
        let meanMinutes = Double(rules.minutes.reduce(0, +)) / Double(max(1, n))
        var step = scale / max(1, meanMinutes)
        var low: Double?, high: Double?
        var fewer: [Int?]?, more: [Int?]?
        var found: (plan: [Int?], cost: Double)?
        func raise(_ value: inout Double, _ low: inout Double, _ high: Double?, first: Double) {
            low = value
            value = high.map { (value + $0) / 2 } ?? max(first, value * 2)
        }
        var sinceFound = 0, bound = -Double.infinity, prices = Prices(lambda: 0, mu: mu, nu: 0)
        for _ in 0..<iterations {
            // Once a schedule is found, lowering the prices gets only a few more tries.
            if found != nil { sinceFound += 1; if sinceFound > 6 { break } }
            guard let plan = solve(cost: cost, lambda: lambda, mu: mu, nu: nu) else {
                // The relaxation has no schedule, so the rules have none (prices never close a cell).
                bound = .infinity
                break
            }
            let used = usage(plan)
            let value = lagrangian(plan, used: used, cost: cost, lambda: lambda, mu: mu, nu: nu)
            if value > bound { (bound, prices) = (value, Prices(lambda: lambda, mu: mu, nu: nu)) }
            var overdrawn = false
            for t in 0..<n { if let cap = rules.caps[t], used.counts[t] > cap { raise(&mu[t], &muLow[t], muHigh[t], first: scale / 4); overdrawn = true } }
            if let cap = rules.maxWeekends, used.weekends > cap { raise(&nu, &nuLow, nuHigh, first: scale / 2); overdrawn = true }
            if overdrawn {
                // The pattern moves with the other prices: the minute price's bracket starts again.
                low = nil; high = nil; step = scale / max(1, meanMinutes)
                fewer = nil; more = nil
                continue
            }
            let short = rules.minutesMin.map { used.minutes < $0 } ?? false
            let over = rules.minutesMax.map { used.minutes > $0 } ?? false
            var kept: [Int?]?
            if !short, !over {
                kept = plan
            } else if let fixed = adjustMinutes(plan, cost: cost, counts: used.counts) {
                kept = fixed
            } else {
                if short { fewer = plan } else { more = plan }
                // Near the price where the count of minutes jumps across the band, a schedule that follows one
                // side's plan up to some day and the other's after it often lands inside.
                if let fewer, let more { kept = crossover(fewer, more, cost: cost) }
            }
            if let kept {
                let total = self.cost(of: kept, cost)
                if found == nil || total < found!.cost { found = (kept, total) }
                // Lower the resource prices towards the last ones that overdrew.
                var lowered = false
                for t in 0..<n where mu[t] > 0 { muHigh[t] = mu[t]; mu[t] = (muLow[t] + mu[t]) / 2; lowered = true }
                if nu > 0 { nuHigh = nu; nu = (nuLow + nu) / 2; lowered = true }
                if !lowered, !short, !over { break }
                if lowered { continue }
            }
            // A higher price per minute means fewer minutes: bisect between a price that gave too few and one that gave too many.
            if short { high = lambda } else if over { low = lambda }
            switch (low, high) {
            case let (l?, h?): lambda = (l + h) / 2
            case (nil, _): lambda -= step; step *= 2
            case (_, nil): lambda += step; step *= 2
            }
        }
        return (found?.plan, bound, prices)
    }

    /// The resource prices of a Lagrangian bound: per paid minute, per shift of each type, per weekend.
    struct Prices {
        var lambda: Double
        var mu: [Double]
        var nu: Double
    }

    /// The Lagrangian value of the programme's plan at these prices: a lower bound on every schedule that keeps
    /// the counted rules (see `edges`). The programme's hair per shift (at most one per day) is taken off.
    func lagrangian(_ plan: [Int?], used: (minutes: Int, counts: [Int], weekends: Int), cost: [[Double]],
                            lambda: Double, mu: [Double], nu: Double) -> Double {
        let prices = Prices(lambda: lambda, mu: mu, nu: nu)
        guard let edges = edges(prices) else { return -.infinity }
        var value = self.cost(of: plan, cost) - 1e-7 * Double(rules.dayCount) - edges
        for t in mu.indices { value += mu[t] * Double(used.counts[t]) }
        return value + nu * Double(used.weekends) + lambda * Double(used.minutes)
    }

    /// What the prices would charge a schedule standing at the caps and the band's edge. A schedule that keeps
    /// the counted rules is charged at most that, so its cost plus its charge less this is at most its cost:
    /// the programme's value at the prices, less this, is a lower bound. Nil when a price has no edge to stand
    /// on (a minute price without the band's side it pushes toward).
    func edges(_ prices: Prices) -> Double? {
        var total = 0.0
        for t in prices.mu.indices where prices.mu[t] > 0 {
            guard let cap = rules.caps[t] else { return nil }
            total += prices.mu[t] * Double(cap)
        }
        if prices.nu > 0 {
            guard let cap = rules.maxWeekends else { return nil }
            total += prices.nu * Double(cap)
        }
        if prices.lambda != 0 {
            guard let edge = prices.lambda > 0 ? rules.minutesMax : rules.minutesMin else { return nil }
            total += prices.lambda * Double(edge)
        }
        return total
    }

    /// A schedule's cost: its cells and the soft run price.
    func cost(of plan: [Int?], _ cost: [[Double]]) -> Double {
        var total = 0.0, run = rules.before.map { $0.worked ? $0.run : 0 } ?? 0
        for (d, t) in plan.enumerated() {
            guard let t else { run = 0; continue }
            run += 1
            total += cost[d][t] + (run > rules.softWork ? rules.softPrice : 0)
        }
        return total
    }

    /// Typical size of a cell's cost, the mean absolute price of the open cells (at least 1): the first price
    /// step of a multiplier, and the size of a kick's noise.
    static func costScale(_ cost: [[Double]]) -> Double {
        var total = 0.0, count = 0
        for day in cost { for c in day where c.isFinite { total += abs(c); count += 1 } }
        return max(1, count == 0 ? 1 : total / Double(count))
    }

    func usage(_ plan: [Int?]) -> (minutes: Int, counts: [Int], weekends: Int) {
        var minutes = 0, counts = [Int](repeating: 0, count: rules.shifts.count), weekends = 0
        for d in plan.indices {
            guard let t = plan[d] else { continue }
            minutes += rules.minutes[t]
            counts[t] += 1
            if rules.weekendDay[d] == 1 || (rules.weekendDay[d] == 2 && (d == 0 || plan[d - 1] == nil)) { weekends += 1 }
        }
        return (minutes, counts, weekends)
    }

    /// The dynamic programme over days with the resources priced: lambda per paid minute, mu[t] per shift of
    /// type t, nu per weekend worked. A working state remembers the class of the last shift, not the shift:
    /// shifts that forbid the same successors are alike for what may come next (Curtois Instance24: 11
    /// classes for 24 shifts), and the cheapest shift of each class is chosen per day and predecessor.
    func solve(cost: [[Double]], lambda: Double, mu: [Double], nu: Double) -> [Int?]? {
        let states = self.states, stateCount = states.count, classCount = classes.count, dayCount = rules.dayCount
        // On a work clock: the states times the classes entered from each, day by day.
        WorkLane.current?.add(Double(dayCount * stateCount * (classCount + rules.shifts.count)) / WorkRate.programme)
        // The tables live in raw memory that the day's relaxations capture as constants: arrays captured by the
        // nested functions below were boxed and checked on every access. The same plans, 8% less CPU on Curtois 13;
        // on 24, where the heuristic's runs of this function are 30% of all CPU, 1.5%: the cost is the states.
        var value = UnsafeMutablePointer<Double>.allocate(capacity: stateCount)
        var next = UnsafeMutablePointer<Double>.allocate(capacity: stateCount)
        let from = UnsafeMutablePointer<Int32>.allocate(capacity: stateCount * dayCount)
        let chosen = UnsafeMutablePointer<Int16>.allocate(capacity: stateCount * dayCount)
        defer { value.deallocate(); next.deallocate(); from.deallocate(); chosen.deallocate() }
        value.initialize(repeating: .infinity, count: stateCount)
        next.initialize(repeating: .infinity, count: stateCount)
        from.initialize(repeating: -1, count: stateCount * dayCount)
        chosen.initialize(repeating: -1, count: stateCount * dayCount)
        var bestPrice = [Double](repeating: .infinity, count: (classCount + 2) * classCount)
        var bestShift = [Int16](repeating: -1, count: (classCount + 2) * classCount)
        let order = states.order
        for d in 0..<dayCount {
            let (now, after) = (value, next), row = d * stateCount
            after.update(repeating: .infinity, count: stateCount)
            // A hair's price on every shift: between equal schedules, the one with fewer shifts (no work without a reason).
            cheapest(day: d, cost: cost[d], lambda: lambda, mu: mu, hair: 1e-7, price: &bestPrice, shift: &bestShift)
            bestPrice.withUnsafeBufferPointer { bestPrice in
                bestShift.withUnsafeBufferPointer { bestShift in
                    @inline(__always) func relax(_ s: Int, _ v: Double, _ pred: Int, _ shift: Int16) {
                        if v < after[s] { after[s] = v; from[row + s] = Int32(pred); chosen[row + s] = shift }
                    }
                    @inline(__always) func follow(_ move: Move?, from s: Int, _ v: Double) {
                        switch move {
                        case nil: break
                        case .rest(let to): relax(to, v, s, -1)
                        case let .work(source, j, run, afterWork):
                            let extra = softPrice(run) + (startsWeekend(d, afterWork: afterWork) ? nu : 0)
                            for c in 0..<classCount {
                                let p = bestPrice[source * classCount + c]
                                if p.isFinite { relax(states.work(j, c, run), v + p + extra, s, bestShift[source * classCount + c]) }
                            }
                        }
                    }
                    for k in 0..<(d == 0 ? 1 : order.count) {
                        let s = d == 0 ? -1 : order[k]
                        let v = s < 0 ? 0 : now[s]
                        guard v.isFinite else { continue }
                        let (first, second) = moves(into: d, from: s, states)
                        follow(first, from: s, v)
                        follow(second, from: s, v)
                    }
                }
            }
            swap(&value, &next)
        }
        guard var s = (0..<stateCount).min(by: { value[$0] < value[$1] }), value[s].isFinite else { return nil }
        var plan = [Int?](repeating: nil, count: dayCount)
        for d in stride(from: dayCount - 1, through: 0, by: -1) {
            plan[d] = states.isWork(s) ? Int(chosen[d * stateCount + s]) : nil
            s = Int(from[d * stateCount + s])
        }
        return plan
    }

    /// Brings paid minutes into the band by changing the type of worked days (never whether a day is worked,
    /// so stretches and weekends stay as they are), cheapest change per minute first, keeping successions
    /// and caps. Nil if the band cannot be reached that way.
    func adjustMinutes(_ plan: [Int?], cost: [[Double]], counts: [Int]) -> [Int?]? {
        var plan = plan, counts = counts
        var minutes = usage(plan).minutes
        let low = rules.minutesMin ?? Int.min, high = rules.minutesMax ?? Int.max
        guard minutes < low || minutes > high else { return plan }
        // No change jumps past the band's far side, so the direction holds until the band is reached.
        let up = minutes < low
        /// Minutes a change from shift s to t moves toward the band (negative: away from it).
        func toward(_ s: Int, _ t: Int) -> Int { up ? rules.minutes[t] - rules.minutes[s] : rules.minutes[s] - rules.minutes[t] }
        /// A worked day's changes that its own cells and its neighbours' successions allow, in shift order.
        func changes(_ d: Int) -> [(t: Int, delta: Int)] {
            guard let s = plan[d] else { return [] }
            return rules.shifts.indices.compactMap { t -> (t: Int, delta: Int)? in
                guard t != s, rules.open[d][t], toward(s, t) > 0 else { return nil }
                if d > 0, let a = plan[d - 1], !rules.follows[a][t] { return nil }
                if d == 0, let b = rules.before, !b.follows[t] { return nil }
                if d + 1 < plan.count, let b = plan[d + 1], !rules.follows[t][b] { return nil }
                return (t, rules.minutes[t] - rules.minutes[s])
            }
        }
        // Out of reach even if every worked day took its open type farthest that way, whatever its neighbours
        // and the caps (each day's changes all go one way): nothing to search. Each step below scans every day.
        let reach = plan.indices.reduce(0) { total, d in
            guard let s = plan[d] else { return total }
            return total + rules.shifts.indices.reduce(0) { rules.open[d][$1] ? max($0, toward(s, $1)) : $0 }
        }
        guard up ? minutes + reach >= low : minutes - reach <= high else { return nil }
        var options = plan.indices.map(changes)
        while minutes < low || minutes > high {
            var choice: (d: Int, t: Int, rate: Double)?
            for d in plan.indices {
                guard let s = plan[d] else { continue }
                for (t, delta) in options[d] {
                    guard up ? minutes + delta <= high : minutes + delta >= low else { continue }
                    if let cap = rules.caps[t], counts[t] + 1 > cap { continue }
                    let rate = (cost[d][t] - cost[d][s]) / Double(abs(delta))
                    if choice == nil || rate < choice!.rate { choice = (d, t, rate) }
                }
            }
            guard let (d, t, _) = choice else { return nil }
            let s = plan[d]!
            counts[s] -= 1; counts[t] += 1
            minutes += rules.minutes[t] - rules.minutes[s]
            plan[d] = t
            // Only this day's changes and its neighbours' successions moved.
            for e in max(0, d - 1)...min(plan.count - 1, d + 1) { options[e] = changes(e) }
        }
        return plan
    }

    /// The cheapest valid schedule made of one plan's days before some day and the other plan's from it on.
    func crossover(_ a: [Int?], _ b: [Int?], cost: [[Double]]) -> [Int?]? {
        var best: (plan: [Int?], cost: Double)?
        for (first, second) in [(a, b), (b, a)] {
            for k in 1..<rules.dayCount where first[k - 1] != second[k - 1] || first[k] != second[k] {
                let joined = Array(first[..<k] + second[k...])
                guard keeps(joined) else { continue }
                let total = self.cost(of: joined, cost)
                if best == nil || total < best!.cost { best = (joined, total) }
            }
        }
        return best?.plan
    }

    /// Whether a schedule keeps every rule: open cells, days that must be worked, successions, run and stretch lengths, caps,
    /// weekends and the minutes band.
    func keeps(_ plan: [Int?]) -> Bool {
        var mayFollow = rules.before?.follows, worked = rules.before?.worked ?? false
        var run = rules.before?.run ?? 0, judged = rules.before?.judged ?? false
        for d in plan.indices {
            let works = plan[d] != nil
            if !works, rules.mustWork.contains(d) { return false }
            if let t = plan[d] {
                guard rules.open[d][t] else { return false }
                if let mayFollow, !mayFollow[t] { return false }
            }
            if works == worked, d > 0 || rules.before != nil {
                run += 1
            } else {
                // A stretch ends: it is judged when its first day had a known day before it.
                // (A stretch that lies wholly in the history is not judged.)
                if d > 0, judged, run < (worked ? rules.minWork : rules.minOff) { return false }
                judged = d > 0 || rules.before != nil
                run = 1
            }
            if works, run > rules.maxWork { return false }
            worked = works
            mayFollow = plan[d].map { rules.follows[$0] }
        }
        let used = usage(plan)
        if let cap = rules.maxWeekends, used.weekends > cap { return false }
        for t in rules.shifts.indices { if let cap = rules.caps[t], used.counts[t] > cap { return false } }
        if let low = rules.minutesMin, used.minutes < low { return false }
        if let high = rules.minutesMax, used.minutes > high { return false }
        return true
    }
}
