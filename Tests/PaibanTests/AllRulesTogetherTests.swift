import Paiban
import PaibanSolver
import Testing

/// Every rule switched on at once in a small 7x24 team, to catch rules whose encodings interfere.
/// The assertions recount each property by hand rather than trusting the audit alone.
@Suite("all rules together")
struct AllRulesTogetherTests {
    @Test func solvedRosterKeepsEveryHardRuleAndPricesEverySoftOne() throws {
        var b = ScenarioBuilder(start: day(2025, 3, 3), days: 14)
        b.shifts = [Shifts.early, Shifts.late, Shifts.night]
        let (l, n) = (b.shift("L"), b.shift("N"))
        b.rules.minRestHours = 11                                  // forbids L->E, N->E, N->L
        b.rules.forbiddenSuccessions = [.init(first: n, then: n)]  // no two nights in a row
        b.rules.weights.nightFairness = 1
        func contract(_ c: inout Contract) {
            c.restDaysPerMonth = 8           // floor(8 x 14 / 31) = 3 rest days
            c.hoursTarget = 176              // 176 x 14/31 = 79.5 h +- 16 -> 8 to 11 shifts
            c.hoursTolerance = 16
            c.consecutiveSoft = 4
            c.consecutiveHard = 6
            c.maxNights = 4
        }
        for id in ["A", "B", "C", "D"] { b.person(id) { contract(&$0.contract) } }
        b.person("E") { contract(&$0.contract); $0.contract.nightEligible = false; $0.history = [l, l, l, l, l, l] }
        b.person("F") { contract(&$0.contract); $0.history = [nil, n] }
        b.requests = [Request(person: 0, day: 5, kind: .dayOff, weight: 30),
                      Request(person: 1, day: 2, kind: .wantShift(n), weight: 20)]
        b.need(1, from: 6, to: 22)
        b.need(1, from: 22, to: 24)
        b.need(1, from: 0, to: 6)
        let scenario = b.build()
        let result = try solve(scenario, timeLimit: 5)
        let roster = try #require(solvedRoster(result))
        let rows = scenario.rows(roster)
        let audit = Audit.run(roster, in: scenario)
        #expect(audit.hardFindings.isEmpty, "\(audit.hardFindings.map(\.message))")
        for rule in Set(audit.penalties.keys).union(result.terms.keys) {
            #expect(abs((result.terms[rule] ?? 0) - audit.penalty(rule)) < 1e-6, "\(rule)")
        }
        for p in 0..<6 {
            let worked = workedDays(roster, p)
            #expect(14 - worked.count >= 3, "rest days of \(p): \(rows[p])")
            #expect((8...11).contains(worked.count), "hours of \(p): \(rows[p])")
            #expect((0..<14).filter { roster[p, $0] == .work(n) }.count <= 4, "nights of \(p): \(rows[p])")
            let historyRun = scenario.staff[p].history.reversed().prefix { $0 != nil }.count
            #expect(runLengths(roster, p, historyRun: historyRun).allSatisfy { $0 <= 6 }, "runs of \(p): \(rows[p])")
            let full = scenario.staff[p].history.map { $0.map { scenario.shifts[$0].code } ?? "." }.joined() + rows[p]
            for bad in ["LE", "NE", "NL", "NN"] { #expect(!full.contains(bad), "\(bad) in \(p): \(full)") }
        }
        #expect(!rows[4].contains("N"))
    }
}
