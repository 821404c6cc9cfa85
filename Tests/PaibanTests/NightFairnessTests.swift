import Paiban
import PaibanSolver
import Testing

/// Each person's k-th night of the period costs (k-1) x weight: n nights cost n(n-1)/2 units.
@Suite("night-fairness")
struct NightFairnessTests {
    let rule = "night-fairness"

    /// Three people, one night needed on each of 6 days: the fairest spread is 2 nights each,
    /// 3 x 1 = 3 units. Giving all 6 to one person would cost 15.
    @Test func solverSpreadsNightsEvenly() throws {
        var b = ScenarioBuilder(days: 6)
        b.shifts = [Shifts.night]
        b.rules.weights.nightFairness = 1
        for id in ["A", "B", "C"] { b.person(id) }
        b.need(1, from: 22, to: 24)
        let scenario = b.build()
        let result = try solve(scenario)
        let roster = try #require(solvedRoster(result))
        #expect((0..<3).map { workedDays(roster, $0).count } == [2, 2, 2], "\(scenario.rows(roster))")
        #expect(result.audit?.penalty(rule) == 3)
        #expect(result.terms[rule, default: 0] == 3)
        #expect(result.terms["under-cover", default: 0] == 0)
    }

    /// 7 nights over 3 people cannot be even: 3+2+2 = 3 + 1 + 1 = 5 units, at weight 2 -> 10.
    @Test func solverPricesUnevenRemainderLikeTheAudit() throws {
        var b = ScenarioBuilder(days: 7)
        b.shifts = [Shifts.night]
        b.rules.weights.nightFairness = 2
        for id in ["A", "B", "C"] { b.person(id) }
        b.need(1, from: 22, to: 24)
        let scenario = b.build()
        let result = try solve(scenario)
        let roster = try #require(solvedRoster(result))
        #expect((0..<3).map { workedDays(roster, $0).count }.sorted() == [2, 2, 3], "\(scenario.rows(roster))")
        #expect(result.audit?.penalty(rule) == 10)
        #expect(result.terms[rule, default: 0] == 10)
    }

    /// Counts 3, 1, 0 -> 3 + 0 + 0 units, weight 2 -> one team finding (no person, no days) of 6.
    @Test func auditPricesTheSpread() {
        var b = ScenarioBuilder(days: 7)
        b.shifts = [Shifts.night, Shifts.day]
        b.rules.weights.nightFairness = 2
        for id in ["A", "B", "C"] { b.person(id) }
        let scenario = b.build()
        let audit = Audit.run(scenario.roster(["N.N.N.D", ".N.....", "DDD...."]), in: scenario)
        #expect(keys(audit.findings) == [FindingKey(rule, .soft, person: nil, days: [], penalty: 6)])
    }

    /// One night each costs nothing, and weight 0 switches the rule off.
    @Test func noFindingWithoutSpreadOrWeight() {
        var b = ScenarioBuilder(days: 7)
        b.shifts = [Shifts.night]
        b.rules.weights.nightFairness = 1
        for id in ["A", "B"] { b.person(id) }
        var scenario = b.build()
        #expect(Audit.run(scenario.roster(["N......", ".N....."]), in: scenario).findings.isEmpty)
        scenario.rules.weights.nightFairness = 0
        #expect(Audit.run(scenario.roster(["NNNNNNN", "......."]), in: scenario).findings.isEmpty)
    }
}
