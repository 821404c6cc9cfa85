import CurtoisReference
import Foundation
import Paiban
import PaibanIO
@testable import PaibanSolver
import Testing

/// `PersonPlan.exactBest` (the branch and bound over the days, pruned by the Lagrangian relaxation) and the
/// Lagrangian bound of `bestWithBound`, checked against enumeration on random one-person scenarios with the
/// counted resources (shift caps, weekend cap, paid-minutes band) where the programme alone is a heuristic;
/// and `ColumnGeneration.price`, which trusts the search's proofs instead of GLPK, checked against GLPK's
/// pricing on Curtois Instances 1-4.
@Suite("person plan exact")
struct PersonPlanExactTests {
    typealias Dice = PersonPlanTests.Dice
    typealias Trial = PersonPlanTests.Trial

    /// The trials of `count` seeds from `base`: counted resources always (`.some`) on even seeds, maybe on odd
    /// ones, soft runs on; scenarios that give the person nothing to plan are left out.
    static func trials(from base: UInt64, count: UInt64) -> [(seed: UInt64, trial: Trial)] {
        (base..<base + count).compactMap { seed in
            PersonPlanTests.trial(seed: seed, resources: seed % 2 == 0 ? .some : .maybe, softRuns: true).map { (seed, $0) }
        }
    }

    static func unit(_ dice: inout Dice) -> Double { Double(dice.next() >> 11) / Double(1 << 53) }

    /// The costs with noise of up to `size` on every open cell.
    static func perturb(_ cost: [[Double]], size: Double, _ dice: inout Dice) -> [[Double]] {
        cost.map { $0.map { $0.isFinite ? $0 + size * (2 * unit(&dice) - 1) : $0 } }
    }

    /// Random resource prices the Lagrangian may stand on: a shift price only on a capped type, a weekend price
    /// only with a weekend cap, a minute price signed towards a side of the band that exists.
    static func randomPrices(_ rules: PersonRules, scale: Double, _ dice: inout Dice) -> PersonPlan.Prices {
        let mu = rules.caps.map { cap in cap != nil && dice.chance(0.7) ? 3 * scale * unit(&dice) : 0 }
        let nu = rules.maxWeekends != nil && dice.chance(0.7) ? 3 * scale * unit(&dice) : 0
        var lambda = 0.0
        let perMinute = 3 * scale / 480
        switch (rules.minutesMin != nil, rules.minutesMax != nil) {
        case (true, true): lambda = dice.chance(0.5) ? perMinute * unit(&dice) : -perMinute * unit(&dice)
        case (false, true): lambda = perMinute * unit(&dice)
        case (true, false): lambda = -perMinute * unit(&dice)
        case (false, false): break
        }
        return PersonPlan.Prices(lambda: lambda, mu: mu, nu: nu)
    }

