import Foundation
import Paiban
import PaibanIO
@testable import PaibanSolver
import Testing

/// Meal rounds as counts per pool (`MealRoundPool`): which people share a pool and what its columns and
/// row look like; how `breaks` hands the counted rounds out to the people who work; `LunchFit`, the
/// greedy start's test of whether a group's count on meal shifts can eat within its away limit; the
/// greedy start and the settler on Examples/callcenter-lunch; and the merged cover rows, whose shortfall
/// must still cost what the audit says.
@Suite("meal round pools")
struct MealRoundPoolTests {
    // MARK: - Scenarios

    /// D 09:00-17:00, lunch 11:45-13:00, 30 minutes, a round every 15 minutes: rounds 11:45, 12:00, 12:15, 12:30.
    static let day = LunchBreaksTests.lunchShift
    /// M 07:00-15:00 with the same lunch (callcenter-lunch's early shift).
    static let morning: ShiftType = {
        var m = ShiftType(code: "M", name: "Morning", start: 7 * 60, end: 15 * 60, paidMinutes: 450)
        m.meal = day.meal
        return m
    }()
    static let rounds = day.meal!.rounds   // [705, 720, 735, 750]

    /// `people` of group "desk" on D only, 15-minute slots, `need` all day, and an away limit.
    static func desk(people: Int, days: Int = 1, need: Int = 1, limit: AwayLimit.Limit = .share(0.5), relief: Bool = false) -> Scenario {
        var b = ScenarioBuilder(days: days)
        b.shifts = [day]
        b.slotMinutes = 15
        for i in 0..<people { b.person("P\(i)", group: "desk") }
        b.need(need, from: 9, to: 17)
        b.rules.awayLimits = [AwayLimit(group: "desk", limit: limit, relief: relief)]
        return b.build()
    }

    /// Three days, meal shifts M and D and the plain late shift L; demand for the whole desk and for groups
    /// "a" and "b", at most half of "a" away. People: A0, A1 (group a), B0, B1 (group b, B1 on leave on
    /// day 1), C0 (group c: no demand group of its own), AB (group a, also serves b).
    static func twoGroups() -> Scenario {
        var b = ScenarioBuilder(days: 3)
        b.shifts = [morning, day, Shifts.late]
        b.slotMinutes = 15
        b.groups = [Demand.anyGroup, "a", "b"]
        b.person("A0", group: "a")
        b.person("A1", group: "a")
        b.person("B0", group: "b")
        let leaveDay = b.date(1)
        b.person("B1", group: "b") { $0.leave[leaveDay] = "annual" }
        b.person("C0", group: "c")
        b.person("AB", group: "a") { $0.skills = ["b"] }
        b.need(2, from: 7, to: 22)
        b.need(1, from: 9, to: 17, group: "a")
        b.need(1, from: 9, to: 17, group: "b")
        b.rules.awayLimits = [AwayLimit(group: "a", limit: .share(0.5))]
        return b.build()
    }

    /// A zero vector with the given people working the given shift on the given days.
    static func values(_ model: RosterModel, working: [(person: Int, day: Int, shift: Int)]) -> [Double] {
        var values = [Double](repeating: 0, count: model.linear.columns.count)
        for w in working { values[model.x.x(w.person, w.day, w.shift)!] = 1 }
        return values
    }

    /// Row i's entries as column -> coefficient.
    static func entries(_ model: LinearModel, _ index: ModelIndex, row i: Int) -> [Int: Double] {
        var terms: [Int: Double] = [:]
        for k in index.entryRange[i] { terms[Int(model.entryColumns[k]) - 1, default: 0] += model.entryValues[k] }
        return terms
    }

    // MARK: - 1. Pools

