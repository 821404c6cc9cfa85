import Paiban
import PaibanSolver
import Testing

/// Lunch in rounds [002]: one round each, inside the window, and no more of a group away at once than allowed.
@Suite("lunch-break")
struct LunchBreaksTests {
    let rule = "lunch-break"

    /// D 09:00-17:00 with lunch 11:45-13:00, 30 minutes, a round every 15 minutes; 15-minute slots.
    static let lunchShift: ShiftType = {
        var d = ShiftType(code: "D", name: "Day", start: 9 * 60, end: 17 * 60, paidMinutes: 450)
        d.meal = MealBreak(windowStart: 11 * 60 + 45, windowEnd: 13 * 60, length: 30, step: 15, paid: false)
        return d
    }()

    func desk(people: Int, need: Int, away: AwayLimit.Limit) -> Scenario {
        var b = ScenarioBuilder(days: 2)
        b.shifts = [Self.lunchShift]
        b.slotMinutes = 15
        for i in 0..<people { b.person("P\(i)", group: "desk") }
        b.groups = [Demand.anyGroup]
        b.need(need, from: 9, to: 17)
        b.rules.awayLimits = [AwayLimit(group: "desk", limit: away)]
        return b.build()
    }

    @Test func roundsAreFourAndInsideTheWindow() {
        #expect(Self.lunchShift.meal!.rounds == [705, 720, 735, 750])
    }

    @Test func solverGivesEveryoneOneRoundAndKeepsHalfOnTheDesk() throws {
        let scenario = desk(people: 4, need: 4, away: .share(0.5))
        let result = try solve(scenario, timeLimit: 5)
        let roster = try #require(solvedRoster(result))
        for p in 0..<4 { for d in 0..<2 {
            #expect(roster[p, d].shift == 0)
            #expect(roster.breaks[p][d].map { Self.lunchShift.meal!.rounds.contains($0) } == true)
        } }
        // Count by hand: in every 15-minute slot of the window, at most 2 of the 4 are away.
        for d in 0..<2 {
            for t in stride(from: 11 * 60 + 45, to: 13 * 60, by: 15) {
                let away = (0..<4).filter { p in roster.breaks[p][d].map { $0 <= t && t < $0 + 30 } ?? false }.count
                #expect(away <= 2, "day \(d) \(t): \(away) away")
            }
        }
        #expect(result.audit?.hard(rule).isEmpty == true)
        // Demand of 4 all day cannot be met while people eat: each round costs half an hour of one person.
        #expect((result.terms["under-cover"] ?? 0) > 0)
    }

    @Test func auditFlagsTooManyAwayAMissingRoundAndAWrongStart() {
        let scenario = desk(people: 4, need: 1, away: .share(0.5))
        var roster = scenario.roster(["DD", "DD", "DD", "DD"])
        for p in 0..<4 { roster.breaks[p] = [720, 705] }   // day 0: all four at 12:00
        roster.breaks[1][1] = nil                           // day 1: P1 has no round
        roster.breaks[2][1] = 800                           // day 1: P2 at 13:20, not a round
        let findings = Audit.run(roster, in: scenario).findings(rule)
        // Day 0: 12:00 and 12:15 have all 4 away (at most 2). Day 1: P0 and P3 at 11:45 are 2 away of the 4
        // on duty, which is allowed; P1 has no round and P2's is not one of the shift's.
        #expect(findings.filter { $0.person == nil && $0.days == [0] }.count == 2, "\(findings.map(\.message))")
        #expect(findings.contains { $0.person == 1 && $0.days == [1] && $0.message.contains("without a meal round") })
        #expect(findings.contains { $0.person == 2 && $0.days == [1] && $0.message.contains("13:20") })
        #expect(findings.allSatisfy { $0.severity == .hard })
    }

    /// Alone on duty: "never fewer than one left" forbids the round, unless office staff relieve (relief).
    @Test func aLonePersonEatsOnlyUnderRelief() throws {
        for relief in [false, true] {
            var b = ScenarioBuilder(days: 2)
            b.shifts = [Self.lunchShift]
            b.slotMinutes = 15
            b.person("P0", group: "desk")
            b.need(1, from: 9, to: 17)
            b.rules.awayLimits = [AwayLimit(group: "desk", limit: .count(1), relief: relief)]
            let scenario = b.build()
            var roster = scenario.roster(["DD"])
            roster.breaks[0] = [720, 720]
            #expect(Audit.run(roster, in: scenario).findings(rule).isEmpty == relief)
            let result = try solve(scenario, timeLimit: 3)
            if relief {
                let solved = try #require(solvedRoster(result))
                #expect(solved.breaks[0].allSatisfy { $0 != nil })
            } else {
                // Working needs a round and the round needs someone left: the lone person cannot work.
                #expect(result.roster.map { $0.cells[0].allSatisfy { $0.shift == nil } } ?? true)
            }
        }
    }

    @Test func coverageCountsPeopleAtLunchAsAway() {
        let scenario = desk(people: 2, need: 2, away: .count(1))
        var roster = scenario.roster(["DD", "DD"])
        roster.breaks = [[705, 705], [735, 735]]
        let grid = CoverageGrid(roster, in: scenario)
        let slot = { (minute: Int) in minute / 15 }
        #expect(grid.assigned[0][slot(11 * 60 + 45)][0] == 1)   // P0 away 11:45-12:15
        #expect(grid.assigned[0][slot(12 * 60 + 15)][0] == 1)   // P1 away 12:15-12:45
        #expect(grid.assigned[0][slot(12 * 60 + 45)][0] == 2)
        #expect(Audit.run(roster, in: scenario).findings(rule).isEmpty)
    }
}
