import Paiban
import PaibanSolver
import Testing

/// The cap on weekends with any work ("weekends"). March 2025: Saturday 1, Sunday 2, Monday 3,
/// Saturday 8, Sunday 9, Saturday 15, Sunday 16.
@Suite("weekends")
struct WeekendsWorkedTests {
    let rule = "weekends"

    static func scenario(start: CivilDate, days: Int, cap: Int? = nil) -> Scenario {
        var b = ScenarioBuilder(start: start, days: days)
        b.person("A") { $0.contract.maxWeekends = cap }
        return b.build()
    }

    static func weekends(_ start: CivilDate, _ days: Int) -> [[Int]] {
        WeekendsWorked.weekends(in: scenario(start: start, days: days))
    }

    // MARK: - Weekend detection

    /// Sunday 2 March to Saturday 15 March: the period opens on the Sunday of a cut weekend and closes on
    /// the Saturday of another, with one whole weekend between.
    @Test func periodFromSundayToSaturday() {
        #expect(day(2025, 3, 2).weekday == 7 && day(2025, 3, 15).weekday == 6)
        #expect(Self.weekends(day(2025, 3, 2), 14) == [[0], [6, 7], [13]])
    }

    @Test func otherEdges() {
        // Monday to Sunday: one whole weekend.
        #expect(Self.weekends(day(2025, 3, 3), 7) == [[5, 6]])
        // Monday to Friday: none.
        #expect(Self.weekends(day(2025, 3, 3), 5) == [])
        // Monday to Saturday (no Sunday at all): the lone Saturday.
        #expect(Self.weekends(day(2025, 3, 3), 6) == [[5]])
        // A single Sunday; a single Saturday.
        #expect(Self.weekends(day(2025, 3, 2), 1) == [[0]])
        #expect(Self.weekends(day(2025, 3, 1), 1) == [[0]])
        // Saturday 1 to Saturday 15 March: [1, 2], [8, 9], and the lone 15th.
        #expect(Self.weekends(day(2025, 3, 1), 15) == [[0, 1], [7, 8], [14]])
        // Tuesday 4 to Monday 17 March: two whole weekends inside.
        #expect(Self.weekends(day(2025, 3, 4), 14) == [[4, 5], [11, 12]])
    }

    // MARK: - Audit

    /// Sunday 2 to Saturday 15 March: weekends [0], [6, 7], [13]. Work on days 0, 6 and 13 is three
    /// weekends; the finding lists every day of the weekends worked.
    @Test func auditCountsWeekendsAgainstTheCap() {
        let row = "D.....D......D"
        for (cap, expected) in [(0, true), (1, true), (2, true), (3, false)] {
            let s = Self.scenario(start: day(2025, 3, 2), days: 14, cap: cap)
            let got = keys(Audit.run(s.roster([row]), in: s).findings)
            #expect(got == (expected ? [FindingKey(rule, .hard, person: 0, days: [0, 6, 7, 13])] : []), "cap \(cap)")
        }
        // No cap: nothing.
        let free = Self.scenario(start: day(2025, 3, 2), days: 14)
        #expect(Audit.run(free.roster([row]), in: free).findings.isEmpty)
    }

    /// Saturday and Sunday of one weekend count once; weekdays never count.
    @Test func auditCountsAWholeWeekendOnce() {
        let s = Self.scenario(start: day(2025, 3, 2), days: 14, cap: 1)
        #expect(Audit.run(s.roster([".DDDDDDDDDDDD."]), in: s).findings.isEmpty)
        #expect(keys(Audit.run(s.roster([".DDDDDDDDDDDDD"]), in: s).findings) == [FindingKey(rule, .hard, person: 0, days: [6, 7, 13])])
        let zero = Self.scenario(start: day(2025, 3, 2), days: 14, cap: 0)
        #expect(Audit.run(zero.roster([".DDDDD..DDDDD."]), in: zero).findings.isEmpty)
        // Sunday 9 March alone (day 7) is the weekend [6, 7].
        #expect(keys(Audit.run(zero.roster([".DDDDD.D......"]), in: zero).findings) == [FindingKey(rule, .hard, person: 0, days: [6, 7])])
    }