    @Test func peopleWhoServeTheSameGroupsShareAPoolPerDayAndMealShift() throws {
        let scenario = Self.twoGroups()
        let model = RosterModel(scenario)
        let pools = model.x.pools
        let (A0, A1, B0, B1, C0, AB) = (0, 1, 2, 3, 4, 5)
        // Per day and meal shift (M = 0, D = 1): {A0, A1}, {B0, B1} (B1 not on day 1), {C0}, {AB}. L has no meal: no pool.
        var expected: [String] = []
        for d in 0..<3 {
            for s in [0, 1] {
                for people in [[A0, A1], d == 1 ? [B0] : [B0, B1], [C0], [AB]] { expected.append("\(d)/\(s)/\(people)") }
            }
        }
        #expect(pools.map { "\($0.day)/\($0.shift)/\($0.people.sorted())" }.sorted() == expected.sorted())
        #expect(pools.allSatisfy { scenario.shifts[$0.shift].meal != nil })
        #expect(!pools.contains { $0.shift == 2 })

        let index = ModelIndex(model.linear)
        for (k, pool) in pools.enumerated() {
            let context = "pool \(k): day \(pool.day) shift \(pool.shift) people \(pool.people)"
            #expect(pool.cells == pool.people.map { model.x.x($0, pool.day, pool.shift)! }, "\(context)")
            #expect(pool.rounds.map(\.start) == Self.rounds, "\(context)")
            #expect(pool.rounds.map(\.index) == Array(Self.rounds.indices), "\(context)")
            for round in pool.rounds {
                let column = model.linear.columns[round.column]
                #expect(column.isInteger && column.lower == 0 && column.upper == Double(pool.people.count), "\(context): \(column)")
                #expect(column.cost == 0, "\(context): a round count is a helper, not priced itself")
            }
            // One row: the round counts add up to the members who work.
            let i = try #require(model.linear.rows.firstIndex { $0.name == "rounds_\(k)" }, "\(context)")
            #expect(model.linear.rows[i].lower == 0 && model.linear.rows[i].upper == 0, "\(context)")
            var want: [Int: Double] = [:]
            for round in pool.rounds { want[round.column] = 1 }
            for cell in pool.cells { want[cell] = -1 }
            #expect(Self.entries(model.linear, index, row: i) == want, "\(context)")
        }
        // No binary per person and round is left: the only integer columns besides the assignments are the
        // round counts and the away limit's shared "most" integers.
        let counted = Set(model.x.decisions + pools.flatMap { $0.rounds.map(\.column) })
        let others = model.linear.columns.indices.filter { model.linear.columns[$0].isInteger && !counted.contains($0) }
        #expect(others.allSatisfy { model.linear.columns[$0].name.hasPrefix("most_") }, "\(others.map { model.linear.columns[$0].name })")
    }

    @Test func aScenarioWithoutMealsHasNoPools() {
        var b = ScenarioBuilder(days: 2)
        b.person("A")
        b.person("B")
        b.need(1, from: 9, to: 17)
        let model = RosterModel(b.build())
        #expect(model.x.pools.isEmpty)
        #expect(!model.linear.columns.contains { $0.name.hasPrefix("rounds_") })
    }

    // MARK: - 2. Handing rounds out

