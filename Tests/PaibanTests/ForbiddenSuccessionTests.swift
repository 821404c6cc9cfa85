import Paiban
@testable import PaibanSolver
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

    /// The model's rows are classes of forbidden pairs (earlier shifts x later shifts, every pair forbidden).
    /// On random relations of up to 8 shifts, the classes forbid exactly the forbidden pairs: each pair of a
    /// class is forbidden, and each forbidden pair is in a class; and each shift's own row (the shift and all of
    /// its forbidden successors) lies inside a class row.
    @Test func classesCoverExactlyTheForbiddenPairs() {
        var rng = BruteForceTests.Rng(state: 7)
        for _ in 0..<200 {
            let count = rng.int(1...8)
            let successors = (0..<count).map { _ in (0..<count).filter { _ in rng.chance(0.4) } }
            let classes = ForbiddenSuccession.forbiddenClasses(successors, shiftCount: count)
            var covered = Set<[Int]>()
            for forbidden in classes {
                #expect(!forbidden.earlier.isEmpty && !forbidden.later.isEmpty)
                for a in forbidden.earlier { for b in forbidden.later { covered.insert([a, b]) } }
            }
            let pairs = Set((0..<count).flatMap { a in successors[a].map { [a, $0] } })
            #expect(covered == pairs, "\(successors)")
            // Never more rows than one per shift with successors, each of which a class row holds.
            #expect(classes.count <= successors.filter { !$0.isEmpty }.count)
            for a in 0..<count where !successors[a].isEmpty {
                #expect(classes.contains { $0.earlier.contains(a) && $0.later == successors[a] }, "\(successors)")
            }
        }
    }

    /// Curtois Instance13's 18 shifts, where a later start forbids earlier ones the next day: 6 rows a person
    /// and day instead of one for each of the 14 shifts with forbidden successors.
    @Test func nestedSuccessionsNeedFewRows() {
        let codes = ["a1", "a2", "a3", "a4", "a5", "d1", "d2", "d3", "d4", "d5", "p1", "p2", "p3", "p4", "p5", "n1", "n2", "n3"]
        let a4 = ["a1", "a2", "a3", "a4"], a5 = a4 + ["a5"], ad = a5 + ["d1", "d2", "d3", "d4", "d5"]
        let adp = ad + ["p1", "p2", "p3", "p4", "p5"]
        let cannotFollow: [String: [String]] = ["a5": ad, "d1": a4, "d2": a4, "d3": a4, "d4": a5, "d5": ad,
                                                "p1": ad, "p2": ad, "p3": ad, "p4": ad, "p5": ad + ["p4", "p5"],
                                                "n1": adp, "n2": adp + ["n3"], "n3": adp + ["n3"]]
        let successors = codes.map { (cannotFollow[$0] ?? []).map { codes.firstIndex(of: $0)! } }
        #expect(ForbiddenSuccession.forbiddenClasses(successors, shiftCount: codes.count).count == 6)
    }
}
