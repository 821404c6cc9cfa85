import Paiban
import PaibanSolver
import Testing

/// The period is Monday 3 - Sunday 9 March 2025. Shifts: D 09:00-17:00, L 14:00-22:00 and a
/// complaints desk C 10:00-18:00 that only the complaints group may work.
@Suite("availability")
struct AvailabilityTests {
    let rule = "availability"

    func builder() -> ScenarioBuilder {
        var b = ScenarioBuilder(days: 7)
        b.shifts = [Shifts.day, Shifts.late, ShiftType(code: "C", name: "Complaints desk", start: 10 * 60, end: 18 * 60, groups: ["complaints"])]
        // P0: leave on Tue (day 1), asked off Wed (day 2), never works weekends (days 5, 6).
        b.person("leave-and-weekdays") {
            $0.leave = [day(2025, 3, 4): "annual"]
            $0.daysOff = [day(2025, 3, 5)]
            $0.unavailableWeekdays = [6, 7]
        }
        // P1: only Mon-Wed, 13:00-23:00: L fits, D and C do not.
        b.person("window") { $0.timeWindows = [TimeWindow(weekdays: [1, 2, 3], from: 13 * 60, to: 23 * 60)] }
        // P2: joins on Thursday 6 March (day 3).
        b.person("joiner") { $0.startDate = day(2025, 3, 6) }
        // P3: orders group, not complaints: may not work C.
        b.person("orders", group: "orders")
        return b
    }

    /// Demand of 5 at all hours 09-22 on every day: everyone would work every day if allowed. Each
    /// person works exactly the allowed cells, and the leave day shows as leave.
    @Test func solverUsesOnlyAllowedCells() throws {
        var b = builder()
        b.need(5, from: 9, to: 22)
        let scenario = b.build()
        let result = try solve(scenario)
        let roster = try #require(solvedRoster(result))
        let rows = scenario.rows(roster)
        let (d, l, c) = (b.shift("D"), b.shift("L"), b.shift("C"))
        // Cells each person may work (day -> allowed shifts), derived by hand from the comments above.
        let allowed: [[Int: Set<Int>]] = [
            [0: [d, l, c], 3: [d, l, c], 4: [d, l, c]],
            [0: [l], 1: [l], 2: [l]],
            [3: [d, l, c], 4: [d, l, c], 5: [d, l, c], 6: [d, l, c]],
            Dictionary(uniqueKeysWithValues: (0..<7).map { ($0, [d, l]) }),
        ]
        for p in 0..<4 {
            for day in 0..<7 {
                let ok = allowed[p][day] ?? []
                if let s = roster[p, day].shift {
                    #expect(ok.contains(s), "person \(p) day \(day): \(rows)")
                } else {
                    // Demand is never met, so an allowed day left off would be a worse roster.
                    #expect(ok.isEmpty, "person \(p) is off on allowed day \(day): \(rows)")
                }
            }
        }
        #expect(roster[0, 1] == .leave)
        #expect(Audit.run(roster, in: scenario).hard(rule).isEmpty)
    }

    /// One finding per forbidden cell, naming person and day; .leave without approved leave is one too.
    @Test func auditFlagsEachForbiddenCell() {
        let scenario = builder().build()
        let roster = scenario.roster([
            "DDD.DL.",   // day 1 on leave, day 2 asked off, day 5 Saturday
            "D.L.L..",   // day 0 D outside the window, day 4 Friday has no window
            "D..D...",   // day 0 before joining
            "C..#...",   // C is a complaints shift; day 3 leave that was never approved
        ])
        let audit = Audit.run(roster, in: scenario)
        #expect(Set(keys(audit.findings)) == [
            FindingKey(rule, .hard, person: 0, days: [1]),
            FindingKey(rule, .hard, person: 0, days: [2]),
            FindingKey(rule, .hard, person: 0, days: [5]),
            FindingKey(rule, .hard, person: 1, days: [0]),
            FindingKey(rule, .hard, person: 1, days: [4]),
            FindingKey(rule, .hard, person: 2, days: [0]),
            FindingKey(rule, .hard, person: 3, days: [0]),
            FindingKey(rule, .hard, person: 3, days: [3]),
        ])
        #expect(audit.findings.count == 8)
    }

    /// A complaints person may work C; skills count like the home group.
    @Test func groupsAndSkillsOpenGroupShifts() {
        var b = builder()
        b.person("complaints", group: "complaints")
        b.person("skilled", group: "orders") { $0.skills = ["complaints"] }
        let scenario = b.build()
        let audit = Audit.run(scenario.roster([".......", ".......", ".......", ".......", "CCCCCCC", "CCCCCCC"]), in: scenario)
        #expect(audit.findings.isEmpty)
    }
}
