import Paiban
@testable import PaibanSolver
import Testing

/// `ColumnGeneration.dive`, which rounds the converged master LP to a roster by fixing one cell at a time
/// (worked, or off when worked lifts the LP to the cutoff) and pricing again under the fixings. The
/// column generation is built as `Search.priceAndBranch` builds it: on the plain model, with the rule book,
/// started from a roster that keeps every hard rule.
/// Serialized: each test converges a column generation for seconds, and in parallel they held both of the
/// pool's threads on a 2-core machine while the work-clock tests waited past their time limit.
@Suite("cell dive", .serialized)
struct CellDiveTests {
    /// Three people over two weeks on E 06-14 and L 14-22, each working 8 or 9 shifts in stretches of 3 or
    /// 4 days (the 4th costs 30) with at least 2 days off between them. One person on E and one on L every
    /// day, and a second person 10-14 on four days: 32 shifts wanted of at most 27 worked, so the roster
    /// leaves cover short and the stretches decide where; the master LP splits schedules. The bound is 2520
    /// (2400 of cover short, four 4th days); with four people it came out 0, and with stretches of 2 without
    /// soft runs, which would leave the bound checks below with little to check.
    static func scenario() -> Scenario {
        var b = ScenarioBuilder(days: 14)
        b.shifts = [Shifts.early, Shifts.late]
        b.rules.weights.consecutiveSoft = 30
        for id in ["A", "B", "C"] {
            b.person(id) { s in
                s.contract.minConsecutiveWork = 3
                s.contract.minConsecutiveOff = 2
                s.contract.consecutiveSoft = 3
                s.contract.consecutiveHard = 4
                s.contract.periodMinutesMin = 8 * 480
                s.contract.periodMinutesMax = 9 * 480
            }
        }
        b.need(1, from: 6, to: 22)
        b.need(2, from: 10, to: 14, on: [1, 4, 8, 11])
        return b.build()
    }

    /// The converged column generation and what checking its rosters takes.
    struct Setup {
        let scenario: Scenario
        let plain: RosterModel
        let book: PersonRuleBook
        let isDecision: [Bool]
        let settler: Settler
        let deadline = Deadline(seconds: 600)
        var generation: ColumnGeneration

