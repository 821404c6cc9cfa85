import Paiban
import PaibanSolver
import Testing

@Suite("night-eligibility")
struct NightEligibilityTests {
    let rule = "night-eligibility"

    /// Two nights needed every day, two people, only B may work nights: A never works N even though
    /// that leaves the second night seat empty every day.
    @Test func solverKeepsIneligiblePeopleOffNights() throws {
        var b = ScenarioBuilder(days: 7)
        b.shifts = [Shifts.day, Shifts.night]
        b.person("A") { $0.contract.nightEligible = false }
        b.person("B")
        b.need(2, from: 22, to: 24)
        let scenario = b.build()
        let result = try solve(scenario)
        let roster = try #require(solvedRoster(result))
        let n = b.shift("N")
        #expect((0..<7).allSatisfy { roster[0, $0] != .work(n) }, "\(scenario.rows(roster))")
        #expect((0..<7).allSatisfy { roster[1, $0] == .work(n) }, "\(scenario.rows(roster))")
        #expect(Audit.run(roster, in: scenario).hard(rule).isEmpty)
    }

    /// One finding per night worked by an ineligible person; day shifts and eligible people are fine.
    @Test func auditFlagsEachIneligibleNight() {
        var b = ScenarioBuilder(days: 7)
        b.shifts = [Shifts.day, Shifts.night]
        b.person("A") { $0.contract.nightEligible = false }
        b.person("B")
        let scenario = b.build()
        let audit = Audit.run(scenario.roster(["DN.N.D.", "NNNNNNN"]), in: scenario)
        #expect(Set(keys(audit.findings)) == [
            FindingKey(rule, .hard, person: 0, days: [1]),
            FindingKey(rule, .hard, person: 0, days: [3]),
        ])
    }

    /// A night is what the rules count as one: a scenario override makes 09:00-17:00 a big night,
    /// and a small night (L, ends 22:00) is allowed while the rules count only big nights.
    @Test func nightKindDecidesEligibility() {
        var b = ScenarioBuilder(days: 7)
        var odd = Shifts.day
        odd.code = "X"
        odd.nightOverride = .big
        b.shifts = [odd, Shifts.late]
        b.person("A") { $0.contract.nightEligible = false }
        let scenario = b.build()
        let audit = Audit.run(scenario.roster(["LLX...."]), in: scenario)
        #expect(keys(audit.findings) == [FindingKey(rule, .hard, person: 0, days: [2])])
    }
}
