import Paiban
import PaibanSolver
import Testing

@Suite("rest-days")
struct RestDaysPerMonthTests {
    let rule = "rest-days"

    /// 14 days of March (31 days) with 8 rest days a month: floor(8 x 14 / 31) = 3 rest days.
    /// Demand every day makes the solver rest exactly that many.
    @Test func solverRestsProratedMinimumInsideOneMonth() throws {
        var b = ScenarioBuilder(start: day(2025, 3, 3), days: 14)
        b.person("A") { $0.contract.restDaysPerMonth = 8 }
        b.need(1, from: 9, to: 17)
        let scenario = b.build()
        let result = try solve(scenario)
        let roster = try #require(solvedRoster(result))
        #expect(14 - workedDays(roster, 0).count == 3, "\(scenario.rows(roster))")
        #expect(Audit.run(roster, in: scenario).hard(rule).isEmpty)
    }

    /// 25 Mar - 7 Apr: 7 days of March (31) and 7 of April (30). With 10 rest days a month each part
    /// needs floor(70/31) = 2 and floor(70/30) = 2 rest days, counted separately: the solver may not
    /// move March's rest into April.
    @Test func solverProratesEachCalendarMonthOfThePeriod() throws {
        var b = ScenarioBuilder(start: day(2025, 3, 25), days: 14)
        b.person("A") { $0.contract.restDaysPerMonth = 10 }
        b.need(1, from: 9, to: 17)
        let scenario = b.build()
        let result = try solve(scenario)
        let roster = try #require(solvedRoster(result))
        let worked = Set(workedDays(roster, 0))
        #expect((0..<7).filter { !worked.contains($0) }.count == 2, "March part: \(scenario.rows(roster))")
        #expect((7..<14).filter { !worked.contains($0) }.count == 2, "April part: \(scenario.rows(roster))")
    }

    /// Leave days are neither work nor rest and shrink the prorated need: April part with 3 days of
    /// leave has 4 available days, floor(10 x 4 / 30) = 1 rest day.
    @Test func solverProratesAroundLeave() throws {
        var b = ScenarioBuilder(start: day(2025, 3, 25), days: 14)
        b.person("A") {
            $0.contract.restDaysPerMonth = 10
            $0.leave = [day(2025, 4, 1): "annual", day(2025, 4, 2): "annual", day(2025, 4, 3): "annual"]
        }
        b.need(1, from: 9, to: 17)
        let scenario = b.build()
        let result = try solve(scenario)
        let roster = try #require(solvedRoster(result))
        #expect(scenario.rows(roster)[0].suffix(7).filter { $0 == "." }.count == 1, "\(scenario.rows(roster))")
        #expect(scenario.rows(roster)[0].suffix(7).filter { $0 == "#" }.count == 3)
    }

    /// March part worked every day (needs 2 rest days, has 0); April part rests 2 (fine). One hard
    /// finding naming the March days.
    @Test func auditFlagsTheShortMonthOnly() {
        var b = ScenarioBuilder(start: day(2025, 3, 25), days: 14)
        b.person("A") { $0.contract.restDaysPerMonth = 10 }
        b.person("B") { $0.contract.restDaysPerMonth = 10 }
        let scenario = b.build()
        let audit = Audit.run(scenario.roster(["DDDDDDDDD..DDD", "D.D.DDDDDDD.D."]), in: scenario)
        #expect(keys(audit.findings(rule)) == [FindingKey(rule, .hard, person: 0, days: Array(0..<7))])
    }

    /// With leave on 1-3 April the need drops to 1; the finding, when there is one, lists only the
    /// available (non-leave) days.
    @Test func auditProratesAroundLeave() {
        var b = ScenarioBuilder(start: day(2025, 3, 25), days: 14)
        b.person("A") {
            $0.contract.restDaysPerMonth = 10
            $0.leave = [day(2025, 4, 1): "annual", day(2025, 4, 2): "annual", day(2025, 4, 3): "annual"]
        }
        let scenario = b.build()
        #expect(Audit.run(scenario.roster(["DD.D.DD###DDD."]), in: scenario).findings(rule).isEmpty)   // (4 Apr is Qingming: holiday-work flags it)
        let audit = Audit.run(scenario.roster(["DD.D.DD###DDDD"]), in: scenario)
        #expect(keys(audit.findings(rule)) == [FindingKey(rule, .hard, person: 0, days: [10, 11, 12, 13])])
    }

    /// A person who joins mid-period is prorated on their days on the team: joining 2 April (day 8)
    /// leaves 6 April days, floor(10 x 6 / 30) = 2; and no need at all in the March part.
    @Test func auditProratesFromStartDate() {
        var b = ScenarioBuilder(start: day(2025, 3, 25), days: 14)
        b.person("A") { $0.contract.restDaysPerMonth = 10; $0.startDate = day(2025, 4, 2) }
        let scenario = b.build()
        #expect(Audit.run(scenario.roster([".........DDDD."]), in: scenario).findings(rule).isEmpty)
        let audit = Audit.run(scenario.roster([".........DDDDD"]), in: scenario)
        #expect(keys(audit.findings(rule)) == [FindingKey(rule, .hard, person: 0, days: [8, 9, 10, 11, 12, 13])])
    }
}