        /// A roster from a dive without noise or cutoff, as decision values: where the parts' tests start.
        mutating func divedRoster(rng: inout SplitMix) throws -> [Double] {
            let choice = try #require(try generation.dive(deadline: deadline, seconds: 30, isDecision: isDecision, noise: 0, rng: &rng,
                                                          cutoff: { .infinity }))
            return generation.decisionValues(choice, isDecision: isDecision)
        }

        /// The parts' search (`ScheduleNeighbourhoods`) over this scenario.
        func neighbourhoods() -> ScheduleNeighbourhoods {
            ScheduleNeighbourhoods(cells: plain.x.cells, days: scenario.dayCount, people: generation.people)
        }
    }

    /// Builds the column generation, starts it from each person's programme schedule at zero prices (a roster
    /// that keeps every hard rule, as the search's would) and generates to convergence. Requires what makes
    /// the dive tests mean something: everyone is planned by the programme, the generation converged with a
    /// bound, and the master LP at the root works some cell fractionally (the dive has cells to fix).
    static func converged() throws -> Setup {
        let scenario = scenario()
        let plain = RosterModel(scenario)
        let index = ModelIndex(plain.linear)
        let parts = try #require(PersonDecomposition(model: plain.linear, index: index, cells: plain.x.cells, people: scenario.staff.count))
        let book = PersonRuleBook(plain)
        try #require(book.rules.allSatisfy { $0 != nil }, "the programme should plan everyone")
        var isDecision = [Bool](repeating: false, count: plain.linear.columns.count)
        for j in plain.x.decisions { isDecision[j] = true }
        var start = [Double](repeating: 0, count: plain.linear.columns.count)
        for (p, rules) in book.rules.enumerated() {
            let zero = rules!.open.map { $0.map { _ in 0.0 } }
            let plan = try #require(PersonPlan(rules: rules!).best(cost: zero), "no start schedule for person \(p)")
            for (j, v) in book.values(of: plan, person: p) { start[j] = v }
        }
        var setup = Setup(scenario: scenario, plain: plain, book: book, isDecision: isDecision,
                          settler: Settler(model: plain.linear, index: index, decisions: plain.x.decisions),
                          generation: ColumnGeneration(model: plain.linear, index: index, parts: parts, book: book))
        try setup.generation.add(roster: start, isDecision: isDecision, deadline: setup.deadline)
        try #require(setup.generation.scheduleCount == scenario.staff.count, "the start roster should give everyone a schedule")
        try setup.generation.generate(until: setup.deadline, seconds: 600)
        try #require(setup.generation.converged && setup.generation.bound != nil, "the column generation did not converge")
        let root = try #require(try setup.generation.pricingRound(fixed: nil, exact: false, deadline: setup.deadline))
        try #require(setup.cellValues(root).values.contains { $0 > 1e-6 && $0 < 1 - 1e-6 }, "the root LP works every cell whole")
        return setup
    }

    /// A dive's roster, settled on the plain model (nil there means a hard row is broken): records an issue
    /// unless it keeps every hard rule by the audit too, costs what the audit charges, and costs no less than
    /// the converged bound (a lower bound on every roster).
    static func check(_ choice: [Int], _ s: Setup, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try #require(choice.count == s.scenario.staff.count && choice.indices.allSatisfy { choice[$0] < s.generation.schedules[$0].count },
                     "\(what): \(choice) is no schedule per person", sourceLocation: sourceLocation)
        let values = s.generation.decisionValues(choice, isDecision: s.isDecision)
        let roster = s.plain.roster(from: values)
        let rows = s.scenario.rows(roster)
        let settled = try #require(try s.settler.settle(values, deadline: s.deadline), "\(what): \(rows) breaks a hard row",
                                   sourceLocation: sourceLocation)
        let audit = Audit.run(roster, in: s.scenario)
        #expect(audit.hardFindings.isEmpty, "\(what): \(rows): \(keys(audit.hardFindings))", sourceLocation: sourceLocation)
        #expect(abs(settled.objective - audit.totalPenalty) < 1e-6,
                "\(what): model \(settled.objective), audit \(audit.totalPenalty) for \(rows)", sourceLocation: sourceLocation)
        let bound = s.generation.bound!
        #expect(settled.objective >= bound - 1e-6, "\(what): \(rows) costs \(settled.objective), under the bound \(bound)",
                sourceLocation: sourceLocation)
    }

    /// The first dive of the proving thread (no noise, nothing to beat) ends in a roster that keeps every
    /// hard rule and costs at least the bound.
    @Test func diveWithoutNoiseGivesAValidRoster() throws {
        var s = try Self.converged()
        var rng = SplitMix(seed: 1)
        let choice = try #require(try s.generation.dive(deadline: s.deadline, seconds: 30, isDecision: s.isDecision, noise: 0, rng: &rng,
                                                        cutoff: { .infinity }), "the dive found no roster")
        try Self.check(choice, s, "dive")
    }

    /// Noisy dives (a random cell among those the LP works within 0.3 of the most) take other paths, and each
    /// must still end in a valid roster at or above the bound; dives in a row also share the generation's
    /// master, which each must leave unfixed for the next.
    @Test func noisyDivesGiveValidRosters() throws {
        var s = try Self.converged()
        for seed in UInt64(1)...4 {
            var rng = SplitMix(seed: seed)
            let choice = try #require(try s.generation.dive(deadline: s.deadline, seconds: 30, isDecision: s.isDecision, noise: 0.3, rng: &rng,
                                                            cutoff: { .infinity }), "dive \(seed) found no roster")
            try Self.check(choice, s, "dive \(seed)")
        }
    }

    /// With a cutoff 10 under the bound no roster can beat it: the first cell the dive fixes lifts the LP
    /// past the cutoff both worked and off, and the dive returns nil. Its fixings lifted, the master LP is
    /// back at the root's value (the schedules it held at zero are free again).
    @Test func diveBelowTheBoundFindsNothing() throws {
        var s = try Self.converged()
        let bound = s.generation.bound!
        let root = try #require(try s.generation.pricingRound(fixed: nil, exact: false, deadline: s.deadline)).master
        var rng = SplitMix(seed: 1)
        let choice = try s.generation.dive(deadline: s.deadline, seconds: 30, isDecision: s.isDecision, noise: 0, rng: &rng, cutoff: { bound - 10 })
        #expect(choice == nil, "the dive returned \(choice!) although nothing is below \(bound - 10)")
        let after = try #require(try s.generation.pricingRound(fixed: nil, exact: false, deadline: s.deadline)).master
        #expect(abs(after - root) < 1e-6, "the master LP is at \(after) after the dive, \(root) before")
    }

    /// Forgetting (`ColumnGeneration.forget`, here beyond 2 schedules a person): each person keeps at most
    /// their newest one and the schedule of the roster named, the bound and convergence stay, the master is
    /// rebuilt from what is left, and pricing again brings it back to the root's value or below it (the root may
    /// have stopped above its optimum once the bound rounded up to it), whatever it needs priced anew. A part of
    /// the roster searched on the rebuilt master returns nothing or a valid roster.
    @Test func forgottenSchedulesArePricedAgain() throws {
        var s = try Self.converged()
        var rng = SplitMix(seed: 1)
        let roster = try s.divedRoster(rng: &rng)
        let root = try #require(try s.generation.pricingRound(fixed: nil, exact: false, deadline: s.deadline)).master
        try #require(s.generation.schedules.contains { $0.count > 2 }, "nobody has more than 2 schedules to forget")
        let (bound, newest) = (s.generation.bound, s.generation.schedules.map(\.last))
        s.generation.forget(keeping: [roster], isDecision: s.isDecision, beyond: 2)
        #expect(s.generation.bound == bound && s.generation.converged, "forgetting moved the bound or the convergence")
        #expect(s.generation.schedules.map(\.last) == newest, "someone lost their newest schedule")
        let parts = s.generation.parts
        for p in 0..<s.generation.people {
            let schedules = s.generation.schedules[p]
            #expect(schedules.count <= 2, "person \(p) kept \(schedules.count) schedules")
            let inRoster = schedules.contains { schedule in
                zip(parts.columns[p], schedule.values).allSatisfy { j, v in !s.isDecision[j] || abs(roster[j] - v) < 0.5 }
            }
            #expect(inRoster, "person \(p) lost their schedule in the roster")
        }
        var master = -Double.infinity
        for _ in 0..<100 {
            let round = try #require(try s.generation.pricingRound(fixed: nil, exact: true, deadline: s.deadline), "the rebuilt master has no solution")
            master = round.master
            if round.added == 0 { break }
        }
        #expect(master <= root + 1e-6 && s.generation.roundedBound(master) == bound,
                "the master priced again is at \(master), the root was at \(root), the bound \(bound ?? -1)")
        let settled = try #require(try s.settler.settle(roster, deadline: s.deadline))
        var neighbourhoods = s.neighbourhoods()
        if let found = try neighbourhoods.search(&s.generation, around: roster, isDecision: s.isDecision, deadline: s.deadline,
                                                 rng: &rng, cutoff: { settled.objective - 0.5 }) {
            try Self.check(found, s, "part after forgetting")
        }
    }

    /// A part of a roster (`ScheduleNeighbourhoods`): everyone but one person fixed as in a dive's roster. The
    /// dive from those fixings, with the repair, ends in a valid roster that keeps every fixed cell; and the
    /// parts' own search, whatever part it draws, returns nothing or a valid roster under its cutoff.
    @Test func partsKeepTheirFixedCells() throws {
        var s = try Self.converged()
        var rng = SplitMix(seed: 1)
        let values = try s.divedRoster(rng: &rng)
        let parts = s.generation.parts
        var fixed = [ColumnGeneration.Fixing](repeating: [:], count: s.generation.people)
        for p in 1..<s.generation.people {
            for j in parts.columns[p] where s.isDecision[j] { fixed[p][j] = values[j] > 0.5 }
        }
        let choice = try #require(try s.generation.dive(deadline: s.deadline, seconds: .infinity, isDecision: s.isDecision, noise: 0,
                                                        backtracks: .max, rng: &rng, from: fixed, repair: true, cutoff: { .infinity }),
                                  "no roster with person 0 free")
        try Self.check(choice, s, "part")
        let part = s.generation.decisionValues(choice, isDecision: s.isDecision)
        for p in 1..<s.generation.people {
            for (j, worked) in fixed[p] { #expect((part[j] > 0.5) == worked, "person \(p)'s cell \(j) moved in a part that fixed it") }
        }
        var neighbourhoods = s.neighbourhoods()
        let settled = try #require(try s.settler.settle(values, deadline: s.deadline))
        for _ in 0..<6 {
            let cutoff = settled.objective + 0.5
            if let found = try neighbourhoods.search(&s.generation, around: values, isDecision: s.isDecision, deadline: s.deadline,
                                                     rng: &rng, cutoff: { cutoff }) {
                try Self.check(found, s, "searched part")
                let objective = try #require(try s.settler.settle(s.generation.decisionValues(found, isDecision: s.isDecision), deadline: s.deadline)).objective
                #expect(objective < cutoff, "a part returned \(objective), not under its cutoff \(cutoff)")
            }
        }
    }

    /// A sideways part (`ScheduleNeighbourhoods.search(sideways: true)`) fixes off one cell the roster works in the
    /// part, so whatever it finds is another roster: valid, at most the cutoff, and not the roster it started from.
    @Test func sidewaysPartsChangeTheRoster() throws {
        var s = try Self.converged()
        var rng = SplitMix(seed: 3)
        let values = try s.divedRoster(rng: &rng)
        let settled = try #require(try s.settler.settle(values, deadline: s.deadline))
        var neighbourhoods = s.neighbourhoods()
        var found = 0
        for _ in 0..<6 {
            let cutoff = settled.objective + 1e-6
            guard let choice = try neighbourhoods.search(&s.generation, around: values, isDecision: s.isDecision, deadline: s.deadline,
                                                         rng: &rng, sideways: true, cutoff: { cutoff }) else { continue }
            found += 1
            try Self.check(choice, s, "sideways part")
            let moved = s.generation.decisionValues(choice, isDecision: s.isDecision)
            #expect(moved != values, "a sideways part returned the roster it started from")
            let objective = try #require(try s.settler.settle(moved, deadline: s.deadline)).objective
            #expect(objective < cutoff, "a sideways part returned \(objective), over its cutoff \(cutoff)")
        }
        #expect(found > 0, "no sideways part found another roster as good as \(settled.objective)")
    }

    /// The converged generation handed to another thread, as the proving thread hands it to the one that joins
    /// its parts (`GenerationBox`), works there on GLPK problems of that thread: its master LP at the root has
    /// the same value, and a dive there ends in a valid roster; the first thread's master is untouched by it.
    @Test func handedGenerationWorksOnAnotherThread() throws {
        var s = try Self.converged()
        let root = try #require(try s.generation.pricingRound(fixed: nil, exact: false, deadline: s.deadline)).master
        let box = GenerationBox()
        box.post(s.generation)
        final class There: @unchecked Sendable { var root: Double?; var values: [Double]?; var error: Error? }
        let there = There()
        let (isDecision, deadline) = (s.isDecision, s.deadline)
        onThreads(2, clock: nil) { k in
            guard k == 1, var handed = box.generation else { return }
            do {
                there.root = try handed.pricingRound(fixed: nil, exact: false, deadline: deadline)?.master
                var rng = SplitMix(seed: 2)
                there.values = try handed.dive(deadline: deadline, seconds: 30, isDecision: isDecision, noise: 0.3, rng: &rng,
                                               cutoff: { .infinity }).map { handed.decisionValues($0, isDecision: isDecision) }
            } catch {
                there.error = error
            }
        }
        #expect(there.error == nil, "the handed generation failed: \(String(describing: there.error))")
        let handedRoot = try #require(there.root, "the handed master LP has no solution")
        #expect(abs(handedRoot - root) < 1e-6, "the handed master LP is at \(handedRoot), the first thread's at \(root)")
        let values = try #require(there.values, "the handed generation's dive found no roster")
        let roster = s.plain.roster(from: values)
        let settled = try #require(try s.settler.settle(values, deadline: s.deadline), "the handed dive's roster breaks a hard row")
        let audit = Audit.run(roster, in: s.scenario)
        #expect(audit.hardFindings.isEmpty, "the handed dive's roster: \(keys(audit.hardFindings))")
        #expect(abs(settled.objective - audit.totalPenalty) < 1e-6 && settled.objective >= s.generation.bound! - 1e-6)
        let after = try #require(try s.generation.pricingRound(fixed: nil, exact: false, deadline: s.deadline)).master
        #expect(abs(after - root) < 1e-6, "the first thread's master LP moved from \(root) to \(after)")
    }

    /// Fixed cells that none of a person's known schedules keeps: the repair adds one that keeps them, so the
    /// master LP under the fixings has a solution. For cells that no schedule can keep (10 days worked in a row,
    /// where stretches end at 4 and the minutes allow 9 shifts) it adds nothing, and the master LP has none.
    /// (Here the repair cannot say so itself: these people's soft stretches have helper columns, so the
    /// programme's search is no proof for them; on the Curtois instances it is.)
    @Test func repairGivesEveryoneASchedule() throws {
        var s = try Self.converged()
        let cells = s.book.cellOf[0]
        var fixed = [ColumnGeneration.Fixing](repeating: [:], count: s.generation.people)
        // Days 0-2 worked on E, then days 3-4 off: no schedule of the converged master need have exactly this.
        for d in 0..<3 { fixed[0][try #require(cells[d][0])] = true }
        for d in 3..<5 { for j in cells[d].compactMap({ $0 }) { fixed[0][j] = false } }
        #expect(try s.generation.scheduleAgreeing(with: fixed))
        #expect(s.generation.schedules[0].contains { s.generation.agrees($0, with: fixed[0]) }, "no schedule of person 0 keeps the fixing")
        #expect(try s.generation.pricingRound(fixed: fixed, exact: false, deadline: s.deadline) != nil, "the master LP has no solution")
        var impossible = [ColumnGeneration.Fixing](repeating: [:], count: s.generation.people)
        for d in 0..<10 { impossible[1][try #require(s.book.cellOf[1][d][0])] = true }
        _ = try s.generation.scheduleAgreeing(with: impossible)
        #expect(!s.generation.schedules[1].contains { s.generation.agrees($0, with: impossible[1]) }, "a schedule works 10 days in a row")
        #expect(try s.generation.pricingRound(fixed: impossible, exact: false, deadline: s.deadline) == nil,
                "the master LP has a solution with 10 days in a row worked")
    }

    /// The master LP under a fixing holds at zero every schedule that breaks it: with the cell the root LP
    /// works most partly fixed worked, and then fixed off, every schedule of its person the round's LP uses
    /// keeps the fixing (by `agrees`, and by the schedule's own value of the cell), and the LP costs no less
    /// than at the root, having fewer schedules to choose from.
    @Test func masterUsesOnlySchedulesThatKeepTheFixing() throws {
        var s = try Self.converged()
        let root = try #require(try s.generation.pricingRound(fixed: nil, exact: false, deadline: s.deadline))
        let parts = s.generation.parts
        let partly = s.cellValues(root).filter { $0.value > 1e-6 && $0.value < 1 - 1e-6 }
        let cell = try #require(partly.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key)
        let p = try #require(parts.columnOwner[cell]), k = try #require(parts.columns[p].firstIndex(of: cell))
        for worked in [true, false] {
            var fixed = [ColumnGeneration.Fixing](repeating: [:], count: s.generation.people)
            fixed[p] = [cell: worked]
            let round = try #require(try s.generation.pricingRound(fixed: fixed, exact: false, deadline: s.deadline))
            #expect(round.master >= root.master - 1e-6, "fixed \(worked ? "worked" : "off"): the LP fell from \(root.master) to \(round.master)")
            for (n, column) in round.lambda[p].enumerated() where round.values[column] > 1e-9 {
                let schedule = s.generation.schedules[p][n]
                #expect(s.generation.agrees(schedule, with: fixed[p]) && (schedule.values[k] > 0.5) == worked,
                        "cell fixed \(worked ? "worked" : "off"), yet the LP uses schedule \(n) at \(round.values[column]), which has it at \(schedule.values[k])")
            }
        }
    }

    /// Pricing one person under a fixing: one cell fixed worked (the other shift of a day the free optimum
    /// works) and one fixed off (a cell the free optimum works), so that the free optimum breaks both. GLPK
    /// (a generation without rule book) and the programme (programme only) must each return a schedule that
    /// `agrees` with the fixing and that works the one cell and not the other; GLPK's, the exact optimum under the
    /// fixing, costs no less than the free one and no more than the programme's; and the free price comes
    /// back once the fixing is lifted (the GLPK problem's bounds are restored).
    @Test func pricingKeepsTheFixedCells() throws {
        var s = try Self.converged()
        let p = 0, parts = s.generation.parts
        // The converged master LP's duals.
        let master = try s.generation.keptMaster(fixed: nil)
        try #require(try master.solveLP(timeLimit: 60) == .optimal)
        var duals = master.rowDuals
        // Any schedule prices below zero: the programme's is returned whatever its price.
        duals[parts.masterRows.count + p] += 1e4
        var exact = ColumnGeneration(model: s.plain.linear, index: s.generation.index, parts: parts)
        let free = try #require(try exact.price(p, duals: duals, timeLimit: 60))
        try #require(free.optimal)
        let column = { (j: Int) in parts.columns[p].firstIndex(of: j)! }
        let cells = s.book.cellOf[p]
        var worked: [(day: Int, shift: Int)] = []
        for (d, day) in cells.enumerated() {
            for (t, j) in day.enumerated() where j.map({ free.values[column($0)] > 0.5 }) ?? false { worked.append((d, t)) }
        }
        try #require(worked.count >= 2, "the free optimum works \(worked.count) days")
        let (d, t) = worked[0], (e, u) = worked[1]
        let on = try #require(cells[d][1 - t]), off = try #require(cells[e][u])
        let fixing: ColumnGeneration.Fixing = [on: true, off: false]
        try #require(!exact.agrees(.init(values: free.values, cost: 0), with: fixing))

        func expectKept(_ priced: ColumnGeneration.PricedSchedule, _ how: String) {
            #expect(exact.agrees(.init(values: priced.values, cost: 0), with: fixing), "\(how): agrees says the schedule breaks the fixing")
            #expect(priced.values[column(on)] > 0.5 && priced.values[column(off)] < 0.5,
                    "\(how): works day \(d) shift \(1 - t): \(priced.values[column(on)]), day \(e) shift \(u): \(priced.values[column(off)])")
        }
        let fixed = try #require(try exact.price(p, duals: duals, fixed: fixing, timeLimit: 60), "GLPK found no schedule under the fixing")
        #expect(fixed.optimal)
        expectKept(fixed, "GLPK")
        #expect(fixed.objective >= free.objective - 1e-6, "fixed \(fixed.objective) under free \(free.objective)")
        let freed = try #require(try exact.price(p, duals: duals, timeLimit: 60))
        #expect(abs(freed.objective - free.objective) < 1e-6, "free again \(freed.objective), first \(free.objective)")

        var programme = ColumnGeneration(model: s.plain.linear, index: s.generation.index, parts: parts, book: s.book)
        let planned = try #require(try programme.price(p, duals: duals, fixed: fixing, timeLimit: 60, programmeOnly: true),
                                   "the programme found no schedule under the fixing")
        expectKept(planned, "programme")
        #expect(planned.objective >= fixed.objective - 1e-6, "the programme's \(planned.objective) beats GLPK's exact \(fixed.objective)")
    }
}

extension CellDiveTests.Setup {
    /// How much the round's master LP works each decision cell: the sum of the values of its schedules that work it.
    func cellValues(_ round: ColumnGeneration.Round) -> [Int: Double] {
        var worked = [Int: Double]()
        for p in 0..<generation.people {
            for (n, k) in round.lambda[p].enumerated() {
                for (j, v) in zip(generation.parts.columns[p], generation.schedules[p][n].values) where isDecision[j] && v > 0.5 {
                    worked[j, default: 0] += round.values[k]
                }
            }
        }
        return worked
    }
}
