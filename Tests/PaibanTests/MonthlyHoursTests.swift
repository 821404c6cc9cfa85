import Paiban
import PaibanSolver
import Testing

/// Periods here are 3-16 February 2025: 14 of February's 28 days, so targets are halved.
@Suite("monthly-hours")
struct MonthlyHoursTests {
    let rule = "monthly-hours"
    let feb3 = day(2025, 2, 3)

    /// Target 80 h a month, tolerance 0: 40 h for half of February, exactly five 8-hour shifts.
    /// Demand on all 14 days pushes against the upper end of the band.
    @Test func solverStopsAtTheUpperEndOfTheBand() throws {
        var b = ScenarioBuilder(start: feb3, days: 14)
        b.person("A") { $0.contract.hoursTarget = 80; $0.contract.hoursTolerance = 0 }
        b.need(1, from: 9, to: 17)
        let scenario = b.build()
        let result = try solve(scenario)
        let roster = try #require(solvedRoster(result))
        #expect(workedDays(roster, 0).count == 5, "\(scenario.rows(roster))")
        #expect(Audit.run(roster, in: scenario).hard(rule).isEmpty)
    }

    /// No demand at all, band 32-48 h (40 +- 8): nothing but the band makes the person work, so the
    /// solver must still give 4 to 6 shifts.
    @Test func solverReachesTheLowerEndWithoutDemand() throws {
        var b = ScenarioBuilder(start: feb3, days: 14)
        b.person("A") { $0.contract.hoursTarget = 80; $0.contract.hoursTolerance = 8 }
        let scenario = b.build()
        let result = try solve(scenario)
        let roster = try #require(solvedRoster(result))
        #expect((4...6).contains(workedDays(roster, 0).count), "\(scenario.rows(roster))")
    }

    /// Two days of leave are credited 8 h each: of the 40 h, 16 are leave, so three shifts are worked.
    @Test func solverCreditsLeave() throws {
        var b = ScenarioBuilder(start: feb3, days: 14)
        b.person("A") {
            $0.contract.hoursTarget = 80
            $0.contract.hoursTolerance = 0
            $0.leave = [day(2025, 2, 5): "annual", day(2025, 2, 6): "sick"]
        }
        b.need(1, from: 9, to: 17)
        let scenario = b.build()
        let result = try solve(scenario)
        let roster = try #require(solvedRoster(result))
        #expect(workedDays(roster, 0).count == 3, "\(scenario.rows(roster))")
        #expect(roster[0, 2] == .leave && roster[0, 3] == .leave)
    }

    /// Joining on 10 February (day 7) leaves 7 days on the team: 80 x 7/28 = 20 h, +- 4 -> 16-24 h.
    /// Demand every day pushes to the top: three 8-hour shifts, all on or after the start date.
    @Test func solverProratesFromStartDate() throws {
        var b = ScenarioBuilder(start: feb3, days: 14)
        b.person("A") {
            $0.contract.hoursTarget = 80
            $0.contract.hoursTolerance = 4
            $0.startDate = day(2025, 2, 10)
        }
        b.need(1, from: 9, to: 17)
        let scenario = b.build()
        let result = try solve(scenario)
        let roster = try #require(solvedRoster(result))
        let worked = workedDays(roster, 0)
        #expect(worked.count == 3 && worked.allSatisfy { $0 >= 7 }, "\(scenario.rows(roster))")
    }

    /// Band 36-44 h. Paid minutes count, not duration: a 09:00-18:00 shift with 8 paid hours, five
    /// times, is 40 h (45 h on the clock would break the band). Six shifts (48 h) and four (32 h)
    /// break it; the finding names the person and the month's days.
    @Test func auditChecksPaidHoursAgainstTheBand() {
        var b = ScenarioBuilder(start: feb3, days: 14)
        b.shifts = [ShiftType(code: "D", name: "Day with lunch", start: 9 * 60, end: 18 * 60, paidMinutes: 480)]
        b.person("A") { $0.contract.hoursTarget = 80; $0.contract.hoursTolerance = 4 }
        let scenario = b.build()
        #expect(Audit.run(scenario.roster(["DDDDD........."]), in: scenario).findings.isEmpty)
        for row in ["DDDDDD........", "DDDD.........."] {
            let audit = Audit.run(scenario.roster([row]), in: scenario)
            #expect(keys(audit.findings) == [FindingKey(rule, .hard, person: 0, days: Array(0..<14))], "\(row)")
        }
    }

    /// Target 0 means "no hours band": neither an empty nor a full roster is a finding.
    @Test func zeroTargetDisablesTheBand() {
        var b = ScenarioBuilder(start: feb3, days: 14)
        b.person("A") { $0.contract.hoursTarget = 0; $0.contract.hoursTolerance = 0 }
        let scenario = b.build()
        #expect(Audit.run(scenario.roster([".............."]), in: scenario).findings.isEmpty)
        #expect(Audit.run(scenario.roster(["DDDDDDDDDDDDDD"]), in: scenario).findings.isEmpty)
    }

    /// Each calendar month has its own band: 24 Feb - 9 Mar is 5 days of February (28) and 9 of
    /// March (31). Target 168 h, tolerance 2 (not prorated): Feb 168 x 5/28 = 30 h (28-32 h),
    /// Mar 168 x 9/31 = 48.8 h (46.8-50.8 h).
    @Test func auditCountsEachMonthSeparately() {
        var b = ScenarioBuilder(start: day(2025, 2, 24), days: 14)
        b.person("A") { $0.contract.hoursTarget = 168; $0.contract.hoursTolerance = 2 }
        let scenario = b.build()
        // Feb: 4 shifts = 32 h (in band); Mar: 6 shifts = 48 h (in band).
        #expect(Audit.run(scenario.roster(["DDDD.DDDDDD..."]), in: scenario).findings.isEmpty)
        // Feb: 5 shifts = 40 h (over); Mar: 5 shifts = 40 h (under): two findings, one per month.
        let audit = Audit.run(scenario.roster(["DDDDDDDDDD...."]), in: scenario)
        #expect(Set(keys(audit.findings)) == [
            FindingKey(rule, .hard, person: 0, days: Array(0..<5)),
            FindingKey(rule, .hard, person: 0, days: Array(5..<14)),
        ])
    }
}
