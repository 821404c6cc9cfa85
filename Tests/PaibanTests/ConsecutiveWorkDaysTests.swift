import Paiban
import PaibanSolver
import Testing

@Suite("consecutive-days")
struct ConsecutiveWorkDaysTests {
    let rule = "consecutive-days"

    /// One person, demand for a day shift on all 10 days. Each uncovered day costs 8 h x 100 = 800,
    /// each day beyond the soft limit 10. The hard limit 4 allows at most 8 worked days in 10 (every
    /// 5-day window needs an off day), so the solver works 8. Soft limit 2: 8 days in three runs
    /// (e.g. DD.DDD.DDD) exceed it by 2 days at least, so the soft term is 20.
    @Test func solverRespectsHardLimitAndPricesSoftExcess() throws {
        var b = ScenarioBuilder(days: 10)
        b.person("A") { $0.contract.consecutiveSoft = 2; $0.contract.consecutiveHard = 4 }
        b.need(1, from: 9, to: 17)
        let scenario = b.build()
        let result = try solve(scenario)
        let roster = try #require(solvedRoster(result))
        let audit = Audit.run(roster, in: scenario)

        #expect(audit.hard(rule).isEmpty)
        let runs = runLengths(roster, 0)
        #expect(runs.allSatisfy { $0 <= 4 }, "runs \(runs) in \(scenario.rows(roster))")
        #expect(workedDays(roster, 0).count == 8, "\(scenario.rows(roster))")
        // Excess over the soft limit, counted by hand from the runs.
        #expect(Double(runs.map { max(0, $0 - 2) }.reduce(0, +)) * 10 == 20, "runs \(runs)")
        #expect(audit.penalty(rule) == 20)
        #expect(result.terms[rule, default: 0] == audit.penalty(rule))
        #expect(result.terms["under-cover", default: 0] == 2 * 800)
    }

    /// Three days worked just before the period, hard limit 5: at most 2 more days at the start.
    /// Demand every day; the best roster works 6 of 7 days with its one off day on day 1 or 2.
    @Test func solverCountsRunsAcrossTheHistory() throws {
        var b = ScenarioBuilder(days: 7)
        let d = b.shift("D")
        b.person("A") {
            $0.contract.consecutiveSoft = 5
            $0.contract.consecutiveHard = 5
            $0.history = [d, d, d]
        }
        b.need(1, from: 9, to: 17)
        let scenario = b.build()
        let result = try solve(scenario)
        let roster = try #require(solvedRoster(result))
        let runs = runLengths(roster, 0, historyRun: 3)
        #expect(runs.allSatisfy { $0 <= 5 }, "runs with history \(runs) in \(scenario.rows(roster))")
        #expect(workedDays(roster, 0).count == 6, "\(scenario.rows(roster))")
        #expect(Audit.run(roster, in: scenario).hard(rule).isEmpty)
    }

    /// A 6-day run from day 0 breaks a hard limit of 5 and is 2 days over a soft limit of 4.
    @Test func auditFlagsRunInsidePeriod() {
        var b = ScenarioBuilder(days: 7)
        b.person("A") { $0.contract.consecutiveSoft = 4; $0.contract.consecutiveHard = 5 }
        let scenario = b.build()
        let audit = Audit.run(scenario.roster(["DDDDDD."]), in: scenario)
        #expect(Set(keys(audit.findings)) == [
            FindingKey(rule, .hard, person: 0, days: [0, 1, 2, 3, 4, 5]),
            FindingKey(rule, .soft, person: 0, days: [0, 1, 2, 3, 4, 5], penalty: 20),
        ])
    }

    /// History D D then DDDD: a run of 6 (two days before the period). Hard 5 is broken; soft 3 is
    /// exceeded on days 1, 2, 3 (the 4th, 5th and 6th day of the run): 3 x 10. Findings name only
    /// days inside the period. The later run of 2 is fine.
    @Test func auditCountsRunAcrossHistory() {
        var b = ScenarioBuilder(days: 7)
        let d = b.shift("D")
        b.person("A") {
            $0.contract.consecutiveSoft = 3
            $0.contract.consecutiveHard = 5
            $0.history = [nil, d, d]
        }
        let scenario = b.build()
        let audit = Audit.run(scenario.roster(["DDDD.DD"]), in: scenario)
        #expect(Set(keys(audit.findings)) == [
            FindingKey(rule, .hard, person: 0, days: [0, 1, 2, 3]),
            FindingKey(rule, .soft, person: 0, days: [0, 1, 2, 3], penalty: 30),
        ])
        // Without the history the same roster is a run of 4: within the hard limit, 1 day over the soft.
        var fresh = scenario
        fresh.staff[0].history = []
        #expect(keys(Audit.run(fresh.roster(["DDDD.DD"]), in: fresh).findings) ==
                [FindingKey(rule, .soft, person: 0, days: [0, 1, 2, 3], penalty: 10)])
    }

    /// A history run that ended before the period (off on day 0) is not a finding of this period.
    @Test func historyRunEndingBeforePeriodIsIgnored() {
        var b = ScenarioBuilder(days: 7)
        let d = b.shift("D")
        b.person("A") {
            $0.contract.consecutiveSoft = 2
            $0.contract.consecutiveHard = 3
            $0.history = [d, d, d, d]
        }
        let scenario = b.build()
        #expect(Audit.run(scenario.roster([".DD.DD."]), in: scenario).findings.isEmpty)
    }

    /// Soft-only binding: demand every day, soft limit 2, hard limit far away, excess cheaper than
    /// cover, so the solver works all 7 days and pays 5 excess days; objective term matches audit.
    @Test func softExcessIsPricedLikeTheAudit() throws {
        var b = ScenarioBuilder(days: 7)
        b.person("A") { $0.contract.consecutiveSoft = 2; $0.contract.consecutiveHard = 30 }
        b.need(1, from: 9, to: 17)
        let scenario = b.build()
        let result = try solve(scenario)
        let roster = try #require(solvedRoster(result))
        #expect(scenario.rows(roster) == ["DDDDDDD"])
        #expect(result.audit?.penalty(rule) == 50)
        #expect(result.terms[rule, default: 0] == 50)
    }
}
