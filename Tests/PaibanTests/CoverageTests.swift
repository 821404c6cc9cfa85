import Paiban
import PaibanSolver
import Testing

/// Under-cover costs weights.underCover (100) per missing person-hour: with 30-minute slots one
/// missing person costs 50 per slot.
@Suite("under-cover")
struct CoverageTests {
    let rule = "under-cover"

    /// Two people needed 09-17 for 3 days, one person available: short by one all day every day,
    /// 16 half-hour slots x 50 = 800 a day. The solver works all 3 days and prices 2400.
    @Test func solverCoversWhatItCanAndPricesTheRest() throws {
        var b = ScenarioBuilder(days: 3)
        b.slotMinutes = 30
        b.person("A")
        b.need(2, from: 9, to: 17)
        let scenario = b.build()
        let result = try solve(scenario)
        let roster = try #require(solvedRoster(result))
        #expect(scenario.rows(roster) == ["DDD"])
        let audit = Audit.run(roster, in: scenario)
        #expect(Set(keys(audit.findings(rule))) == Set((0..<3).map { FindingKey(rule, .soft, person: nil, days: [$0], penalty: 800) }))
        #expect(audit.penalty(rule) == 2400)
        #expect(result.terms[rule, default: 0] == 2400)
        #expect(result.objective == 2400)
    }

    /// Only day 1 00:00-06:00 needs someone. A night shift N 22:00-06:00 worked on day 0 covers it:
    /// the solver must put the night on day 0, not day 1.
    @Test func solverUsesANightToCoverTheNextMorning() throws {
        var b = ScenarioBuilder(days: 3)
        b.shifts = [Shifts.night]
        b.person("A")
        b.need(1, from: 0, to: 6, on: [1])
        let scenario = b.build()
        let result = try solve(scenario)
        let roster = try #require(solvedRoster(result))
        #expect(roster[0, 0] == .work(0), "\(scenario.rows(roster))")
        #expect(result.terms[rule, default: 0] == 0)
    }

    /// The history's last night (the day before the period) covers day 0 00:00-06:00: nobody needs
    /// to work, and the all-off roster has no under-cover. Without the history it is short 6 h.
    @Test func historyNightCoversDayZero() throws {
        var b = ScenarioBuilder(days: 3)
        b.shifts = [Shifts.night]
        b.person("A") { $0.history = [0] }
        b.need(1, from: 0, to: 6, on: [0])
        let scenario = b.build()
        let result = try solve(scenario)
        _ = try #require(solvedRoster(result))
        #expect(result.terms[rule, default: 0] == 0)
        #expect(Audit.run(scenario.roster(["..."]), in: scenario).findings.isEmpty)

        var noHistory = scenario
        noHistory.staff[0].history = []
        #expect(keys(Audit.run(noHistory.roster(["..."]), in: noHistory).findings) ==
                [FindingKey(rule, .soft, person: nil, days: [0], penalty: 600)])
    }

    /// A night on day 1 covers day 1 22:00-24:00 and day 2's early hours, not day 1's: demand on
    /// day 1 00:00-06:00 stays short (6 h x 100).
    @Test func auditShiftsNightCoverToTheNextDay() {
        var b = ScenarioBuilder(days: 3)
        b.shifts = [Shifts.night]
        b.person("A")
        b.need(1, from: 0, to: 6, on: [1])
        b.need(1, from: 22, to: 24, on: [1])
        b.need(1, from: 0, to: 6, on: [2])
        let scenario = b.build()
        #expect(keys(Audit.run(scenario.roster([".N."]), in: scenario).findings) ==
                [FindingKey(rule, .soft, person: nil, days: [1], penalty: 600)])
        // N on both day 0 and day 1 covers all three demands.
        #expect(Audit.run(scenario.roster(["NN."]), in: scenario).findings.isEmpty)
    }

    /// One finding per day, group and run of short slots: 09-12 and 14-17 are two runs (300 each).
    @Test func auditSplitsRunsOfShortSlots() {
        var b = ScenarioBuilder(days: 1)
        b.person("A")
        b.need(1, from: 9, to: 12)
        b.need(2, from: 14, to: 17)
        let scenario = b.build()
        #expect(Set(keys(Audit.run(scenario.roster(["."]), in: scenario).findings)) == [
            FindingKey(rule, .soft, person: nil, days: [0], penalty: 300),
            FindingKey(rule, .soft, person: nil, days: [0], penalty: 600),
        ])
        // Working D covers 09-12 fully and 14-17 by one of two: 300 left.
        #expect(keys(Audit.run(scenario.roster(["D"]), in: scenario).findings) ==
                [FindingKey(rule, .soft, person: nil, days: [0], penalty: 300)])
    }

    /// Groups: "*" is total headcount, "orders" counts only people of that group (or skill).
    /// Needs on day 0 09-17: 2 in total, 1 of them orders.
    @Test func auditCountsPeopleTowardTheirGroupsOnly() throws {
        var b = ScenarioBuilder(days: 1)
        b.groups = [Demand.anyGroup, "orders"]
        b.person("orders", group: "orders")
        b.person("complaints", group: "complaints")
        b.need(2, from: 9, to: 17)
        b.need(1, from: 9, to: 17, group: "orders")
        let scenario = b.build()
        // Only the complaints person works: total short 1 (800) and orders short 1 (800).
        #expect(Audit.run(scenario.roster([".", "D"]), in: scenario).penalty(rule) == 1600)
        #expect(Audit.run(scenario.roster([".", "D"]), in: scenario).findings(rule).count == 2)
        // Only the orders person works: total short 1, orders met.
        #expect(keys(Audit.run(scenario.roster(["D", "."]), in: scenario).findings) ==
                [FindingKey(rule, .soft, person: nil, days: [0], penalty: 800)])
        // The solver puts both to work, and its term matches the audit (0).
        let result = try solve(scenario)
        let roster = try #require(solvedRoster(result))
        #expect(scenario.rows(roster) == ["D", "D"])
        #expect(result.terms[rule, default: 0] == 0)
    }
}