    // MARK: - Solver

    /// Two weeks from Monday 3 March (weekends [5, 6] and [12, 13]), demand every day, cap 1. Without the
    /// cap the person works all 14 days; with it, all ten weekdays and both days of one weekend: the other
    /// weekend costs 2 x 800.
    @Test func solverRespectsCapAgainstDemand() throws {
        var b = ScenarioBuilder(days: 14)
        b.person("A") { $0.contract.maxWeekends = 1 }
        b.need(1, from: 9, to: 17)
        let scenario = b.build()
        let result = try solve(scenario)
        let roster = try #require(solvedRoster(result))
        let audit = Audit.run(roster, in: scenario)
        #expect(audit.hardFindings.isEmpty)
        let worked = WeekendsWorked.weekends(in: scenario).filter { $0.contains { roster[0, $0].shift != nil } }
        #expect(worked.count == 1, "\(scenario.rows(roster))")
        #expect(workedDays(roster, 0).count == 12, "\(scenario.rows(roster))")
        #expect(result.terms["under-cover", default: 0] == 1600)
        #expect(result.objective == 1600)
        #expect(result.objective == audit.totalPenalty)

        var free = scenario
        free.staff[0].contract.maxWeekends = nil
        let all = try #require(solvedRoster(try solve(free)))
        #expect(free.rows(all) == ["DDDDDDDDDDDDDD"])
    }

    /// Sunday 2 to Saturday 8 March: two one-day weekends [0] and [6]. Cap 1, demand every day: one of
    /// the two stays uncovered (800), every weekday is worked.
    @Test func solverCountsCutWeekends() throws {
        var b = ScenarioBuilder(start: day(2025, 3, 2), days: 7)
        b.person("A") { $0.contract.maxWeekends = 1 }
        b.need(1, from: 9, to: 17)
        let scenario = b.build()
        let result = try solve(scenario)
        let roster = try #require(solvedRoster(result))
        let rows = scenario.rows(roster)
        #expect(rows == [".DDDDDD"] || rows == ["DDDDDD."], "\(rows)")
        #expect(result.objective == 800)
        #expect(result.objective == Audit.run(roster, in: scenario).totalPenalty)
    }

    /// Cap 0: never a weekend, whatever demand wants. Three weekends in Saturday 1 to Saturday 15 March
    /// ([0, 1], [7, 8], [14]): five weekend days uncovered, every weekday worked.
    @Test func solverKeepsCapZero() throws {
        var b = ScenarioBuilder(start: day(2025, 3, 1), days: 15)
        b.person("A") { $0.contract.maxWeekends = 0 }
        b.need(1, from: 9, to: 17)
        let scenario = b.build()
        let result = try solve(scenario)
        let roster = try #require(solvedRoster(result))
        #expect(scenario.rows(roster) == ["..DDDDD..DDDDD."])
        #expect(result.objective == 4000)   // 5 x 800
    }

    /// Two people with a cap of 1 each share three weekends of demand (Saturday 1 to Saturday 15 March):
    /// they cover two between them and one stays empty. A whole weekend ([0, 1] or [7, 8]) costs 1600,
    /// the lone Saturday 15th 800, so the cheapest leaves the 15th uncovered.
    @Test func solverSharesWeekendsBetweenPeople() throws {
        var b = ScenarioBuilder(start: day(2025, 3, 1), days: 15)
        b.person("A") { $0.contract.maxWeekends = 1 }
        b.person("B") { $0.contract.maxWeekends = 1 }
        b.need(1, from: 9, to: 17)
        let scenario = b.build()
        let result = try solve(scenario)
        let roster = try #require(solvedRoster(result))
        #expect(result.objective == 800)
        #expect(!scenario.staff.indices.contains { roster[$0, 14].shift != nil }, "\(scenario.rows(roster))")
        #expect(Audit.run(roster, in: scenario).hardFindings.isEmpty)
    }
}
