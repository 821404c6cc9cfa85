import Paiban
import PaibanSolver
import Testing

/// Handover [002]: whoever closes the evening duty works the next day.
@Suite("handover")
struct HandoverTests {
    let rule = "handover"

    /// Two people, D 09:00-17:00 and E 14:00-22:00 (the closing shift); someone on E every evening.
    func scenario() -> Scenario {
        var b = ScenarioBuilder(days: 7)
        b.shifts = [Shifts.day, ShiftType(code: "E", name: "Evening", start: 14 * 60, end: 22 * 60)]
        b.person("A") { $0.contract.restDaysPerMonth = 0 }
        b.person("B")
        b.need(1, from: 18, to: 22)
        b.rules.handoverShifts = [1]
        return b.build()
    }

    @Test func closingTonightThenRestingTomorrowIsFlagged() {
        let scenario = scenario()
        let roster = scenario.roster(["EE.DDDD", "..EEEEE"])
        let findings = Audit.run(roster, in: scenario).findings(rule)
        #expect(keys(findings) == [FindingKey(rule, .hard, person: 0, days: [1, 2])])
        // The last day is not judged: its next day belongs to the next roster.
        #expect(Audit.run(scenario.roster(["DDDDDD.", "EEEEEEE"]), in: scenario).findings(rule).isEmpty)
    }

    @Test func solverKeepsTheCloserOnTheNextDay() throws {
        let scenario = scenario()
        let roster = try #require(solvedRoster(try solve(scenario, timeLimit: 5)))
        for p in 0..<2 {
            for d in 0..<6 where roster[p, d].shift == 1 {
                #expect(roster[p, d + 1].shift != nil, "\(scenario.rows(roster))")
            }
        }
    }
}