    /// Counts set by hand: the workers of each pool get exactly the counted rounds, one each; people who do
    /// not work get none, and one pool's counts never go to another pool's people.
    @Test func breaksGiveEveryWorkerOneCountedRound() throws {
        let scenario = Self.twoGroups()
        let model = RosterModel(scenario)
        let (A0, A1, B0, B1, C0, AB) = (0, 1, 2, 3, 4, 5)
        // Day 0: A0, A1, B0, C0 on D; B1 on M; AB off. Day 2: A0 on M, B0 and B1 on D, AB on L (no meal).
        var values = Self.values(model, working: [(A0, 0, 1), (A1, 0, 1), (B0, 0, 1), (C0, 0, 1), (B1, 0, 0),
                                                  (A0, 2, 0), (B0, 2, 1), (B1, 2, 1), (AB, 2, 2)])
        func pool(_ d: Int, _ s: Int, _ p: Int) -> MealRoundPool { model.x.pools.first { $0.day == d && $0.shift == s && $0.people.contains(p) }! }
        func count(_ pool: MealRoundPool, round i: Int, _ n: Int) { values[pool.rounds[i].column] = Double(n) }
        count(pool(0, 1, A0), round: 3, 2)      // both of group a at 12:30
        count(pool(0, 1, B0), round: 0, 1)      // B0 at 11:45
        count(pool(0, 1, C0), round: 1, 1)      // C0 at 12:00
        count(pool(0, 0, B1), round: 2, 1)      // B1 (on M) at 12:15
        count(pool(2, 0, A0), round: 1, 1)
        count(pool(2, 1, B0), round: 0, 1)
        count(pool(2, 1, B0), round: 2, 1)
        let roster = model.roster(from: values)
        #expect(roster.breaks[A0][0] == 750 && roster.breaks[A1][0] == 750)
        #expect(roster.breaks[B0][0] == 705)
        #expect(roster.breaks[C0][0] == 720)
        #expect(roster.breaks[B1][0] == 735)
        #expect(roster.breaks[AB][0] == nil)
        #expect(roster.breaks[A0][2] == 720)
        #expect(Set([roster.breaks[B0][2], roster.breaks[B1][2]]) == [705, 735])
        #expect(roster.breaks[AB][2] == nil, "L has no meal")
        for p in scenario.staff.indices { #expect(roster.breaks[p][1] == nil, "nobody works day 1") }
        for p in [A1, C0, AB] { #expect(roster.breaks[p][2] == nil) }
        #expect(LunchBreaks().audit(roster, in: scenario).filter { $0.person != nil }.isEmpty,
                "\(LunchBreaks().audit(roster, in: scenario).map(\.message))")
    }

    /// Four of a pool of six work; the counts 2 at 11:45, 1 at 12:15, 1 at 12:30: per round exactly that many.
    @Test func peoplePerRoundEqualTheCounts() {
        let scenario = Self.desk(people: 6, limit: .share(1))
        let model = RosterModel(scenario)
        #expect(model.x.pools.count == 1)
        let pool = model.x.pools[0]
        let workers = [0, 2, 3, 5]
        var values = Self.values(model, working: workers.map { ($0, 0, 0) })
        for (i, n) in [2, 0, 1, 1].enumerated() { values[pool.rounds[i].column] = Double(n) }
        let roster = model.roster(from: values)
        for p in workers { #expect(roster.breaks[p][0].map(Self.rounds.contains) == true, "P\(p): \(String(describing: roster.breaks[p][0]))") }
        for p in [1, 4] { #expect(roster.breaks[p][0] == nil, "P\(p) does not work") }
        let taken = Self.rounds.map { start in workers.filter { roster.breaks[$0][0] == start }.count }
        #expect(taken == [2, 0, 1, 1])
    }

    /// Two people, each day one round at 11:45 and one at 12:30, four days: each gets each round twice,
    /// and never the same one on two days running.
    @Test func roundsRotateOverTheDays() {
        let scenario = Self.desk(people: 2, days: 4)
        let model = RosterModel(scenario)
        var values = Self.values(model, working: (0..<4).flatMap { d in [(0, d, 0), (1, d, 0)] })
        for pool in model.x.pools {
            values[pool.rounds[0].column] = 1
            values[pool.rounds[3].column] = 1
        }
        let roster = model.roster(from: values)
        for p in 0..<2 {
            let starts = roster.breaks[p]
            #expect(starts.filter { $0 == 705 }.count == 2 && starts.filter { $0 == 750 }.count == 2, "P\(p): \(starts)")
            for d in 1..<4 { #expect(starts[d] != starts[d - 1], "P\(p): \(starts)") }
        }
        for d in 0..<4 { #expect(Set([roster.breaks[0][d], roster.breaks[1][d]]) == [705, 750]) }
    }

    // MARK: - 3. LunchFit

    /// `n` of the scenario's people on shift `shift` (the rest off).
    static func today(_ scenario: Scenario, working n: Int, shift: Int = 0) -> [Int?] {
        scenario.staff.indices.map { $0 < n ? shift : nil }
    }

    /// Whether some choice of rounds for the people working `shifts` keeps every away limit (the audit's
    /// judgement, by trying them all).
    static func someRoundsFit(_ scenario: Scenario, _ shifts: [Int?]) -> Bool {
        let eaters = scenario.staff.indices.filter { p in shifts[p].map { scenario.shifts[$0].meal != nil } == true }
        var roster = Roster(people: scenario.staff.count, days: scenario.dayCount)
        for p in scenario.staff.indices { if let s = shifts[p] { roster[p, 0] = .work(s) } }
        var choice = [Int](repeating: 0, count: eaters.count)
        while true {
            for (k, p) in eaters.enumerated() { roster.breaks[p][0] = scenario.shifts[shifts[p]!].meal!.rounds[choice[k]] }
            if LunchBreaks().audit(roster, in: scenario).isEmpty { return true }
            var k = 0
            while k < eaters.count {
                choice[k] += 1
                if choice[k] < scenario.shifts[shifts[eaters[k]]!].meal!.rounds.count { break }
                choice[k] = 0
                k += 1
            }
            if k == eaters.count { return false }
        }
    }

    @Test func atMostHalfAwayFitsEvenCountsOnly() {
        let scenario = Self.desk(people: 6)
        let fit = LunchFit(scenario, limit: scenario.rules.awayLimits[0])
        for n in 0...6 {
            #expect(fit.fits(Self.today(scenario, working: n)) == (n % 2 == 0), "\(n) on D")
        }
    }

    /// callcenter-lunch's shifts: M and D share the lunch window, so it is the count on both that matters.
    @Test func atMostHalfAwayOnTwoMealShifts() {
        var b = ScenarioBuilder(days: 1)
        b.shifts = [Self.morning, Self.day, Shifts.late]
        b.slotMinutes = 15
        for i in 0..<6 { b.person("P\(i)", group: "desk") }
        b.person("X", group: "other")
        b.rules.awayLimits = [AwayLimit(group: "desk", limit: .share(0.5))]
        let scenario = b.build()
        let fit = LunchFit(scenario, limit: scenario.rules.awayLimits[0])
        let M = 0, D = 1, L = 2
        #expect(!fit.fits([M, M, D, nil, nil, nil, nil]))
        #expect(fit.fits([M, M, D, D, nil, nil, nil]))
        #expect(fit.fits([M, D, nil, nil, nil, nil, D]), "X is not of the desk")
        #expect(!fit.fits([M, D, D, nil, nil, nil, D]))
        // L starts at 14:00: neither on duty at lunch nor eating.
        #expect(fit.fits([M, D, L, L, nil, nil, nil]))
        #expect(!fit.fits([M, L, nil, nil, nil, nil, nil]))
    }

    @Test func countLimitsAndRelief() {
        let one = Self.desk(people: 5, limit: .count(1))
        let fitOne = LunchFit(one, limit: one.rules.awayLimits[0])
        #expect(!fitOne.fits(Self.today(one, working: 1)), "alone, without relief")
        #expect(fitOne.fits(Self.today(one, working: 2)), "11:45 and 12:15 (or 12:30) do not overlap")
        #expect(!fitOne.fits(Self.today(one, working: 3)), "three 30-minute rounds in 75 minutes overlap")

        let two = Self.desk(people: 5, limit: .count(2))
        let fitTwo = LunchFit(two, limit: two.rules.awayLimits[0])
        #expect(fitTwo.fits(Self.today(two, working: 4)))
        #expect(!fitTwo.fits(Self.today(two, working: 5)))

        for limit in [AwayLimit.Limit.count(1), .share(0.5)] {
            let relief = Self.desk(people: 2, limit: limit, relief: true)
            let fit = LunchFit(relief, limit: relief.rules.awayLimits[0])
            #expect(fit.fits(Self.today(relief, working: 1)), "a lone person eats under relief (\(limit))")
            #expect(fit.fits(Self.today(relief, working: 0)))
        }
    }

    /// LunchFit against trying every choice of rounds (the audit judges): the same answer for 0-5 people
    /// on D under each kind of limit.
    @Test func lunchFitAgreesWithTryingEveryChoice() {
        for (limit, relief) in [(AwayLimit.Limit.share(0.5), false), (.share(0.5), true), (.count(1), false), (.count(1), true),
                                (.count(2), false), (.share(0.34), false), (.share(1), false)] {
            let scenario = Self.desk(people: 5, limit: limit, relief: relief)
            let fit = LunchFit(scenario, limit: scenario.rules.awayLimits[0])
            for n in 0...5 {
                let shifts = Self.today(scenario, working: n)
                #expect(fit.fits(shifts) == Self.someRoundsFit(scenario, shifts), "\(n) on D, \(limit), relief \(relief)")
            }
        }
    }

    // MARK: - 4. Greedy start and settler on callcenter-lunch

    /// Examples/callcenter-lunch, its elastic model, the greedy start and that start settled: built once
    /// for the tests that read them (the build and the settle take a few seconds in a debug build).
    struct Callcenter: Sendable {
        let scenario: Scenario
        let model: RosterModel
        let greedy: [Double]
        let settled: Incumbent?
        let seconds: Double

        init() throws {
            let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            scenario = try ScenarioReader.read(path: root.appendingPathComponent("Examples/callcenter-lunch/scenario.yaml").path)
            model = RosterModel(scenario, elastic: true)
            greedy = GreedyStart(model: model, urgent: 0.7).roster()
            let settler = Settler(model: model.linear, index: ModelIndex(model.linear), decisions: model.x.decisions)
            let deadline = Deadline(seconds: 20)
            settled = try settler.settle(greedy, deadline: deadline)
            seconds = deadline.elapsed
        }

        static let shared = Result { try Callcenter() }
    }

    @Test func greedyStartGivesEveryGroupACountThatFits() throws {
        let c = try Callcenter.shared.get()
        #expect(c.scenario.demand.slotMinutes == 15, "the meal rounds refine the grid")
        #expect(c.scenario.rules.awayLimits.count == 2)
        for d in 0..<c.scenario.dayCount {
            let today: [Int?] = c.scenario.staff.indices.map { p in
                c.scenario.shifts.indices.first { s in c.model.x.x(p, d, s).map { c.greedy[$0] > 0.5 } == true }
            }
            for limit in c.scenario.rules.awayLimits {
                #expect(LunchFit(c.scenario, limit: limit).fits(today), "day \(d), \(limit.group): \(today)")
            }
        }
    }

    @Test func settledGreedyStartBreaksNoLunchRule() throws {
        let c = try Callcenter.shared.get()
        let settled = try #require(c.settled, "the elastic model always settles")
        let roster = c.model.roster(from: settled.values)
        let findings = LunchBreaks().audit(roster, in: c.scenario)
        #expect(findings.isEmpty, "\(findings.prefix(5).map(\.message))")
        // No elastic slack on a lunch row either.
        let lunchSlack = c.model.linear.columns.indices.filter {
            c.model.linear.columns[$0].term == LinearModel.elasticTerm && c.model.linear.columns[$0].name.hasPrefix("away_") && settled.values[$0] > 1e-6
        }
        #expect(lunchSlack.isEmpty, "\(lunchSlack.map { c.model.linear.columns[$0].name })")
        // Round counts are whole and add up to the pool's workers.
        for pool in c.model.x.pools {
            let counts = pool.rounds.map { settled.values[$0.column] }
            #expect(counts.allSatisfy { abs($0 - $0.rounded()) < 1e-9 && $0 >= 0 }, "day \(pool.day) shift \(pool.shift): \(counts)")
            let working = pool.cells.filter { settled.values[$0] > 0.5 }.count
            #expect(Int(counts.reduce(0, +).rounded()) == working, "day \(pool.day) shift \(pool.shift): \(counts) for \(working)")
        }
        #expect(c.seconds < 15, "settling took \(c.seconds) s")
    }

    // MARK: - 5. Merged cover rows

    /// Rows named cover_*, and the (day, slot, group) cells with positive need: one row per cell before the merge.
    static func coverRows(_ model: RosterModel) -> (rows: Int, cells: Int) {
        let demand = model.scenario.demand
        var cells = 0
        for d in 0..<model.scenario.dayCount {
            for t in 0..<demand.slotsPerDay { for g in demand.groups.indices where demand.required[d][t][g] > 0 { cells += 1 } }
        }
        return (model.linear.rows.filter { $0.name.hasPrefix("cover_") }.count, cells)
    }

    /// Four people on D on a 15-minute grid: five needed all day (the first hour weighted double) but three
    /// at lunch (11:45-13:00), at most half away. A shortfall of one in every slot outside lunch, whose rows
    /// are merged into one per day, and at lunch a shortfall that depends on the rounds (at best 3
    /// person-slots: one round each, at 11:45, 12:00, 12:15 and 12:30). The settled objective is the
    /// audit's penalty: the merged row's shortfall is priced for every slot it stands for.
    @Test func mergedCoverRowsCostWhatTheAuditSays() throws {
        var scenario = Self.desk(people: 4, days: 2, need: 5)
        for d in 0..<2 {
            for t in 36..<40 { scenario.demand.set(day: d, slot: t, group: 0, to: 5, weight: 2) }
            for t in 47..<52 { scenario.demand.set(day: d, slot: t, group: 0, to: 3) }
        }
        for elastic in [false, true] {
            let model = RosterModel(scenario, elastic: elastic)
            let (rows, cells) = Self.coverRows(model)
            #expect(cells == 2 * 32)
            // Per day: 09:00-11:45 and 13:00-17:00 (the weight is no part of a row) one row, the five lunch slots one each.
            #expect(rows < cells, "\(rows) cover rows for \(cells) slots")
            #expect(rows == 2 * 6, "\(rows) cover rows")
            let settler = Settler(model: model.linear, index: ModelIndex(model.linear), decisions: model.x.decisions)
            let values = Self.values(model, working: (0..<4).flatMap { p in [(p, 0, 0), (p, 1, 0)] })
            let settled = try #require(try settler.settle(values, deadline: Deadline(seconds: 10)))
            let roster = model.roster(from: settled.values)
            let audit = Audit.run(roster, in: scenario)
            #expect(audit.hardFindings.isEmpty, "\(audit.hardFindings.map(\.message))")
            let terms = model.linear.termValues(settled.values)
            // Per day: 27 slots short 1, 4 of them weighted double (31), and 3 at lunch; 15-minute slots.
            let slot = scenario.rules.weights.underCover / 4
            #expect(abs(audit.penalty("under-cover") - 2 * (31 + 3) * slot) < 1e-6, "audit \(audit.penalty("under-cover")), slot \(slot)")
            #expect(abs((terms["under-cover"] ?? 0) - audit.penalty("under-cover")) < 1e-6,
                    "objective's under-cover \(terms["under-cover"] ?? 0), audit \(audit.penalty("under-cover"))")
            #expect(abs(settled.objective - audit.totalPenalty) < 1e-6, "objective \(settled.objective), audit \(audit.totalPenalty)")
        }
    }

    /// The same on callcenter-lunch's settled greedy start: two demand groups, 31 days, M and D lunch.
    @Test func mergedCoverRowsOnCallcenterLunch() throws {
        let c = try Callcenter.shared.get()
        let (rows, cells) = Self.coverRows(c.model)
        #expect(rows * 3 < cells, "\(rows) cover rows for \(cells) slots")
        let settled = try #require(c.settled)
        let roster = c.model.roster(from: settled.values)
        let audit = Audit.run(roster, in: c.scenario)
        let terms = c.model.linear.termValues(settled.values)
        #expect(abs((terms["under-cover"] ?? 0) - audit.penalty("under-cover")) < 1e-6 * max(1, audit.penalty("under-cover")),
                "objective's under-cover \(terms["under-cover"] ?? 0), audit \(audit.penalty("under-cover"))")
        // Every soft term agrees with the audit, as the solver checks before it reports a roster.
        for rule in Set(terms.keys).union(audit.penalties.keys) where rule != LinearModel.elasticTerm {
            #expect(abs((terms[rule] ?? 0) - audit.penalty(rule)) < 1e-6 * max(1, abs(audit.penalty(rule))),
                    "\(rule): objective \(terms[rule] ?? 0), audit \(audit.penalty(rule))")
        }
    }

    // MARK: - Settler

    /// Three on D under "at most half": no choice of rounds keeps the limit, so the elastic model gives.
    /// The settled counts are still whole and one per worker (an LP would split them).
    @Test func settlerKeepsRoundCountsWhole() throws {
        let scenario = Self.desk(people: 3, need: 3)
        let model = RosterModel(scenario, elastic: true)
        let settler = Settler(model: model.linear, index: ModelIndex(model.linear), decisions: model.x.decisions)
        let settled = try #require(try settler.settle(Self.values(model, working: [(0, 0, 0), (1, 0, 0), (2, 0, 0)]), deadline: Deadline(seconds: 10)))
        let counts = model.x.pools[0].rounds.map { settled.values[$0.column] }
        #expect(counts.allSatisfy { $0 == $0.rounded() }, "\(counts)")
        #expect(counts.reduce(0, +) == 3)
        #expect(model.breaksHardRows(settled.values), "three cannot all eat with at most one away")
        let roster = model.roster(from: settled.values)
        #expect((0..<3).allSatisfy { roster.breaks[$0][0] != nil })
    }

    // MARK: - Relief under a share limit

    /// Under relief a lone person may take their round (AwayLimit.most(onDuty: 1) == 1, and LunchFit says
    /// it fits), whatever the limit. Under a share limit the shared integer `most` is 0 for one person at
    /// share 0.5, so the away row must give `alone` a whole round (it once gave 1 - share: away <= 0.5, and
    /// the lone person was kept off).
    @Test func aLonePersonEatsUnderReliefWithAShareLimit() throws {
        for limit in [AwayLimit.Limit.count(1), .share(0.5)] {
            let scenario = Self.desk(people: 1, limit: limit, relief: true)
            var roster = scenario.roster(["D"])
            roster.breaks[0] = [720]
            #expect(LunchBreaks().audit(roster, in: scenario).isEmpty, "the audit allows it (\(limit))")
            // The hard model settles the roster in which the lone person works.
            let model = RosterModel(scenario)
            let settler = Settler(model: model.linear, index: ModelIndex(model.linear), decisions: model.x.decisions)
            let settled = try settler.settle(Self.values(model, working: [(0, 0, 0)]), deadline: Deadline(seconds: 5))
            #expect(settled != nil, "the model has no round for a lone person under relief (\(limit))")
            // And the solver lets them work (need 1 all day: working costs only the half hour at lunch).
            let result = try solve(scenario, timeLimit: 3)
            let solved = try #require(solvedRoster(result))
            #expect(solved[0, 0].shift == 0 && solved.breaks[0][0] != nil,
                    "the lone person is kept off under relief (\(limit)): \(scenario.rows(solved)), under-cover \(result.terms["under-cover"] ?? 0)")
        }
    }

    // MARK: - Night meal after midnight, shifts serving some groups, the greedy start's lunch fix

    /// N 22:00-06:00 with its meal 01:00-03:00 (minutes 1500-1620 of the shift's day), 30 minutes, a round
    /// every 30 minutes: rounds 01:00, 01:30, 02:00, 02:30 of the next day.
    static let night: ShiftType = {
        var n = Shifts.night
        n.paidMinutes = 450
        n.meal = MealBreak(windowStart: 25 * 60, windowEnd: 27 * 60, length: 30, step: 30, paid: false)
        return n
    }()

    /// Two people, three nights on a 30-minute grid: two needed 22:00-06:00 every night, but only one
    /// 02:00-03:00. Both working every night and eating at 02:00 and 02:30 leaves no gap but day 0's early
    /// hours (no history): 10 slots short 2 and 2 slots short 1. A round counted on the shift's own day
    /// (dayOffset ignored), or at another slot, costs more or disagrees with the audit.
    @Test func nightMealAfterMidnightIsAwayOnTheNextDay() throws {
        var b = ScenarioBuilder(days: 3)
        b.shifts = [Self.night]
        b.slotMinutes = 30
        b.person("N0")
        b.person("N1")
        b.need(2, from: 0, to: 6)
        b.need(1, from: 2, to: 3)
        b.need(2, from: 22, to: 24)
        let scenario = b.build()
        let meal = try #require(Self.night.meal)
        #expect(meal.rounds == [1500, 1530, 1560, 1590])
        // Each round takes one slot of the next day: 01:00 is slot 2.
        #expect(scenario.roundSlots[0].map { $0.map { "\($0.dayOffset)/\($0.slot)" } } == [["1/2"], ["1/3"], ["1/4"], ["1/5"]])
        #expect(LunchBreaks.mealSlots(in: scenario).isEmpty, "rounds after midnight are not limited")

        let result = try solve(scenario, timeLimit: 3)
        let roster = try #require(solvedRoster(result))
        let audit = Audit.run(roster, in: scenario)
        #expect(audit.hardFindings.isEmpty, "\(audit.hardFindings.map(\.message))")
        let slot = scenario.rules.weights.underCover / 2
        #expect(abs((result.terms["under-cover"] ?? 0) - audit.penalty("under-cover")) < 1e-6,
                "solver's under-cover \(result.terms["under-cover"] ?? 0), audit \(audit.penalty("under-cover")): \(scenario.rows(roster)) \(roster.breaks)")
        #expect(abs(audit.penalty("under-cover") - (10 * 2 + 2 * 1) * slot) < 1e-6,
                "audit \(audit.penalty("under-cover")), slot \(slot): \(scenario.rows(roster)) \(roster.breaks)")
        #expect(scenario.rows(roster) == ["NNN", "NNN"])
        for p in 0..<2 {
            for d in 0..<3 where roster[p, d].shift != nil {
                let start = try #require(roster.breaks[p][d], "N\(p) day \(d) has no round")
                #expect(start >= meal.windowStart && start + meal.length <= meal.windowEnd && meal.rounds.contains(start), "N\(p) day \(d): \(start)")
            }
        }
        // Nights 0 and 1: the two eat in the hour that needs one only, one after the other.
        for d in 0..<2 { #expect(Set([roster.breaks[0][d], roster.breaks[1][d]]) == [1560, 1590], "night \(d): \(roster.breaks)") }

        // The grid counts a person away on the next day's slot, never on the shift's own day; the last
        // night's meal falls after the period and takes nobody off.
        let withBreaks = CoverageGrid(roster, in: scenario)
        var bare = roster
        for p in 0..<2 { bare.breaks[p] = [MinuteOfDay?](repeating: nil, count: 3) }
        let without = CoverageGrid(bare, in: scenario)
        var expected = [[Int]](repeating: [Int](repeating: 0, count: scenario.demand.slotsPerDay), count: 3)
        for p in 0..<2 {
            for d in 0..<2 { if let start = roster.breaks[p][d] { expected[d + 1][(start - 1440) / 30] -= 1 } }
        }
        for d in 0..<3 {
            let diff = (0..<scenario.demand.slotsPerDay).map { withBreaks.assigned[d][$0][0] - without.assigned[d][$0][0] }
            #expect(diff == expected[d], "day \(d): \(diff)")
        }
    }

