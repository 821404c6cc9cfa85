import Paiban
@testable import PaibanSolver
import Testing

/// `PersonPlan.resourceBest` (the programme with minutes, weekends and capped shift counts in its state) checked
/// against enumeration on the random one-person scenarios of `PersonPlanExactTests`: it must find the optimum
/// exactly, answer a cut (`below`) as a proof, and refuse a table over its size limit.
@Suite("person plan resources")
struct PersonPlanResourcesTests {
    typealias Exact = PersonPlanExactTests

    /// For 400 random scenarios (counted resources on every other one, soft runs on), without a cut: a plan that
    /// keeps every rule at the enumerated optimum, or no plan and a floor of +infinity when nothing keeps the
    /// rules. With a cut above the optimum the optimum again; at or under it, no plan and a floor of at least
    /// the cut and at most the optimum. The batches must hold cases where the heuristic `best` misses the
    /// optimum, so that the table did work the programme alone does not.
    @Test(arguments: 0..<4)
    func tableMatchesBruteForce(batch: Int) {
        var feasible = 0, infeasible = 0, missed = 0, cuts = 0
        for (_, trial) in Exact.trials(from: 30_000 + UInt64(batch) * 100, count: 100) {
            let (plan, cost, context) = (trial.plan, trial.cost, trial.context)
            guard let table = plan.resourceBest(cost: cost) else {
                Issue.record("no answer (over the size limit, or a plan that breaks a rule); \(context)")
                continue
            }
            guard let optimum = trial.optimum else {
                infeasible += 1
                #expect(table.found == nil, "no schedule keeps the rules, yet the table found \(table.found!.plan); \(context)")
                #expect(table.floor == .infinity, "no schedule keeps the rules, yet the floor is \(table.floor); \(context)")
                continue
            }
            feasible += 1
            if trial.found.map({ plan.cost(of: $0, cost) > optimum.cost + 1e-9 }) ?? true { missed += 1 }
            Exact.expectOptimal(table.found?.plan, trial, "resourceBest")
            if let found = table.found {
                #expect(abs(found.cost - plan.cost(of: found.plan, cost)) <= 1e-9, "reported cost \(found.cost); \(context)")
            }
            #expect(abs(table.floor - optimum.cost) <= 1e-6, "floor \(table.floor), optimum \(optimum.cost); \(context)")
            // The cut prunes the table by the programme's values, at zero prices and at the prices the exact
            // search ends with (where the counted rules bind, far from zero): the same answers either way.
            let searched = plan.exactBest(cost: cost, steps: 10).prices
            for below in [optimum.cost + 1e-3, optimum.cost + 10, optimum.cost, optimum.cost - 1, optimum.cost - 10] {
                for prices in [nil, searched] {
                    cuts += 1
                    guard let cut = plan.resourceBest(cost: cost, below: below, prices: prices) else {
                        Issue.record("below \(below): no answer; \(context)")
                        continue
                    }
                    if below > optimum.cost {
                        Exact.expectOptimal(cut.found?.plan, trial, "resourceBest below \(below), prices \(String(describing: prices))")
                    } else {
                        #expect(cut.found == nil, "below \(below): a plan at \(cut.found!.cost), under the optimum \(optimum.cost)?; \(context)")
                        #expect(cut.floor >= below - 1e-6 && cut.floor <= optimum.cost + 1e-6,
                                "below \(below): floor \(cut.floor), optimum \(optimum.cost); \(context)")
                    }
                }
            }
        }
        print("resourceBest batch \(batch): \(feasible) feasible, \(infeasible) infeasible, best missed the optimum in \(missed), \(cuts) cuts")
        #expect(feasible >= 60, "only \(feasible) trials had a schedule")
        #expect(missed >= 3, "best missed the optimum in only \(missed) trials")
        #expect(infeasible >= 1, "no trial was left without a schedule")
    }

    /// Caps on many types multiply past a whole number's range (Curtois 24 caps 32 types): the table is refused,
    /// not overflowed, and the exact search still answers through `provenBest`.
    @Test func manyCapsAreRefusedWithoutOverflow() {
        let types = 40, days = 28
        let rules = PersonRules(dayCount: days, shifts: Array(0..<types), minutes: Array(repeating: 480, count: types),
                                open: Array(repeating: Array(repeating: true, count: types), count: days),
                                follows: Array(repeating: Array(repeating: true, count: types), count: types), maxWork: 5,
                                weekendDay: (0..<days).map { UInt8([0, 0, 0, 0, 0, 1, 2][$0 % 7]) }, caps: Array(repeating: 3, count: types))
        let plan = PersonPlan(rules: rules)
        var cost: [[Double]] = []
        for d in 0..<days { cost.append((0..<types).map { t -> Double in Double((d * 7 + t * 3) % 11 - 5) }) }
        #expect(plan.resourceBest(cost: cost) == nil)
        let exact = plan.provenBest(cost: cost)
        #expect(exact.plan.map(plan.keeps) == true)
    }

    /// A window's rules (`PlanWindow`) may leave a bottom of the band below zero, or a cap below zero around a plan
    /// that breaks it: a bottom at or below zero is no bottom (the same answer as without one), and a cap below
    /// zero gets no table (the exact search answers). `provenBest` with no nodes for the search is answered by
    /// the table: proven, at the enumerated optimum.
    @Test func windowBoundsAndTheFallback() {
        var compared = 0, fallbacks = 0
        for (_, trial) in Exact.trials(from: 32_000, count: 100) {
            var open = trial.rules
            open.minutesMin = nil
            open.minutesMax = nil
            var below = open
            below.minutesMin = -1_000
            let plain = PersonPlan(rules: open).resourceBest(cost: trial.cost)
            let negative = PersonPlan(rules: below).resourceBest(cost: trial.cost)
            #expect(plain?.floor == negative?.floor, "a bottom of -1000 changed the answer; \(trial.context)")
            compared += 1
            if let t = trial.rules.caps.firstIndex(where: { $0 != nil }) {
                var broken = trial.rules
                broken.caps[t] = -1
                #expect(PersonPlan(rules: broken).resourceBest(cost: trial.cost) == nil, "a table for a cap below zero; \(trial.context)")
            }
            if let optimum = trial.optimum {
                let exact = trial.plan.provenBest(cost: trial.cost, nodeLimit: 0)
                #expect(exact.proven, "provenBest without nodes was not proven; \(trial.context)")
                Exact.expectOptimal(exact.plan, trial, "provenBest without nodes")
                #expect(abs(exact.floor - optimum.cost) <= 1e-6, "floor \(exact.floor), optimum \(optimum.cost); \(trial.context)")
                #expect(exact.byTable, "provenBest without nodes did not say the table answered; \(trial.context)")
                // The table at once (a person whose last pricing needed it), pruned by the search's prices: the
                // optimum under a cut above it, none under one at it.
                let hint = trial.plan.exactBest(cost: trial.cost, steps: 10).prices
                let first = trial.plan.provenBest(cost: trial.cost, below: optimum.cost + 1, hint: hint, tableFirst: true)
                #expect(first.proven && first.byTable, "the table did not answer at once; \(trial.context)")
                Exact.expectOptimal(first.plan, trial, "provenBest with the table first")
                let none = trial.plan.provenBest(cost: trial.cost, below: optimum.cost, hint: hint, tableFirst: true)
                #expect(none.plan == nil && none.floor >= optimum.cost - 1e-6, "a plan below the optimum; \(trial.context)")
                fallbacks += 1
            }
        }
        #expect(compared >= 60 && fallbacks >= 50, "\(compared) compared, \(fallbacks) fallbacks")
    }

    /// A table larger than the limit is refused rather than built: the same person with a limit of one entry.
    @Test func refusesLargeTables() {
        guard let trial = Exact.trials(from: 30_000, count: 20).first(where: { $0.trial.optimum != nil })?.trial else {
            Issue.record("no trial with a schedule")
            return
        }
        #expect(trial.plan.resourceBest(cost: trial.cost, entryLimit: 1) == nil)
        #expect(trial.plan.resourceBest(cost: trial.cost) != nil)
    }
}
