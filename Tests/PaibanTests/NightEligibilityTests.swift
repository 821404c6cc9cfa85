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

    /// [004 4.2] and ShiftType.nightKind's own comment: a big night ends at 23:59 or between 00:00 and
    /// 07:59. A shift 00:00-07:00 ends at 07:00, so it is a big night and an ineligible person may
    /// not work it, although it does not cross midnight.
    @Test func shiftStartingAtMidnightIsABigNight() {
        let graveyard = ShiftType(code: "G", name: "Graveyard", start: 0, end: 7 * 60)
        var b = ScenarioBuilder(days: 7)
        b.shifts = [graveyard]
        b.person("A") { $0.contract.nightEligible = false }
        let scenario = b.build()
        #expect(graveyard.nightKind == .big)
        #expect(keys(Audit.run(scenario.roster(["G......"]), in: scenario).findings) == [FindingKey(rule, .hard, person: 0, days: [0])])
    }
}

