/// A run of days of one person's period with the rest of their plan held as it is: the rules of a shorter
/// period that the programme's exact search can cover where the whole year is too long for it (Curtois 22-24).
/// The held stretches next to the window, whose lengths the window may change, are part of the new period
/// (fixed) with a day beyond each, so that they are judged; the days before that become its history; and the
/// counted resources (paid minutes, shifts per type, weekends) are what the held days leave.
struct PlanWindow {
    /// The full period's day of the new period's first day.
    let first: Int
    /// The full period's day after the new period's last day.
    let end: Int
    let rules: PersonRules

    /// The window over `days` (not empty, within the period) around `plan`, a plan that keeps `full`.
    init(_ full: PersonRules, plan: [Int?], days: Range<Int>) {
        let count = full.dayCount
        func works(_ d: Int) -> Bool { plan[d] != nil }
        /// The last day of the stretch of `plan` that holds day d, and the first.
        func stretchEnd(_ d: Int) -> Int { var x = d; while x + 1 < count, works(x + 1) == works(d) { x += 1 }; return x }
        func stretchStart(_ d: Int) -> Int { var k = d; while k > 0, works(k - 1) == works(d) { k -= 1 }; return k }
        // A stretch that touches the new period's first or last day is not judged (see `PersonPlan.keeps`): each
        // held stretch next to the window is taken in whole, with the day beyond it. A weekend's count needs its
        // first day, so the period does not start on a weekend's second day.
        var a = days.lowerBound > 0 ? max(0, stretchStart(days.lowerBound - 1) - 1) : 0
        while a > 0, full.weekendDay[a] == 2 { a -= 1 }
        let b = days.upperBound < count ? min(count, stretchEnd(days.upperBound) + 2) : count
        first = a
        end = b
        var rules = full
        rules.dayCount = b - a
        rules.open = Array(full.open[a..<b])
        rules.weekendDay = Array(full.weekendDay[a..<b])
        rules.mustWork = Set(full.mustWork.filter { days.contains($0) }.map { $0 - a })
        for d in a..<b where !days.contains(d) {
            if let t = plan[d] {
                rules.open[d - a] = rules.open[d - a].indices.map { $0 == t }
                rules.mustWork.insert(d - a)
            } else {
                rules.open[d - a] = rules.open[d - a].map { _ in false }
            }
        }
        if a > 0 {
            // The stretch that ends the day before the new period, as its history.
            let k = stretchStart(a - 1)
            var run = a - k, judged = k > 0 || full.before != nil
            if k == 0, let before = full.before, before.worked == works(a - 1) {
                run += before.run
                judged = before.judged
            }
            let follows = plan[a - 1].map { full.follows[$0] } ?? Array(repeating: true, count: full.shifts.count)
            rules.before = PersonRules.Before(follows: follows, worked: works(a - 1), run: run, judged: judged)
        }
        // What the held days use of the counted resources.
        let whole = PersonPlan(rules: full).usage(plan)
        let inside = PersonPlan(rules: rules).usage(Array(plan[a..<b]))
        rules.caps = full.caps.indices.map { t in full.caps[t].map { $0 - (whole.counts[t] - inside.counts[t]) } }
        let held = whole.minutes - inside.minutes
        rules.minutesMin = full.minutesMin.map { $0 - held }
        rules.minutesMax = full.minutesMax.map { $0 - held }
        rules.maxWeekends = full.maxWeekends.map { $0 - (whole.weekends - inside.weekends) }
        self.rules = rules
    }

    /// The window's days of a full-period array.
    func slice<T>(_ values: [T]) -> [T] { Array(values[first..<end]) }

    /// `plan` with the window's days replaced by `window`.
    func merged(_ window: [Int?], into plan: [Int?]) -> [Int?] {
        var plan = plan
        plan.replaceSubrange(first..<end, with: window)
        return plan
    }
}