    /// Records an issue unless `found` keeps every rule and costs the enumerated optimum.
    static func expectOptimal(_ found: [Int?]?, _ trial: Trial, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let optimum = trial.optimum else { return }
        guard let found else {
            Issue.record("\(what): no plan, enumeration found \(optimum.plan) at \(optimum.cost); \(trial.context)", sourceLocation: sourceLocation)
            return
        }
        #expect(trial.plan.keeps(found), "\(what): \(found) breaks a rule; \(trial.context)", sourceLocation: sourceLocation)
        let cost = trial.plan.cost(of: found, trial.cost)
        #expect(abs(cost - optimum.cost) <= 1e-6,
                "\(what): \(found) costs \(cost), enumeration \(optimum.cost) (\(optimum.plan)); \(trial.context)", sourceLocation: sourceLocation)
    }

    // MARK: - 1. The search is exact

    /// For 400 random one-person scenarios with counted resources (every other one surely has some) and soft
    /// runs, `exactBest` without a cut returns a schedule that keeps every rule and costs the enumerated
    /// optimum, proven, with `floor` at the optimum; when no schedule keeps the rules, no plan, proven, and a
    /// floor of +infinity. The batches must hold cases where `best`, the heuristic, misses the optimum (else
    /// the search was never needed) and cases without a schedule.
    @Test(arguments: 0..<4)
    func exactMatchesBruteForce(batch: Int) {
        var feasible = 0, infeasible = 0, missed = 0, unproven = 0
        for (_, trial) in Self.trials(from: 20_000 + UInt64(batch) * 100, count: 100) {
            let (plan, cost, context) = (trial.plan, trial.cost, trial.context)
            let exact = plan.exactBest(cost: cost)
            if !exact.proven { unproven += 1 }
            #expect(exact.proven, "the search did not finish; \(context)")
            guard let optimum = trial.optimum else {
                infeasible += 1
                #expect(exact.plan == nil, "no schedule keeps the rules, yet exactBest returned \(exact.plan!); \(context)")
                #expect(exact.floor == .infinity, "no schedule keeps the rules, yet the floor is \(exact.floor); \(context)")
                continue
            }
            feasible += 1
            if trial.found.map({ plan.cost(of: $0, cost) > optimum.cost + 1e-9 }) ?? true { missed += 1 }
            Self.expectOptimal(exact.plan, trial, "exactBest")
            #expect(abs(exact.floor - optimum.cost) <= 1e-6, "floor \(exact.floor), optimum \(optimum.cost); \(context)")
        }
        print("exactBest batch \(batch): \(feasible) feasible, \(infeasible) infeasible, best missed the optimum in \(missed), \(unproven) unproven")
        #expect(feasible >= 60, "only \(feasible) trials had a schedule")
        #expect(missed >= 3, "best missed the optimum in only \(missed) trials: the search was hardly needed")
        #expect(infeasible >= 1, "no trial was left without a schedule")
    }

    // MARK: - 2. The Lagrangian bound is a bound

    /// On the same kind of scenarios: `bestWithBound`'s bound is at most the enumerated optimum (+infinity only
    /// when no schedule keeps the rules), its plan keeps the rules and costs no less than the optimum, and the
    /// bound is the Lagrangian value at the prices it returns. Six random prices per trial (shift prices on
    /// capped types, weekend price with a cap, minute price towards a side of the band) give Lagrangian values
    /// that must also stay at or under the optimum; the relaxation may have no schedule only if the rules have
    /// none. Finite bounds must be met, and some of them tight.
    @Test(arguments: 0..<4)
    func lagrangianBoundIsValid(batch: Int) {
        var finite = 0, tight = 0, randomFinite = 0, randomClose = 0
        for (seed, trial) in Self.trials(from: 20_000 + UInt64(batch) * 100, count: 100) {
            let (plan, cost, context) = (trial.plan, trial.cost, trial.context)
            let result = plan.bestWithBound(cost: cost)
            if let optimum = trial.optimum {
                #expect(result.bound <= optimum.cost + 1e-9, "bound \(result.bound) above the optimum \(optimum.cost) (\(optimum.plan)); \(context)")
                if result.bound.isFinite { finite += 1; if result.bound >= optimum.cost - 1e-6 { tight += 1 } }
                if let found = result.plan {
                    #expect(plan.keeps(found), "bestWithBound returned \(found), which breaks a rule; \(context)")
                    #expect(plan.cost(of: found, cost) >= optimum.cost - 1e-9, "\(found) costs less than the optimum; \(context)")
                }
            } else {
                #expect(result.plan == nil, "no schedule keeps the rules, yet bestWithBound returned \(result.plan!); \(context)")
            }
            if result.bound.isFinite {
                let p = result.prices
                if let relaxed = plan.solve(cost: cost, lambda: p.lambda, mu: p.mu, nu: p.nu) {
                    let value = plan.lagrangian(relaxed, used: plan.usage(relaxed), cost: cost, lambda: p.lambda, mu: p.mu, nu: p.nu)
                    #expect(abs(value - result.bound) <= 1e-9, "bound \(result.bound), Lagrangian value at its prices \(value); \(context)")
                } else {
                    Issue.record("the bound is finite, yet the relaxation at its prices has no schedule; \(context)")
                }
            }
            var dice = Dice(seed: seed &* 31 &+ 7)
            let scale = PersonPlan.costScale(cost)
            for _ in 0..<6 {
                let p = Self.randomPrices(trial.rules, scale: scale, &dice)
                guard let relaxed = plan.solve(cost: cost, lambda: p.lambda, mu: p.mu, nu: p.nu) else {
                    #expect(trial.optimum == nil, "the relaxation at \(p) has no schedule, enumeration found \(trial.optimum!.plan); \(context)")
                    continue
                }
                let value = plan.lagrangian(relaxed, used: plan.usage(relaxed), cost: cost, lambda: p.lambda, mu: p.mu, nu: p.nu)
                guard let optimum = trial.optimum else { continue }
                #expect(value <= optimum.cost + 1e-9, "Lagrangian value \(value) at \(p) above the optimum \(optimum.cost) (\(optimum.plan)); \(context)")
                if value.isFinite { randomFinite += 1; if value >= optimum.cost - 0.1 * scale { randomClose += 1 } }
            }
        }
        print("bestWithBound batch \(batch): \(finite) finite bounds, \(tight) tight; random prices: \(randomFinite) finite values, \(randomClose) within 0.1 scale")
        #expect(finite >= 50 && tight >= 10, "\(finite) finite bounds, \(tight) tight")
        #expect(randomFinite >= 200, "only \(randomFinite) finite Lagrangian values at random prices")
    }

    // MARK: - 3. A cut, and start prices

    /// With `below`: above the optimum (by 1e-3, 1 or 10) the search finds the optimum and floor is its cost;
    /// at or under it (by 0, 1e-3, 1 or 10) it returns no plan cheaper than `below` (any plan keeps the rules and
    /// costs at least the optimum) and a floor between `below` and the optimum. Without a schedule at all: no
    /// plan, and a floor of at least `below`. Each case also with a `hint`: the prices of a previous search on
    /// costs with noise (as the next pricing of a person starts from the last), and `bestWithBound`'s prices on
    /// them; the answers must be the same as without one (floors equal, optimal costs equal).
    @Test(arguments: 0..<4)
    func belowAndHints(batch: Int) {
        var above = 0, under = 0, none = 0, hinted = 0
        for (seed, trial) in Self.trials(from: 22_000 + UInt64(batch) * 100, count: 100) {
            let (plan, cost, context) = (trial.plan, trial.cost, trial.context)
            var dice = Dice(seed: seed &* 131 &+ 3)
            let scale = PersonPlan.costScale(cost)
            let perturbed = Self.perturb(cost, size: [0.1, 1, 3][dice.int(0...2)] * scale, &dice)
            let optimum = trial.optimum?.cost
            let hints = [plan.exactBest(cost: perturbed, below: (optimum ?? 0) + scale * (2 * Self.unit(&dice) - 1)).prices,
                         plan.bestWithBound(cost: perturbed).prices]
            let belows: [Double] = optimum.map { (o: Double) -> [Double] in [o + 1e-3, o + 1, o + 10, o, o - 1e-3, o - 1, o - 10] } ?? [-10, 0, 10, 100]
            for below in belows {
                var floors: [Double] = []
                let options: [PersonPlan.Prices?] = [nil] + hints.map { Optional($0) }
                for (k, hint) in options.enumerated() {
                    let what = "below \(below)" + (k == 0 ? "" : ", hint \(k)")
                    let exact = plan.exactBest(cost: cost, below: below, hint: hint)
                    if hint != nil { hinted += 1 }
                    #expect(exact.proven, "\(what): the search did not finish; \(context)")
                    if let found = exact.plan {
                        #expect(plan.keeps(found), "\(what): \(found) breaks a rule; \(context)")
                        #expect(optimum.map { plan.cost(of: found, cost) >= $0 - 1e-6 } ?? false,
                                "\(what): \(found) costs \(plan.cost(of: found, cost)), optimum \(optimum.map { "\($0)" } ?? "none"); \(context)")
                    }
                    guard exact.proven else { continue }
                    floors.append(exact.floor)
                    if let optimum, below > optimum {
                        if k == 0 { above += 1 }
                        Self.expectOptimal(exact.plan, trial, what)
                        #expect(abs(exact.floor - optimum) <= 1e-6, "\(what): floor \(exact.floor), optimum \(optimum); \(context)")
                    } else {
                        if k == 0 { if optimum == nil { none += 1 } else { under += 1 } }
                        #expect(exact.floor >= below - 1e-6, "\(what): floor \(exact.floor) under the cut although nothing is cheaper; \(context)")
                        if let optimum {
                            #expect(exact.floor <= optimum + 1e-6, "\(what): floor \(exact.floor) above the optimum \(optimum); \(context)")
                        }
                    }
                }
                if let first = floors.first {
                    #expect(floors.allSatisfy { abs($0 - first) <= 1e-6 || ($0 == first) },
                            "below \(below): floors without and with hints differ: \(floors); \(context)")
                }
            }
        }
        print("below batch \(batch): \(above) cuts above the optimum, \(under) at or under it, \(none) without a schedule, \(hinted) hinted searches")
        #expect(above >= 150 && under >= 200 && none >= 4, "\(above) above, \(under) under, \(none) without a schedule")
    }

    /// Cut short by a node limit (1, 3, 10 or 30 nodes), with or without a cut, the search's floor is still a
    /// lower bound on the optimum (possibly -infinity), a plan it returns keeps the rules and costs no less
    /// than the optimum, and when it does finish the contract holds as in `belowAndHints`. Some searches
    /// must run out of nodes.
    @Test func nodeLimitLeavesAValidFloor() {
        var unproven = 0, provenCount = 0
        for (seed, trial) in Self.trials(from: 24_000, count: 200) {
            let (plan, cost, context) = (trial.plan, trial.cost, trial.context)
            var dice = Dice(seed: seed &* 17 &+ 5)
            let optimum = trial.optimum?.cost
            for nodeLimit in [1, 3, 10, 30] {
                let below = [Double.infinity, (optimum ?? 0) + 1, (optimum ?? 0) - 1][dice.int(0...2)]
                let exact = plan.exactBest(cost: cost, below: below, nodeLimit: nodeLimit)
                let what = "\(nodeLimit) nodes, below \(below)"
                if exact.proven { provenCount += 1 } else { unproven += 1 }
                if let found = exact.plan {
                    #expect(plan.keeps(found), "\(what): \(found) breaks a rule; \(context)")
                    #expect(optimum.map { plan.cost(of: found, cost) >= $0 - 1e-6 } ?? false, "\(what): \(found) beats the optimum; \(context)")
                }
                guard let optimum else {
                    if exact.proven { #expect(exact.plan == nil && exact.floor >= min(below, .infinity) - 1e-6, "\(what): floor \(exact.floor); \(context)") }
                    continue
                }
                #expect(exact.floor <= optimum + 1e-6, "\(what): floor \(exact.floor) above the optimum \(optimum) (proven \(exact.proven)); \(context)")
                if exact.proven {
                    if below > optimum {
                        Self.expectOptimal(exact.plan, trial, what)
                        #expect(abs(exact.floor - optimum) <= 1e-6, "\(what): floor \(exact.floor), optimum \(optimum); \(context)")
                    } else {
                        #expect(exact.floor >= below - 1e-6, "\(what): floor \(exact.floor) under the cut; \(context)")
                    }
                }
            }
        }
        print("node limits: \(unproven) searches cut short, \(provenCount) finished")
        #expect(unproven >= 50, "only \(unproven) searches ran out of nodes")
    }

    // MARK: - 4. Must-work and closed cells

    /// As a dive fixes cells: 1-2 days fixed worked on one of their open shifts (the day must be worked), and
    /// sometimes a closed cell, in 200 random scenarios with counted resources. `exactBest` still matches
    /// enumeration (optimum, proof, floor; nothing when nothing keeps the rules), works every must-work day,
    /// and with a cut 1 above or 1 under the optimum answers as in `belowAndHints`; `bestWithBound`'s bound stays
    /// under the optimum. Some trials must have an unconstrained optimum that rests on a must-work day, and
    /// some must be left without a schedule.
    @Test(arguments: 0..<2)
    func mustWorkAndClosedCells(batch: Int) {
        var bites = 0, empty = 0, feasible = 0
        for seed in UInt64(26_000 + batch * 100)..<UInt64(26_000 + batch * 100 + 100) {
            let scenario = PersonPlanTests.scenario(seed: seed, resources: seed % 2 == 0 ? .some : .maybe, softRuns: true)
            guard var rules = PersonPlanTests.rules(scenario, seed: seed) else { continue }
            var dice = Dice(seed: ~seed)
            let cost = PersonPlanTests.prices(rules, &dice)
            let free = PersonPlanTests.bruteForce(PersonPlan(rules: rules), cost: cost)
            var fixed: [String] = []
            for _ in 0..<dice.int(1...2) {
                let days = rules.open.indices.filter { !rules.mustWork.contains($0) && rules.open[$0].contains(true) }
                guard !days.isEmpty else { break }
                let d = days[dice.int(0...days.count - 1)]
                let shifts = rules.open[d].indices.filter { rules.open[d][$0] }
                let t = shifts[dice.int(0...shifts.count - 1)]
                rules.fix(day: d, shift: t, worked: true)
                fixed.append("day \(d) on \(t)")
            }
            if dice.chance(0.5) {
                let cells = rules.open.indices.flatMap { d in rules.open[d].indices.filter { rules.open[d][$0] && !rules.mustWork.contains(d) }.map { (d, $0) } }
                if !cells.isEmpty {
                    let (d, t) = cells[dice.int(0...cells.count - 1)]
                    rules.fix(day: d, shift: t, worked: false)
                    fixed.append("day \(d) off \(t)")
                }
            }
            let plan = PersonPlan(rules: rules)
            let optimum = PersonPlanTests.bruteForce(plan, cost: cost)
            let context = "fixed \(fixed); \(PersonPlanTests.describe(scenario, seed: seed))"
            let trial = Trial(scenario: scenario, rules: rules, cost: cost, plan: plan, optimum: optimum, found: nil, context: context)
            if let free, rules.mustWork.contains(where: { free.plan[$0] == nil }) { bites += 1 }
            let exact = plan.exactBest(cost: cost)
            #expect(exact.proven, "the search did not finish; \(context)")
            let bound = plan.bestWithBound(cost: cost).bound
            guard let optimum else {
                empty += 1
                #expect(exact.plan == nil && exact.floor == .infinity, "nothing keeps the rules, yet exactBest gave \(exact.plan.map { "\($0)" } ?? "nil") floor \(exact.floor); \(context)")
                for below in [0.0, 50] {
                    let cut = plan.exactBest(cost: cost, below: below)
                    #expect(cut.plan == nil && (!cut.proven || cut.floor >= below - 1e-6), "below \(below): floor \(cut.floor); \(context)")
                }
                continue
            }
            feasible += 1
            Self.expectOptimal(exact.plan, trial, "exactBest")
            #expect(exact.plan.map { found in rules.mustWork.allSatisfy { found[$0] != nil } } ?? true, "rests on a must-work day; \(context)")
            #expect(abs(exact.floor - optimum.cost) <= 1e-6, "floor \(exact.floor), optimum \(optimum.cost); \(context)")
            #expect(bound <= optimum.cost + 1e-9, "bound \(bound) above the optimum \(optimum.cost); \(context)")
            let over = plan.exactBest(cost: cost, below: optimum.cost + 1)
            #expect(over.proven)
            Self.expectOptimal(over.plan, trial, "below the optimum + 1")
            let short = plan.exactBest(cost: cost, below: optimum.cost - 1, hint: over.prices)
            #expect(short.proven && short.floor >= optimum.cost - 1 - 1e-6 && short.floor <= optimum.cost + 1e-6,
                    "below the optimum - 1: floor \(short.floor), optimum \(optimum.cost); \(context)")
            if let found = short.plan { #expect(plan.keeps(found) && plan.cost(of: found, cost) >= optimum.cost - 1e-6, "\(found); \(context)") }
        }
        print("must-work batch \(batch): \(feasible) feasible, \(empty) without a schedule, \(bites) where the free optimum rested on a must-work day")
        #expect(feasible >= 50)
        #expect(bites >= 10, "only \(bites) trials had an unconstrained optimum resting on a must-work day")
        #expect(empty >= 1, "no trial was left without a schedule")
    }

    // MARK: - 5. Curtois: the programme's pricing against GLPK's

    /// What one instance's comparisons came to.
    struct Tally: CustomStringConvertible {
        var compared = 0, provenSchedules = 0, heuristicSchedules = 0, claims = 0, unproven = 0
        var glpkBelowZero = 0, glpkNotBelowZero = 0, glpkNone = 0, fixings = 0
        var description: String {
            "\(compared) compared: \(provenSchedules) proven schedules, \(heuristicSchedules) unproven ones, \(claims) 'nothing new' claims, "
                + "\(unproven) left unproven (programme only); GLPK below zero \(glpkBelowZero), not \(glpkNotBelowZero), none \(glpkNone); \(fixings) with fixed cells"
        }
    }

    /// Curtois Instances 1-4, the column generation as `Search.priceAndBranch` builds it (plain model, rule book),
    /// started from everyone's cheapest schedule at zero duals and run round by round: the master LP's duals at
    /// a few rounds (the first, some after, the last), each as they are and with random noise on the cover rows'
    /// duals (0.3 and 1 times their mean size). For every person the programme prices, GLPK's pricing (a
    /// generation without the rule book) gives the optimum, and sometimes first a cell of its optimum is fixed
    /// off or a day it rests fixed worked (as a dive does; GLPK then prices under the fixing, and finding nothing
    /// means nothing keeps it). The person's dual is set at GLPK's optimum plus an offset (-5 to +5 scales, or far
    /// above), so that sometimes a schedule prices below zero and sometimes none does. The programme's pricing
    /// (a generation with the rule book, programme only, and one that falls back on GLPK) must then agree:
    /// a schedule it calls optimal costs GLPK's optimum, any schedule costs no less and prices below zero; with
    /// no values (nothing new), its objective is a lower bound (at most GLPK's optimum) and GLPK finds nothing
    /// below zero. The generations with the rule book keep their price hints from one pricing to the next.
    @Test(.enabled(if: InstanceFiles.available), arguments: [1, 2, 3, 4])
    func programmePricingAgreesWithGLPK(instance: Int) throws {
        let began = Date()
        let scenario = try CurtoisImport.scenario(path: InstanceFiles.path(instance)).1
        let plain = RosterModel(scenario)
        let index = ModelIndex(plain.linear)
        let parts = try #require(PersonDecomposition(model: plain.linear, index: index, cells: plain.x.cells, people: scenario.staff.count))
        let book = PersonRuleBook(plain)
        let planned = book.rules.indices.filter { book.rules[$0] != nil }
        try #require(planned.count == scenario.staff.count, "the programme plans only \(planned.count) of \(scenario.staff.count)")
        let deadline = Deadline(seconds: 600)
        var glpk = ColumnGeneration(model: plain.linear, index: index, parts: parts)
        var generation = ColumnGeneration(model: plain.linear, index: index, parts: parts, book: book)
        let rows = parts.masterRows.count, people = generation.people
        // Everyone's cheapest schedule at zero duals, by GLPK: a start the master LP can price.
        let zero = [Double](repeating: 0, count: rows + people)
        for p in 0..<people {
            let start = try #require(try glpk.price(p, duals: zero, timeLimit: 30), "no schedule for person \(p)")
            generation.add(p, values: start.values)
        }
        // The master LP's duals round by round, until convergence or 12 rounds.
        var rounds: [[Double]] = []
        for _ in 0..<12 {
            let master = try generation.keptMaster(fixed: nil)
            try #require(try master.solveLP(timeLimit: 60) == .optimal)
            rounds.append(master.rowDuals)
            if generation.converged || generation.stalled { break }
            try generation.generate(until: deadline, seconds: 0.01)
        }
        let generated = Date().timeIntervalSince(began)
        let snapshots = Array(Set([0, 1, 3, rounds.count - 1].filter { $0 < rounds.count })).sorted().map { rounds[$0] }
        let column = parts.columns.map { columns in Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0) }) }

        var tally = Tally()
        var dice = Dice(seed: UInt64(instance) &* 1009 &+ 1)
        var programme = ColumnGeneration(model: plain.linear, index: index, parts: parts, book: book)
        var fallback = ColumnGeneration(model: plain.linear, index: index, parts: parts, book: book)
        for (k, base) in snapshots.enumerated() {
            let sizes = base[0..<rows].map(abs).filter { $0 > 1e-9 }
            let scale = max(1, sizes.reduce(0, +) / Double(max(1, sizes.count)))
            for noise in [0, 0.3, 1.0] {
                var duals = base
                for i in 0..<rows { duals[i] += noise * scale * (2 * Self.unit(&dice) - 1) }
                for p in planned {
                    let free = try #require(try glpk.price(p, duals: duals, timeLimit: 30), "GLPK found no schedule for person \(p)")
                    try #require(free.optimal, "GLPK did not prove person \(p)'s pricing")
                    var fixing: ColumnGeneration.Fixing = [:]
                    if dice.chance(0.3) {
                        let cells = book.cellOf[p].enumerated().flatMap { d, day in day.compactMap { $0 }.map { (d, $0) } }
                        let worked = cells.filter { free.values[column[p][$0.1]!] > 0.5 }
                        let restDays = Set(cells.map(\.0)).subtracting(worked.map(\.0))
                        if dice.chance(0.5), !worked.isEmpty {
                            fixing[worked[dice.int(0...worked.count - 1)].1] = false
                        }
                        let onRest = cells.filter { restDays.contains($0.0) }
                        if fixing.isEmpty || dice.chance(0.3), !onRest.isEmpty {
                            fixing[onRest[dice.int(0...onRest.count - 1)].1] = true
                        }
                    }
                    if !fixing.isEmpty { tally.fixings += 1 }
                    let exact = fixing.isEmpty ? free : try glpk.price(p, duals: duals, fixed: fixing, timeLimit: 30)
                    if let exact { try #require(exact.optimal, "GLPK did not prove person \(p)'s pricing under \(fixing)") }
                    let optimum = exact?.objective
                    let offsets = [-5, -1, -0.01, 0.01, 1, 5, 1e4]
                    let dual = (optimum ?? free.objective) + offsets[dice.int(0...offsets.count - 1)] * scale
                    duals[rows + p] = dual
                    if let optimum { if optimum - dual < -1e-6 { tally.glpkBelowZero += 1 } else { tally.glpkNotBelowZero += 1 } } else { tally.glpkNone += 1 }
                    let context = "Instance\(instance), round snapshot \(k), noise \(noise), person \(p), fixing \(fixing), dual \(dual), GLPK \(optimum.map { "\($0)" } ?? "none")"
                    func check(_ priced: ColumnGeneration.PricedSchedule?, _ how: String) {
                        guard let priced else { tally.unproven += 1; return }
                        tally.compared += 1
                        if priced.values.isEmpty {
                            // Nothing new (nothing is known to these generations): no schedule prices below zero.
                            tally.claims += 1
                            #expect(priced.optimal, "\(how): no values, not optimal; \(context)")
                            guard let optimum else { return }
                            #expect(priced.objective <= optimum + 1e-6, "\(how): floor \(priced.objective) above GLPK's optimum; \(context)")
                            #expect(optimum - dual >= -1e-6, "\(how): claims nothing below zero (floor \(priced.objective)), GLPK's reduced cost is \(optimum - dual); \(context)")
                        } else {
                            guard let optimum else {
                                Issue.record("\(how): a schedule at \(priced.objective) where GLPK finds none; \(context)")
                                return
                            }
                            #expect(priced.objective >= optimum - 1e-6, "\(how): \(priced.objective) beats GLPK's optimum; \(context)")
                            if priced.optimal {
                                tally.provenSchedules += 1
                                #expect(abs(priced.objective - optimum) <= 1e-6, "\(how): proven \(priced.objective), GLPK \(optimum); \(context)")
                            } else {
                                tally.heuristicSchedules += 1
                            }
                        }
                    }
                    check(try programme.price(p, duals: duals, fixed: fixing, timeLimit: 30, programmeOnly: true), "programme only")
                    check(try fallback.price(p, duals: duals, fixed: fixing, timeLimit: 30), "programme, then GLPK")
                    duals[rows + p] = base[rows + p]
                }
            }
        }
        print("Instance\(instance): \(rounds.count) rounds (converged \(generation.converged)), \(snapshots.count) snapshots, \(tally), "
              + String(format: "%.1f s (%.1f s generating)", Date().timeIntervalSince(began), generated))
        let trials = snapshots.count * 3 * planned.count
        #expect(tally.compared >= trials, "only \(tally.compared) comparisons of \(2 * trials) pricings")
        #expect(tally.provenSchedules >= trials / 4 && tally.claims >= trials / 4,
                "\(tally.provenSchedules) proven schedules, \(tally.claims) claims of nothing new")
        #expect(tally.glpkBelowZero >= trials / 4 && tally.glpkNotBelowZero >= trials / 4)
        #expect(tally.fixings >= trials / 8)
    }
}
