/// The programme's states and moves, in one place: how stretches, rest, the history, successions and the
/// soft run price go together from one day to the next. The dynamic programme (`solve`), its backward
/// values and the exact search (`PersonPlan+Exact.swift`) all walk these moves.
extension PersonPlan {
    /// The states at the end of a day. Working: (judged j, class c of the last shift, run k); resting:
    /// (judged j, days off k, counted up to `minOff`). j: whether the current stretch is judged (its first
    /// day had a known day before it), so that its minimum length applies.
    struct States {
        let classCount: Int, maxWork: Int, offCap: Int
        var workCount: Int { classCount * maxWork }
        var count: Int { 2 * (workCount + offCap) }
        func work(_ j: Int, _ c: Int, _ k: Int) -> Int { j * workCount + c * maxWork + (k - 1) }
        func off(_ j: Int, _ k: Int) -> Int { 2 * workCount + j * offCap + (k - 1) }
        func isWork(_ s: Int) -> Bool { s < 2 * workCount }
        /// Every state, in the order the programme relaxes them (which settles its ties): per stretch kind j,
        /// the working states, then the resting ones.
        var order: [Int] {
            (0..<2).flatMap { j in
                (0..<classCount).flatMap { c in (1...maxWork).map { work(j, c, $0) } } + (1...offCap).map { off(j, $0) }
            }
        }
    }

    /// A move into the next day: rest, into a resting state; or work a shift of any class c that may follow
    /// `source` (a class; `classCount` after rest, where any shift may come; `classCount + 1` the history's
    /// last shift, on day 0), into working state (j, c, run). `afterWork`: the day before was worked (a
    /// Sunday worked after a Saturday is the same weekend).
    enum Move {
        case rest(Int)
        case work(source: Int, j: Int, run: Int, afterWork: Bool)
    }

    var states: States { States(classCount: classes.count, maxWork: max(1, rules.maxWork), offCap: max(1, rules.minOff)) }

    /// The moves into day d from state s at the end of day d - 1 (s = -1: the start, before day 0, from the
    /// history): at most two, in the order the programme relaxes them. (A pair, not a visiting closure: state
    /// captured by a closure is checked for exclusive access at run time, which made the programme 3 times slower.)
    @inline(__always)
    func moves(into d: Int, from s: Int, _ states: States) -> (Move?, Move?) {
        let mayRest = self.mayRest[d], classCount = states.classCount
        if s < 0 {
            guard let b = rules.before else {
                return (mayRest ? .rest(states.off(0, 1)) : nil, .work(source: classCount, j: 0, run: 1, afterWork: false))
            }
            let j = b.judged ? 1 : 0
            if b.worked {
                // A stretch wholly in the history is not judged.
                return (b.run < states.maxWork ? .work(source: classCount + 1, j: j, run: b.run + 1, afterWork: true) : nil,
                        mayRest ? .rest(states.off(1, 1)) : nil)
            }
            return (mayRest ? .rest(states.off(j, min(b.run + 1, states.offCap))) : nil,
                    .work(source: classCount, j: 1, run: 1, afterWork: false))
        } else if states.isWork(s) {
            let j = s / states.workCount, c = s % states.workCount / states.maxWork, k = s % states.maxWork + 1
            return (k < states.maxWork ? .work(source: c, j: j, run: k + 1, afterWork: true) : nil,
                    mayRest && (k >= rules.minWork || j == 0) ? .rest(states.off(1, 1)) : nil)
        } else {
            let r = s - 2 * states.workCount, j = r / states.offCap, k = r % states.offCap + 1
            return (mayRest ? .rest(states.off(j, min(k + 1, states.offCap))) : nil,
                    k >= rules.minOff || j == 0 ? .work(source: classCount, j: 1, run: 1, afterWork: false) : nil)
        }
    }

    /// Whether shift u may be worked on day d after `source` (see `Move`).
    @inline(__always)
    func allowed(_ u: Int, after source: Int, day d: Int) -> Bool {
        source < classes.count ? classFollows[source][u]
            : source == classes.count || (d == 0 && rules.before?.follows[u] == true)
    }

    /// The soft run price of the k-th day of a run, and the weekend price of working day d.
    func softPrice(_ k: Int) -> Double { k > rules.softWork ? rules.softPrice : 0 }
    func startsWeekend(_ d: Int, afterWork: Bool) -> Bool { rules.weekendDay[d] == 1 || (rules.weekendDay[d] == 2 && !afterWork) }

    /// Per source (see `Move`) and class, the cheapest open shift of day d at these prices, and its price:
    /// index source * classCount + class. `hair` is added to every shift.
    func cheapest(day d: Int, cost: [Double], lambda: Double, mu: [Double], hair: Double,
                  price bestPrice: inout [Double], shift bestShift: inout [Int16]) {
        let classCount = classes.count
        for k in bestPrice.indices { bestPrice[k] = .infinity }
        for u in rules.shifts.indices where rules.open[d][u] {
            let price = cost[u] + lambda * Double(rules.minutes[u]) + mu[u] + hair
            let c = classOf[u]
            for source in 0...(classCount + 1) where allowed(u, after: source, day: d) {
                let k = source * classCount + c
                if price < bestPrice[k] { bestPrice[k] = price; bestShift[k] = Int16(u) }
            }
        }
    }
}
