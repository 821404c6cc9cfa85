import Paiban
import PaibanSolver
import Testing

/// Early E 06:00-14:00, late L 14:00-22:00, night N 22:00-06:00. With 11 h minimum rest, L then E
/// next day leaves 8 h, N then E 0 h; E then L leaves 24 h.
@Suite("minimum-rest")
struct MinimumRestTests {
    let rule = "minimum-rest"

    func builder(days: Int = 7) -> ScenarioBuilder {
        var b = ScenarioBuilder(days: days)
        b.shifts = [Shifts.early, Shifts.late, Shifts.night]
        b.rules.minRestHours = 11
        return b
    }

    /// Demand alternates late (even days) and early (odd days). Pairs (0,1), (2,3), (4,5) cannot
    /// both be worked (L then E), so one person covers at most 4 of the 7 demands.
    @Test func solverNeverPutsEarlyAfterLate() throws {
        var b = builder()
        b.person("A")
        b.need(1, from: 14, to: 22, on: [0, 2, 4, 6])
        b.need(1, from: 6, to: 14, on: [1, 3, 5])
        let scenario = b.build()
        let result = try solve(scenario)
        let roster = try #require(solvedRoster(result))
        let row = scenario.rows(roster)[0]
        #expect(!row.contains("LE") && !row.contains("NE"), "\(row)")
        #expect(workedDays(roster, 0).count == 4, "\(row)")
        #expect(Audit.run(roster, in: scenario).hard(rule).isEmpty)
    }

    /// Control for the test above: without a minimum rest the same person covers all 7 demands,
    /// so the rule really is what limits it.
    @Test func withoutMinimumRestEveryDemandIsCovered() throws {
        var b = builder()
        b.rules.minRestHours = nil
        b.person("A")
        b.need(1, from: 14, to: 22, on: [0, 2, 4, 6])
        b.need(1, from: 6, to: 14, on: [1, 3, 5])
        let scenario = b.build()
        let roster = try #require(solvedRoster(try solve(scenario)))
        #expect(scenario.rows(roster) == ["LELELEL"])
    }

    /// The history's last shift was late: an early shift on day 0 would leave 8 h rest, so day 0's
    /// early demand stays uncovered (the person may still work later days).
    @Test func solverReadsRestAfterTheHistory() throws {
        var b = builder()
        let late = b.shift("L")
        b.person("A") { $0.history = [late] }
        b.need(1, from: 6, to: 14, on: [0])
        let scenario = b.build()
        let result = try solve(scenario)
        let roster = try #require(solvedRoster(result))
        #expect(roster[0, 0] != .work(b.shift("E")), "\(scenario.rows(roster))")
        #expect(result.terms["under-cover", default: 0] == 800)
    }

    /// L then E, and N then E (a night crossing midnight ends at 06:00, exactly when E starts):
    /// one finding per pair, naming both days.
    @Test func auditFlagsShortRest() {
        var b = builder()
        b.person("A")
        b.person("B")
        let scenario = b.build()
        let audit = Audit.run(scenario.roster(["LE.EL..", "...NE.E"]), in: scenario)
        #expect(Set(keys(audit.findings)) == [
            FindingKey(rule, .hard, person: 0, days: [0, 1]),
            FindingKey(rule, .hard, person: 1, days: [3, 4]),
        ])
    }

    /// The day before the period counts: history late, day 0 early -> days [-1, 0].
    @Test func auditFlagsShortRestAfterHistory() {
        var b = builder()
        let late = b.shift("L")
        b.person("A") { $0.history = [nil, late] }
        let scenario = b.build()
        let audit = Audit.run(scenario.roster(["E......"]), in: scenario)
        #expect(keys(audit.findings) == [FindingKey(rule, .hard, person: 0, days: [-1, 0])])
    }

    /// Exactly the minimum is enough: L 14:00-22:00 then a 09:00 start leaves 11 h.
    @Test func restOfExactlyTheMinimumIsAllowed() {
        var b = builder()
        b.shifts.append(Shifts.day)
        b.person("A")
        let scenario = b.build()
        #expect(Audit.run(scenario.roster(["LD....."]), in: scenario).findings.isEmpty)
    }
}
