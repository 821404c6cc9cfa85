import Paiban
import PaibanSolver
import Testing

/// Night N 22:00-06:00 (big night). Demand for night cover on every night of the period.
@Suite("night-cap")
struct NightCapTests {
    let rule = "night-cap"

    /// 28 Mar - 3 Apr: 4 nights in March, 3 in April, cap 1 a month. The demand wants every night;
    /// the cap allows exactly one night in each calendar month.
    @Test func solverCapsNightsPerCalendarMonth() throws {
        var b = ScenarioBuilder(start: day(2025, 3, 28), days: 7)
        b.shifts = [Shifts.night]
        b.person("A") { $0.contract.maxNights = 1 }
        b.need(1, from: 22, to: 24)
        let scenario = b.build()
        let result = try solve(scenario)
        let roster = try #require(solvedRoster(result))
        let nights = workedDays(roster, 0)
        #expect(nights.filter { $0 < 4 }.count == 1, "March: \(scenario.rows(roster))")
        #expect(nights.filter { $0 >= 4 }.count == 1, "April: \(scenario.rows(roster))")
        #expect(Audit.run(roster, in: scenario).hard(rule).isEmpty)
    }

    /// Two people, two nights needed each day for 7 days, cap 3 on A and none on B: A works exactly 3.
    @Test func solverUsesTheCapFully() throws {
        var b = ScenarioBuilder(days: 7)
        b.shifts = [Shifts.night]
        b.person("A") { $0.contract.maxNights = 3 }
        b.person("B")
        b.need(2, from: 22, to: 24)
        let scenario = b.build()
        let roster = try #require(solvedRoster(try solve(scenario)))
        #expect(workedDays(roster, 0).count == 3, "\(scenario.rows(roster))")
        #expect(workedDays(roster, 1).count == 7, "\(scenario.rows(roster))")
    }

    /// Cap 2: three nights in March is one finding naming the three night days; April is fine.
    @Test func auditFlagsNightsOverTheCap() {
        var b = ScenarioBuilder(start: day(2025, 3, 28), days: 7)
        b.shifts = [Shifts.night, Shifts.day]
        b.person("A") { $0.contract.maxNights = 2 }
        let scenario = b.build()
        let audit = Audit.run(scenario.roster(["NDNN.NN"]), in: scenario)
        #expect(keys(audit.findings) == [FindingKey(rule, .hard, person: 0, days: [0, 2, 3])])
    }

    /// Which nights count is a rule parameter: L 14:00-22:00 is a small night, not counted by the
    /// default [.big] but counted once the rules say [.big, .small].
    @Test func smallNightsCountOnlyWhenTheRulesSaySo() {
        var b = ScenarioBuilder(days: 7)
        b.shifts = [Shifts.late, Shifts.night]
        b.person("A") { $0.contract.maxNights = 1 }
        var scenario = b.build()
        let roster = scenario.roster(["LLLN..."])
        #expect(Audit.run(roster, in: scenario).findings.isEmpty)
        scenario.rules.nightCapCounts = [.big, .small]
        #expect(keys(Audit.run(roster, in: scenario).findings) == [FindingKey(rule, .hard, person: 0, days: [0, 1, 2, 3])])
    }
}
