import Paiban
import PaibanSolver
import Testing

/// Big/small weeks (大小周): full Monday-Sunday weeks alternate one and two rest days.
@Suite("big-small-weeks")
struct BigSmallWeeksTests {
    let rule = "big-small-weeks"

    /// Three full weeks from Monday 3 March 2025, one supervisor under big/small weeks who would work
    /// every day if only demand counted.
    func supervisorScenario() -> ScenarioBuilder {
        var b = ScenarioBuilder(start: day(2025, 3, 3), days: 21)
        b.person("S") { $0.contract.bigSmallWeeks = true }
        b.need(1, from: 9, to: 17)
        return b
    }

    @Test func solverAlternatesOneAndTwoRestDays() throws {
        let scenario = supervisorScenario().build()
        let result = try solve(scenario, timeLimit: 5)
        let roster = try #require(solvedRoster(result))
        let rests = (0..<3).map { w in (w * 7..<(w * 7 + 7)).filter { roster[0, $0].shift == nil }.count }
        #expect(rests.allSatisfy { (1...2).contains($0) }, "\(rests)")
        #expect(rests[0] + rests[1] == 3 && rests[1] + rests[2] == 3, "\(rests)")
        #expect(result.audit?.hard(rule).isEmpty == true)
        // Demand wants the supervisor every day, so the roster rests exactly as little as the rule allows.
        #expect(rests.reduce(0, +) == 4 || rests.reduce(0, +) == 5)
    }

    @Test func twoSmallWeeksInARowAreFlagged() {
        let scenario = supervisorScenario().build()
        let roster = scenario.roster(["DDDDDD." + "DDDDDD." + "DDDDD.."])
        let findings = Audit.run(roster, in: scenario).findings(rule)
        #expect(keys(findings) == [FindingKey(rule, .hard, person: 0, days: Array(7..<14))])
    }

    @Test func aWeekWithoutRestIsFlagged() {
        let scenario = supervisorScenario().build()
        let roster = scenario.roster(["DDDDDDD" + "DDDDD.." + "DDDDDD."])
        #expect(keys(Audit.run(roster, in: scenario).findings(rule)) == [FindingKey(rule, .hard, person: 0, days: Array(0..<7))])
    }

    @Test func weeksWithLeaveAndPartialWeeksAreNotJudged() {
        // Starts on a Wednesday: the first five days are a partial week; the second full week has leave.
        var b = ScenarioBuilder(start: day(2025, 3, 5), days: 19)
        b.person("S") {
            $0.contract.bigSmallWeeks = true
            $0.leave[day(2025, 3, 18)] = "annual"
        }
        let scenario = b.build()
        // Partial week worked through, full week 1 (10-16 Mar) small, full week 2 (17-23 Mar) with leave.
        let roster = scenario.roster(["DDDDD" + "DDDDDD." + "D#DDDDD"])
        #expect(Audit.run(roster, in: scenario).findings(rule).isEmpty)
    }

    @Test func contractsWithoutTheRuleAreNotJudged() {
        var b = ScenarioBuilder(start: day(2025, 3, 3), days: 7)
        b.person("A")
        let scenario = b.build()
        #expect(Audit.run(scenario.roster(["DDDDDDD"]), in: scenario).findings(rule).isEmpty)
    }
}
