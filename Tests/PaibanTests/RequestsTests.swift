import Paiban
import PaibanSolver
import Testing

/// A request costs its own weight when not honoured; a missing person-hour costs 100, so an 8-hour
/// shift of uncovered demand costs 800.
@Suite("requests")
struct RequestsTests {
    let rule = "requests"

    /// Demand every day. A day off at weight 5 loses to 800 of cover (worked, penalty 5); a day off at
    /// weight 1000 wins (honoured, 800 under-cover instead).
    @Test func solverWeighsDayOffRequestsAgainstCover() throws {
        var b = ScenarioBuilder(days: 7)
        b.person("A")
        b.requests = [Request(person: 0, day: 2, kind: .dayOff, weight: 5),
                      Request(person: 0, day: 3, kind: .dayOff, weight: 1000)]
        b.need(1, from: 9, to: 17)
        let scenario = b.build()
        let result = try solve(scenario)
        let roster = try #require(solvedRoster(result))
        #expect(scenario.rows(roster) == ["DDD.DDD"])
        let audit = Audit.run(roster, in: scenario)
        #expect(keys(audit.findings(rule)) == [FindingKey(rule, .soft, person: 0, days: [2], penalty: 5)])
        #expect(result.terms[rule, default: 0] == 5)
        #expect(result.terms[rule, default: 0] == audit.penalty(rule))
    }

    /// Shifts E and L, demand only for E on days 0-2. Day 0: wants L at 900 > 800 -> L. Day 1: wants L
    /// at 100 < 800 -> E, penalty 100. Day 2: avoid E at 1000 -> not E, 800 under-cover.
    @Test func solverWeighsShiftRequestsAgainstCover() throws {
        var b = ScenarioBuilder(days: 3)
        b.shifts = [Shifts.early, Shifts.late]
        let (e, l) = (b.shift("E"), b.shift("L"))
        b.person("A")
        b.requests = [Request(person: 0, day: 0, kind: .wantShift(l), weight: 900),
                      Request(person: 0, day: 1, kind: .wantShift(l), weight: 100),
                      Request(person: 0, day: 2, kind: .avoidShift(e), weight: 1000)]
        b.need(1, from: 6, to: 14)
        let scenario = b.build()
        let result = try solve(scenario)
        let roster = try #require(solvedRoster(result))
        #expect(roster[0, 0] == .work(l) && roster[0, 1] == .work(e) && roster[0, 2] != .work(e), "\(scenario.rows(roster))")
        #expect(result.terms[rule, default: 0] == 100)
        #expect(result.audit?.penalty(rule) == 100)
        #expect(result.terms["under-cover", default: 0] == 1600)
    }

    /// Unhonoured requests, one finding each at its weight; honoured ones are silent. A wanted shift
    /// on a leave day is not honoured either.
    @Test func auditPricesEachUnhonouredRequest() {
        var b = ScenarioBuilder(days: 7)
        b.shifts = [Shifts.early, Shifts.late]
        let (e, l) = (b.shift("E"), b.shift("L"))
        b.person("A") { $0.leave = [day(2025, 3, 9): "annual"] }   // day 6
        b.requests = [
            Request(person: 0, day: 0, kind: .wantShift(e), weight: 3),    // honoured
            Request(person: 0, day: 1, kind: .wantShift(e), weight: 4),    // works L: broken
            Request(person: 0, day: 2, kind: .avoidShift(l), weight: 6),   // works L: broken
            Request(person: 0, day: 3, kind: .avoidShift(l), weight: 7),   // works E: honoured
            Request(person: 0, day: 4, kind: .dayOff, weight: 8),          // works: broken
            Request(person: 0, day: 5, kind: .dayOff, weight: 9),          // off: honoured
            Request(person: 0, day: 6, kind: .wantShift(l), weight: 2),    // on leave: broken
        ]
        let scenario = b.build()
        let audit = Audit.run(scenario.roster(["ELLEE.#"]), in: scenario)
        #expect(Set(keys(audit.findings)) == [
            FindingKey(rule, .soft, person: 0, days: [1], penalty: 4),
            FindingKey(rule, .soft, person: 0, days: [2], penalty: 6),
            FindingKey(rule, .soft, person: 0, days: [4], penalty: 8),
            FindingKey(rule, .soft, person: 0, days: [6], penalty: 2),
        ])
        #expect(audit.penalty(rule) == 20)
    }

    /// The solver's objective is the sum of its terms. A wanted shift is priced weight x (1 - x): its
    /// constant part lives in LinearModel.constants, which GLPK's objective must carry too (it once
    /// did not, and this scenario reported an objective of -5).
    @Test func objectiveIsTheSumOfTheTerms() throws {
        var b = ScenarioBuilder(days: 3)
        b.person("A")
        b.requests = [Request(person: 0, day: 0, kind: .wantShift(0), weight: 5)]
        let scenario = b.build()
        let result = try solve(scenario)
        let roster = try #require(solvedRoster(result))
        #expect(roster[0, 0] == .work(0))
        #expect(result.terms[rule, default: 0] == 0)
        #expect(result.objective == result.terms.values.reduce(0, +))
        #expect(result.objective == 0)
        #expect(result.bound == 0)
    }
}
