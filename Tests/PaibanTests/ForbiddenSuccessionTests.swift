import Paiban
import PaibanSolver
import Testing

/// E 06:00-14:00 then L 14:00-22:00 next day leaves 24 h rest, so only the forbidden-pair rule can
/// stop it (minimum rest is off in these scenarios).
@Suite("forbidden-succession")
struct ForbiddenSuccessionTests {
    let rule = "forbidden-succession"

    /// Solver tests offer only E and L, so that no other shift can half-cover a demand.
    func builder(forbidding pairs: [(String, String)] = [("E", "L")],
                 shifts: [ShiftType] = [Shifts.early, Shifts.late]) -> ScenarioBuilder {
        var b = ScenarioBuilder(days: 7)
        b.shifts = shifts
        b.rules.forbiddenSuccessions = pairs.map { .init(first: b.shift($0.0), then: b.shift($0.1)) }
        return b
    }

    /// Demand alternates early (even days) and late (odd days); E then L is forbidden, so of the
    /// pairs (0,1), (2,3), (4,5) only one day each can be covered: 4 of 7.
    @Test func solverNeverWorksAForbiddenPair() throws {
        var b = builder()
        b.person("A")
        b.need(1, from: 6, to: 14, on: [0, 2, 4, 6])
        b.need(1, from: 14, to: 22, on: [1, 3, 5])
        let scenario = b.build()
        let result = try solve(scenario)
        let roster = try #require(solvedRoster(result))
        let row = scenario.rows(roster)[0]
        #expect(!row.contains("EL"), "\(row)")
        #expect(workedDays(roster, 0).filter { d in
            (d % 2 == 0 && roster[0, d] == .work(b.shift("E"))) || (d % 2 == 1 && roster[0, d] == .work(b.shift("L")))
        }.count == 4, "\(row)")
        #expect(Audit.run(roster, in: scenario).hard(rule).isEmpty)
    }

    /// Control: with no forbidden pairs the same demand is covered in full.
    @Test func withoutThePairEveryDemandIsCovered() throws {
        var b = builder(forbidding: [])
        b.person("A")
        b.need(1, from: 6, to: 14, on: [0, 2, 4, 6])
        b.need(1, from: 14, to: 22, on: [1, 3, 5])
        let scenario = b.build()
        let result = try solve(scenario)
        _ = try #require(solvedRoster(result))
        #expect(result.terms["under-cover", default: 0] == 0)
    }

    /// History ends with E: L on day 0 is forbidden, so day 0's late demand stays uncovered.
    @Test func solverReadsTheHistory() throws {
        var b = builder()
        let early = b.shift("E")
        b.person("A") { $0.history = [early] }
        b.need(1, from: 14, to: 22, on: [0])
        let scenario = b.build()
        let result = try solve(scenario)
        let roster = try #require(solvedRoster(result))
        #expect(roster[0, 0] != .work(b.shift("L")), "\(scenario.rows(roster))")
        #expect(result.terms["under-cover", default: 0] == 800)
    }

    /// Night then day ("no morning after a night"): N on day 2 then D on day 3, and E then L from the
    /// history into day 0. The reverse order (D then N) is allowed.
    @Test func auditFlagsEachForbiddenPair() {
        var b = builder(forbidding: [("N", "D"), ("E", "L")], shifts: [Shifts.early, Shifts.late, Shifts.night, Shifts.day])
        let early = b.shift("E")
        b.person("A")
        b.person("B") { $0.history = [early] }
        let scenario = b.build()
        let audit = Audit.run(scenario.roster(["..ND.DN", "L......"]), in: scenario)
        #expect(Set(keys(audit.findings)) == [
            FindingKey(rule, .hard, person: 0, days: [2, 3]),
            FindingKey(rule, .hard, person: 1, days: [-1, 0]),
        ])
    }
}
