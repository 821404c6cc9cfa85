import Foundation
import Paiban
@testable import PaibanSolver
import Testing

/// `PlanWindow` (a run of days of one person's plan, the rest held) must pose exactly the full period's
/// rules with the days outside the window held: checked on random one-person scenarios with counted
/// resources, soft runs and histories, against enumeration of the full period with those days fixed.
@Suite("plan window")
struct PlanWindowTests {
    typealias Dice = PersonPlanTests.Dice

    /// The full rules with every day outside `days` held as in `plan` (worked days fixed, days off closed).
    static func held(_ rules: PersonRules, _ plan: [Int?], outside days: Range<Int>) -> PersonRules {
        var rules = rules
        for d in 0..<rules.dayCount where !days.contains(d) {
            if let t = plan[d] { rules.fix(day: d, shift: t, worked: true) } else { rules.open[d] = rules.open[d].map { _ in false } }
        }
        return rules
    }

    /// For random scenarios whose person has a schedule (the enumerated optimum is the plan held) and six
    /// random windows each: the held plan's days keep the window's rules; the cheapest schedule of the window
    /// (by enumeration) costs what the cheapest full schedule with the same days held costs, less the held
    /// days' constant; and merged back, it keeps the full rules. Some windows must take held days in (the
    /// stretches next to them), some a history, and some must give a cheaper plan than the one held.
    @Test(arguments: 0..<3)
    func windowPosesTheHeldRules(batch: Int) {
        var windows = 0, cheaper = 0, withHistory = 0, held = 0
        for seed in UInt64(31_000 + batch * 120)..<UInt64(31_000 + batch * 120 + 120) {
            guard let trial = PersonPlanTests.trial(seed: seed, resources: seed % 2 == 0 ? .some : .maybe, softRuns: true),
                  let optimum = trial.optimum else { continue }
            // Cheapest plan at other prices, so that a window at the trial's prices can find something cheaper.
            var dice = Dice(seed: seed &* 977 &+ 5)
            let other = PersonPlanTests.prices(trial.rules, &dice)
            let plan = PersonPlanTests.bruteForce(trial.plan, cost: other)?.plan ?? optimum.plan
            let full = trial.plan, rules = trial.rules, count = rules.dayCount
            for _ in 0..<6 {
                let a = dice.int(0...(count - 1)), e = dice.int((a + 1)...count)
                let window = PlanWindow(rules, plan: plan, days: a..<e)
                windows += 1
                if window.first < a || window.end > e { held += 1 }
                if window.rules.before != nil { withHistory += 1 }
                let search = PersonPlan(rules: window.rules), cost = window.slice(trial.cost)
                let context = "window \(a)..<\(e) (to \(window.end)) of \(plan); \(trial.context)"
                #expect(search.keeps(window.slice(plan)), "the held plan breaks the window's rules; \(context)")
                let constant = full.cost(of: plan, trial.cost) - search.cost(of: window.slice(plan), cost)
                let fixed = PersonPlan(rules: Self.held(rules, plan, outside: a..<e))
                let best = PersonPlanTests.bruteForce(search, cost: cost), reference = PersonPlanTests.bruteForce(fixed, cost: trial.cost)
                guard let best, let reference else {
                    Issue.record("window optimum \(String(describing: best)), held full optimum \(String(describing: reference)); \(context)")
                    continue
                }
                #expect(abs(best.cost + constant - reference.cost) <= 1e-6,
                        "window optimum \(best.plan) at \(best.cost) + \(constant), held full optimum \(reference.plan) at \(reference.cost); \(context)")
                let merged = window.merged(best.plan, into: plan)
                #expect(full.keeps(merged), "the window's optimum \(merged) breaks the full rules; \(context)")
                if best.cost < search.cost(of: window.slice(plan), cost) - 1e-6 { cheaper += 1 }
            }
        }
        print("plan window batch \(batch): \(windows) windows, \(held) with held days, \(cheaper) cheaper, \(withHistory) with a history")
        #expect(windows >= 300 && held >= 100 && cheaper >= 50 && withHistory >= 100,
                "\(windows) windows, \(held) with held days, \(cheaper) cheaper, \(withHistory) with a history")
    }
}
