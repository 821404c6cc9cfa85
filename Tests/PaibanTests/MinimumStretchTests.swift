import Paiban
import PaibanSolver
import Testing

/// Minimum stretches of working days ("min-work-stretch") and of days off ("min-off-stretch"). The
/// default week runs Monday 3 March 2025 for 7 days; stretches touching day 6 are never judged, and
/// stretches touching day 0 only when the person's history says what came before.
@Suite("minimum stretch")
struct MinimumStretchTests {
    let work = "min-work-stretch"
    let off = "min-off-stretch"

    /// One person with the given minimums and history; every other rule off.
    static func week(minWork: Int = 1, minOff: Int = 1, history: [Int?] = []) -> Scenario {
        var b = ScenarioBuilder(days: 7)
        b.person("A") {
            $0.contract.minConsecutiveWork = minWork
            $0.contract.minConsecutiveOff = minOff
            $0.history = history
        }
        return b.build()
    }

    static func audit(_ scenario: Scenario, _ row: String) -> [FindingKey] {
        keys(Audit.run(scenario.roster([row]), in: scenario).findings)
    }

    // MARK: - Audit, working stretches

    /// Day 1 worked alone between two rest days: a stretch of 1 under a minimum of 2. The stretch of
    /// days 3-4 is long enough.
    @Test func auditFlagsSingleWorkDayBetweenRestDays() {
        let s = Self.week(minWork: 2)
        #expect(Self.audit(s, ".D.DD..") == [FindingKey(work, .hard, person: 0, days: [1])])
        // Minimum 3: both stretches are short.
        let s3 = Self.week(minWork: 3)
        #expect(Self.audit(s3, ".D.DD..") == [FindingKey(work, .hard, person: 0, days: [1]),
                                              FindingKey(work, .hard, person: 0, days: [3, 4])])
        // Minimum 1 (the default) judges nothing.
        #expect(Self.audit(Self.week(), ".D.D.D.").isEmpty)
    }

    /// A stretch that touches the last day may go on in the next period: not judged, however short.
    @Test func auditIgnoresWorkStretchTouchingPeriodEnd() {
        let s = Self.week(minWork: 3)
        #expect(Self.audit(s, "..DDD.D").isEmpty)
        #expect(Self.audit(s, ".DDD.DD").isEmpty)
        // The same single day one day earlier is judged.
        #expect(Self.audit(s, ".DDD.D.") == [FindingKey(work, .hard, person: 0, days: [5])])
    }

    /// A stretch at the start is judged only with a history showing what came before it.
    @Test func auditJudgesWorkStretchAtStartOnlyWithHistory() {
        let d = 0
        // No history: the day before day 0 is unknown.
        #expect(Self.audit(Self.week(minWork: 2), "D..DD..").isEmpty)
        // History: off the day before. Day 0 is a stretch of 1.
        #expect(Self.audit(Self.week(minWork: 2, history: [nil]), "D..DD..") == [FindingKey(work, .hard, person: 0, days: [0])])
        // History: worked the day before (after an unknown day): the stretch -1...0 is not judged.
        #expect(Self.audit(Self.week(minWork: 3, history: [d]), "D..DD..") == [FindingKey(work, .hard, person: 0, days: [3, 4])])
        // History: off, then worked: the stretch -1...0 is 2 days, short of 3; the finding names day 0 only.
        #expect(Self.audit(Self.week(minWork: 3, history: [nil, d]), "D..DDD.") == [FindingKey(work, .hard, person: 0, days: [0])])
        // ...and long enough for a minimum of 2.
        #expect(Self.audit(Self.week(minWork: 2, history: [nil, d]), "D..DD..").isEmpty)
        // A short stretch that lies wholly in the history is not this period's finding.
        #expect(Self.audit(Self.week(minWork: 3, history: [nil, d, nil]), "..DDD..").isEmpty)
    }

    // MARK: - Audit, days off

    /// One day off between two working days, minimum 2: flagged; the 2 days off later are fine.
    @Test func auditFlagsSingleDayOffBetweenWorkDays() {
        let s = Self.week(minOff: 2)
        #expect(Self.audit(s, "D.DD..D") == [FindingKey(off, .hard, person: 0, days: [1])])
        #expect(Self.audit(Self.week(minOff: 3), "D.DD..D") == [FindingKey(off, .hard, person: 0, days: [1]),
                                                                 FindingKey(off, .hard, person: 0, days: [4, 5])])
        // Working stretches are not judged by the off rule.
        #expect(Self.audit(s, "D..D..D").isEmpty)
    }

    @Test func auditIgnoresOffStretchTouchingPeriodEnd() {
        let s = Self.week(minOff: 3)
        #expect(Self.audit(s, "DD...D.").isEmpty)
        #expect(Self.audit(s, "DD...DD").isEmpty)
        // One day earlier it is judged.
        #expect(Self.audit(s, "D...D.D") == [FindingKey(off, .hard, person: 0, days: [5])])
    }

    @Test func auditJudgesOffStretchAtStartOnlyWithHistory() {
        let d = 0
        #expect(Self.audit(Self.week(minOff: 2), ".DD..DD").isEmpty)
        // Worked the day before: day 0 is a single day off.
        #expect(Self.audit(Self.week(minOff: 2, history: [d]), ".DD..DD") == [FindingKey(off, .hard, person: 0, days: [0])])
        // Off the day before (after an unknown day): not judged.
        #expect(Self.audit(Self.week(minOff: 3, history: [nil]), ".DD..DD") == [FindingKey(off, .hard, person: 0, days: [3, 4])])
        // Worked, then off: the stretch -1...0 is 2 days off, short of 3.
        #expect(Self.audit(Self.week(minOff: 3, history: [d, nil]), ".DD...D") == [FindingKey(off, .hard, person: 0, days: [0])])
        #expect(Self.audit(Self.week(minOff: 2, history: [d, nil]), ".DD..DD").isEmpty)
    }

    /// Both rules at once, on two people: each finding names its own person.
    @Test func auditBothKindsOnTwoPeople() {
        var b = ScenarioBuilder(days: 7)
        b.person("A") { $0.contract.minConsecutiveWork = 2; $0.contract.minConsecutiveOff = 2 }
        b.person("B") { $0.contract.minConsecutiveOff = 2 }
        let s = b.build()
        let got = Set(keys(Audit.run(s.roster([".D.DD.D", "DD.D..."]), in: s).findings))
        #expect(got == [FindingKey(work, .hard, person: 0, days: [1]),
                        FindingKey(off, .hard, person: 0, days: [2]),
                        FindingKey(off, .hard, person: 0, days: [5]),
                        FindingKey(off, .hard, person: 1, days: [2])])
    }

    // MARK: - Solver

    /// Demand on days 1 and 3 only; a day-off request (weight 5) on every other day. Without the rule the
    /// best roster is .D.D... at cost 0, two stretches of 1. With a minimum of 2 each worked day needs a
    /// neighbour: .DDD... (day 2 worked against its request, 5) is the unique optimum; DD.DD.. costs 10,
    /// leaving a day uncovered 800.
    @Test func solverAvoidsShortWorkStretch() throws {
        var b = ScenarioBuilder(days: 7)
        b.person("A")
        b.need(1, from: 9, to: 17, on: [1, 3])
        b.requests = [0, 2, 4, 5, 6].map { Request(person: 0, day: $0, kind: .dayOff, weight: 5) }
        var scenario = b.build()

        let free = try solve(scenario)
        let freeRoster = try #require(solvedRoster(free))
        #expect(scenario.rows(freeRoster) == [".D.D..."])
        #expect(free.objective == 0)

        scenario.staff[0].contract.minConsecutiveWork = 2
        let result = try solve(scenario)
        let roster = try #require(solvedRoster(result))
        #expect(scenario.rows(roster) == [".DDD..."])
        let audit = Audit.run(roster, in: scenario)
        #expect(audit.hardFindings.isEmpty)
        #expect(MinimumStretch(.work).judgedStretches(of: 0, in: roster, scenario: scenario).allSatisfy { $0.count >= 2 })
        #expect(result.objective == 5)
        #expect(result.objective == audit.totalPenalty)
        #expect(result.terms["requests", default: 0] == 5)
        #expect(result.status == .optimal)
        // The free roster breaks the rule twice: the audit must say so.
        #expect(keys(Audit.run(freeRoster, in: scenario).hard(work)) == [FindingKey(work, .hard, person: 0, days: [1]),
                                                                         FindingKey(work, .hard, person: 0, days: [3])])
    }

    /// Demand every day but day 3, where a day-off request weighs 50. Without the rule DDD.DDD costs 0;
    /// with at least 2 days off the single day off must go: working it (50) beats two days off (800).
    @Test func solverAvoidsShortOffStretch() throws {
        var b = ScenarioBuilder(days: 7)
        b.person("A") { $0.contract.minConsecutiveOff = 2 }
        b.need(1, from: 9, to: 17, on: [0, 1, 2, 4, 5, 6])
        b.requests = [Request(person: 0, day: 3, kind: .dayOff, weight: 50)]
        let scenario = b.build()
        let result = try solve(scenario)
        let roster = try #require(solvedRoster(result))
        #expect(scenario.rows(roster) == ["DDDDDDD"])
        let audit = Audit.run(roster, in: scenario)
        #expect(audit.hardFindings.isEmpty)
        #expect(result.objective == 50)
        #expect(result.objective == audit.totalPenalty)
        #expect(result.status == .optimal)

        var free = scenario
        free.staff[0].contract.minConsecutiveOff = 1
        let freeRoster = try #require(solvedRoster(try solve(free)))
        #expect(free.rows(freeRoster) == ["DDD.DDD"])
    }

    /// The history enters the encoding: worked the day before the period, demand on days 1-6, a day-off
    /// request (50) on day 0. With no history .DDDDDD is fine (cost 0); with the history day 0 is a single
    /// day off between two working days, so the solver works it (50, cheaper than 800 for day 1).
    @Test func solverJudgesOffStretchAgainstHistory() throws {
        var b = ScenarioBuilder(days: 7)
        b.person("A") { $0.contract.minConsecutiveOff = 2 }
        b.need(1, from: 9, to: 17, on: Array(1...6))
        b.requests = [Request(person: 0, day: 0, kind: .dayOff, weight: 50)]
        var scenario = b.build()

        let fresh = try #require(solvedRoster(try solve(scenario)))
        #expect(scenario.rows(fresh) == [".DDDDDD"])

        scenario.staff[0].history = [scenario.shiftIndex(code: "D")!]
        let result = try solve(scenario)
        let roster = try #require(solvedRoster(result))
        #expect(scenario.rows(roster) == ["DDDDDDD"])
        #expect(result.objective == 50)
        #expect(result.objective == Audit.run(roster, in: scenario).totalPenalty)
        #expect(Audit.run(roster, in: scenario).hardFindings.isEmpty)

        // History: off the day before, after work. Day 0 off makes -1...0 two days off: allowed, cost 0.
        scenario.staff[0].history = [scenario.shiftIndex(code: "D")!, nil]
        let rested = try #require(solvedRoster(try solve(scenario)))
        #expect(scenario.rows(rested) == [".DDDDDD"])
    }

    /// A work stretch that begins in the history: worked the day before after a day off, minimum 3, demand
    /// on day 0 only, day-off requests (5) on days 1-6. Working day 0 alone makes a judged stretch of 2,
    /// so the solver works day 1 too (5) rather than leave day 0 uncovered (800).
    @Test func solverExtendsHistoryWorkStretch() throws {
        var b = ScenarioBuilder(days: 7)
        let d = b.shift("D")
        b.person("A") { $0.contract.minConsecutiveWork = 3; $0.history = [nil, d] }
        b.need(1, from: 9, to: 17, on: [0])
        b.requests = (1...6).map { Request(person: 0, day: $0, kind: .dayOff, weight: 5) }
        let scenario = b.build()
        let result = try solve(scenario)
        let roster = try #require(solvedRoster(result))
        #expect(scenario.rows(roster) == ["DD....."])
        #expect(result.objective == 5)
        #expect(result.objective == Audit.run(roster, in: scenario).totalPenalty)
    }
}