    /// A serves group x only, B every group; X0, X1 of x, XY of x also serving y, Y0 of y, at most half of
    /// x away. Pools split people by signature (X0 and X1 share one, XY and Y0 are alone; Y0 may not work A), per day and shift;
    /// the solve's terms are the audit's penalties and no hard rule is broken.
    @Test func shiftGroupsSplitPoolsAndCostWhatTheAuditSays() throws {
        var a = ShiftType(code: "A", name: "Desk x", start: 9 * 60, end: 17 * 60, paidMinutes: 450, groups: ["x"])
        a.meal = Self.day.meal
        var bShift = ShiftType(code: "B", name: "Any", start: 8 * 60, end: 16 * 60, paidMinutes: 450)
        bShift.meal = Self.day.meal
        var b = ScenarioBuilder(days: 2)
        b.shifts = [a, bShift]
        b.slotMinutes = 15
        b.groups = [Demand.anyGroup, "x", "y"]
        b.person("X0", group: "x")
        b.person("X1", group: "x")
        b.person("XY", group: "x") { $0.skills = ["y"] }
        b.person("Y0", group: "y")
        b.need(3, from: 9, to: 17)
        b.need(2, from: 9, to: 17, group: "x")
        b.need(1, from: 8, to: 16, group: "y")
        b.rules.awayLimits = [AwayLimit(group: "x", limit: .share(0.5))]
        let scenario = b.build()
        #expect(scenario.groupSignature(of: 0) == scenario.groupSignature(of: 1))
        #expect(Set((1...3).map { scenario.groupSignature(of: $0) }).count == 3)

        let model = RosterModel(scenario)
        var expected: [String] = []
        // Y0 serves none of A's groups (Availability: no column), so Y0 has a pool on B only.
        for d in 0..<2 { for s in 0..<2 { for people in s == 0 ? [[0, 1], [2]] : [[0, 1], [2], [3]] { expected.append("\(d)/\(s)/\(people)") } } }
        #expect(model.x.pools.map { "\($0.day)/\($0.shift)/\($0.people.sorted())" }.sorted() == expected.sorted())
        for pool in model.x.pools {
            #expect(Set(pool.people.map { scenario.groupSignature(of: $0) }).count == 1, "pool \(pool.day)/\(pool.shift): \(pool.people)")
        }

        let result = try solve(scenario, timeLimit: 3)
        let roster = try #require(solvedRoster(result))
        let audit = Audit.run(roster, in: scenario)
        #expect(audit.hardFindings.isEmpty, "\(audit.hardFindings.map(\.message))")
        for rule in Set(result.terms.keys).union(audit.penalties.keys) where rule != LinearModel.elasticTerm {
            #expect(abs((result.terms[rule] ?? 0) - audit.penalty(rule)) < 1e-6 * max(1, abs(audit.penalty(rule))),
                    "\(rule): solver \(result.terms[rule] ?? 0), audit \(audit.penalty(rule)); \(scenario.rows(roster)) \(roster.breaks)")
        }
        #expect(abs((result.objective ?? .nan) - audit.totalPenalty) < 1e-6 * max(1, audit.totalPenalty),
                "objective \(String(describing: result.objective)), audit \(audit.totalPenalty)")
        for p in 0..<4 {
            for d in 0..<2 where roster[p, d].shift != nil {
                #expect(roster.breaks[p][d].map(Self.rounds.contains) == true, "\(scenario.staff[p].id) day \(d): \(String(describing: roster.breaks[p][d]))")
            }
        }
    }

    /// Three of "desk" on one day under "at most half", and demand for all three all day: the greedy start
    /// wants them all, but three cannot eat with at most one away. Its lunch fix leaves a count that fits,
    /// and the settled start breaks no lunch rule and uses no elastic slack on a lunch row.
    @Test func greedyStartLeavesACountThatCanEatWhenDemandWantsEveryone() throws {
        let scenario = Self.desk(people: 3, need: 3)
        let model = RosterModel(scenario, elastic: true)
        let greedy = GreedyStart(model: model, urgent: 0.7).roster()
        let today: [Int?] = (0..<3).map { p in model.x.x(p, 0, 0).map { greedy[$0] > 0.5 ? 0 : nil } ?? nil }
        #expect(LunchFit(scenario, limit: scenario.rules.awayLimits[0]).fits(today), "\(today)")
        #expect(today.compactMap { $0 }.count == 2, "two work and eat one after the other: \(today)")
        let settler = Settler(model: model.linear, index: ModelIndex(model.linear), decisions: model.x.decisions)
        let settled = try #require(try settler.settle(greedy, deadline: Deadline(seconds: 10)))
        #expect(!model.breaksHardRows(settled.values))
        let roster = model.roster(from: settled.values)
        let findings = LunchBreaks().audit(roster, in: scenario)
        #expect(findings.isEmpty, "\(findings.map(\.message)); \(scenario.rows(roster)) \(roster.breaks)")
        let lunchSlack = model.linear.columns.indices.filter {
            model.linear.columns[$0].term == LinearModel.elasticTerm && model.linear.columns[$0].name.hasPrefix("away_") && settled.values[$0] > 1e-6
        }
        #expect(lunchSlack.isEmpty, "\(lunchSlack.map { model.linear.columns[$0].name })")
    }
}
