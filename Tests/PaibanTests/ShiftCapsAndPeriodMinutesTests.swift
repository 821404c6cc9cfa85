import Paiban
import PaibanSolver
import Testing

/// Shifts used here: E 06:00-14:00 and L 14:00-22:00 (480 paid minutes each) and S 10:00-14:00 (240).
/// A missing person-hour costs 100: an uncovered E costs 800, an uncovered S-window hour 100.
enum CapShifts {
    static let short = ShiftType(code: "S", name: "Short", start: 10 * 60, end: 14 * 60)
}

/// Per-type caps over the period ("shift-caps").
@Suite("shift caps")
struct ShiftCapsTests {
    let rule = "shift-caps"

    static func builder() -> ScenarioBuilder {
        var b = ScenarioBuilder(days: 7)
        b.shifts = [Shifts.early, Shifts.late]
        return b
    }

    @Test func auditCountsEachCappedType() {
        var b = Self.builder()
        let (e, l) = (b.shift("E"), b.shift("L"))
        b.person("A") { $0.contract.maxShifts = [e: 3] }
        b.person("B") { $0.contract.maxShifts = [l: 0] }
        b.person("C") { $0.contract.maxShifts = [e: 2, l: 2] }
        let s = b.build()
        // A: four E over a cap of 3 (L has no cap). B: one L over a cap of 0. C: both types at the cap.
        #expect(keys(Audit.run(s.roster(["EEEELLL", "E.....L", "EELL..."]), in: s).findings) == [
            FindingKey(rule, .hard, person: 0, days: [0, 1, 2, 3]),
            FindingKey(rule, .hard, person: 1, days: [6]),
        ])
        #expect(Audit.run(s.roster(["EEELLLL", "EEEEEEE", "EELL..."]), in: s).findings.isEmpty)
        // C over on both types: one finding per type, in shift order.
        #expect(keys(Audit.run(s.roster(["EEE....", ".......", "EEELLL."]), in: s).findings) == [
            FindingKey(rule, .hard, person: 2, days: [0, 1, 2]),
            FindingKey(rule, .hard, person: 2, days: [3, 4, 5]),
        ])
    }

    /// Cap 0 on E for A: two people wanted on E every day, only B may work it. Seven E shifts stay
    /// uncovered (7 x 800); A never works E.
    @Test func capZeroMeansNeverAssigned() throws {
        var b = Self.builder()
        let e = b.shift("E")
        b.person("A") { $0.contract.maxShifts = [e: 0] }
        b.person("B")
        b.need(2, from: 6, to: 14)
        let scenario = b.build()
        let result = try solve(scenario)
        let roster = try #require(solvedRoster(result))
        #expect(!(0..<7).contains { roster[0, $0] == .work(e) }, "\(scenario.rows(roster))")
        #expect(scenario.rows(roster)[1] == "EEEEEEE")
        #expect(result.terms["under-cover", default: 0] == 5600)   // 7 x 800
        #expect(result.objective == 5600)
        #expect(result.objective == Audit.run(roster, in: scenario).totalPenalty)
    }

    /// Demand for E every day, cap 3 on E: three E days, four uncovered (3200).
    @Test func capBindsInTheSolver() throws {
        var b = Self.builder()
        let e = b.shift("E")
        b.person("A") { $0.contract.maxShifts = [e: 3] }
        b.need(1, from: 6, to: 14)
        let scenario = b.build()
        let result = try solve(scenario)
        let roster = try #require(solvedRoster(result))
        #expect((0..<7).filter { roster[0, $0] == .work(e) }.count == 3, "\(scenario.rows(roster))")
        #expect(result.terms["under-cover", default: 0] == 3200)   // 4 x 800
        #expect(result.objective == Audit.run(roster, in: scenario).totalPenalty)
        #expect(Audit.run(roster, in: scenario).hardFindings.isEmpty)
    }

    /// Demand for E and L every day (one person a day on each), caps E 3 and L 2: five shifts worked,
    /// nine of fourteen uncovered.
    @Test func capsOnTwoTypesBindTogether() throws {
        var b = Self.builder()
        let (e, l) = (b.shift("E"), b.shift("L"))
        b.person("A") { $0.contract.maxShifts = [e: 3, l: 2] }
        b.need(1, from: 6, to: 22)
        let scenario = b.build()
        let result = try solve(scenario)
        let roster = try #require(solvedRoster(result))
        #expect((0..<7).filter { roster[0, $0] == .work(e) }.count == 3, "\(scenario.rows(roster))")
        #expect((0..<7).filter { roster[0, $0] == .work(l) }.count == 2, "\(scenario.rows(roster))")
        #expect(result.objective == 7200)   // 9 x 800
        #expect(result.objective == Audit.run(roster, in: scenario).totalPenalty)
    }
}

/// Paid minutes over the period ("period-minutes"), at least and at most.
@Suite("period minutes")
struct PeriodMinutesTests {
    let rule = "period-minutes"

    /// E (480) and S (240); one person with the given bounds.
    static func mixed(min: Int?, max: Int?, _ configure: (inout ScenarioBuilder) -> Void = { _ in }) -> Scenario {
        var b = ScenarioBuilder(days: 7)
        b.shifts = [Shifts.early, CapShifts.short]
        b.person("A") { $0.contract.periodMinutesMin = min; $0.contract.periodMinutesMax = max }
        configure(&b)
        return b.build()
    }

    /// E and L (480 each).
    static func equal(min: Int?, max: Int?, _ configure: (inout ScenarioBuilder) -> Void = { _ in }) -> Scenario {
        var b = ScenarioBuilder(days: 7)
        b.shifts = [Shifts.early, Shifts.late]
        b.person("A") { $0.contract.periodMinutesMin = min; $0.contract.periodMinutesMax = max }
        configure(&b)
        return b.build()
    }

    /// A day-off request of weight 1 on every day: the solver works as few days as the rules allow.
    static func fewestDays(_ b: inout ScenarioBuilder) {
        b.requests = (0..<b.days).map { Request(person: 0, day: $0, kind: .dayOff, weight: 1) }
    }

    static func minutes(_ roster: Roster, _ s: Scenario) -> Int {
        (0..<s.dayCount).compactMap { roster[0, $0].shift }.map { s.shifts[$0].paidMinutes }.reduce(0, +)
    }

    @Test func auditComparesWorkedMinutesWithBothBounds() {
        let s = Self.mixed(min: 1200, max: 1500)
        #expect(keys(Audit.run(s.roster(["EE....."]), in: s).findings) == [FindingKey(rule, .hard, person: 0, days: [0, 1])])   // 960
        #expect(Audit.run(s.roster(["EES...."]), in: s).findings.isEmpty)                                                    // 1200
        #expect(Audit.run(s.roster(["EE.SS.."]), in: s).findings.isEmpty)                                                    // 1440
        #expect(keys(Audit.run(s.roster(["EEES..."]), in: s).findings) == [FindingKey(rule, .hard, person: 0, days: [0, 1, 2, 3])])   // 1680
        // Leave is not credited: two E and two days of leave are still 960.
        let onLeave = Self.mixed(min: 1200, max: 1500) { $0.staff[0].leave = [day(2025, 3, 5): "annual", day(2025, 3, 6): "annual"] }
        #expect(keys(Audit.run(onLeave.roster(["EE##..."]), in: onLeave).findings) == [FindingKey(rule, .hard, person: 0, days: [0, 1])])
        // One bound only.
        let low = Self.mixed(min: 1200, max: nil)
        #expect(Audit.run(low.roster(["EEEEEEE"]), in: low).findings.isEmpty)
        #expect(keys(Audit.run(low.roster(["......."]), in: low).findings) == [FindingKey(rule, .hard, person: 0, days: [])])
        let high = Self.mixed(min: nil, max: 240)
        #expect(Audit.run(high.roster(["S......"]), in: high).findings.isEmpty)
        #expect(keys(Audit.run(high.roster(["SS....."]), in: high).findings) == [FindingKey(rule, .hard, person: 0, days: [0, 1])])
    }

    // MARK: - Different lengths: the minutes row

    /// At least 960 minutes; every worked day costs 1 and every E a further 10. Four S (960, cost 4) beat
    /// two E (22) and one E with two S (13). A row counting shifts (960 / 480 = 2) would accept two S.
    @Test func minimumBindsInMinutes() throws {
        let scenario = Self.mixed(min: 960, max: nil) { b in
            Self.fewestDays(&b)
            b.requests += (0..<7).map { Request(person: 0, day: $0, kind: .avoidShift(0), weight: 10) }
        }
        let s = scenario.shiftIndex(code: "S")!
        let result = try solve(scenario)
        let roster = try #require(solvedRoster(result))
        #expect(workedDays(roster, 0).count == 4, "\(scenario.rows(roster))")
        #expect(workedDays(roster, 0).allSatisfy { roster[0, $0] == .work(s) }, "\(scenario.rows(roster))")
        #expect(Self.minutes(roster, scenario) == 960)
        #expect(result.objective == 4)
        #expect(result.objective == Audit.run(roster, in: scenario).totalPenalty)
        #expect(result.status == .optimal)
    }

    /// At most 1200 minutes, E wanted every day (06-14): every worked minute covers demand, so the best
    /// works exactly 1200 (two E and one S: 20 hours) and leaves 56 - 20 = 36 hours uncovered.
    @Test func maximumBindsInMinutes() throws {
        let scenario = Self.mixed(min: nil, max: 1200) { $0.need(1, from: 6, to: 14) }
        let result = try solve(scenario)
        let roster = try #require(solvedRoster(result))
        #expect(Self.minutes(roster, scenario) == 1200, "\(scenario.rows(roster))")
        #expect(result.terms["under-cover", default: 0] == 3600)
        #expect(result.objective == 3600)
        #expect(result.objective == Audit.run(roster, in: scenario).totalPenalty)
        #expect(Audit.run(roster, in: scenario).hardFindings.isEmpty)
    }

    /// Exactly 1200 minutes (min = max), fewest days: two E and one S (3 days); 1E + 3S and 5S take more.
    @Test func minimumAndMaximumTogether() throws {
        let scenario = Self.mixed(min: 1200, max: 1200, Self.fewestDays)
        let result = try solve(scenario)
        let roster = try #require(solvedRoster(result))
        let worked = (0..<7).compactMap { roster[0, $0].shift }
        #expect(worked.sorted() == [0, 0, 1], "\(scenario.rows(roster))")
        #expect(result.objective == 3)
        #expect(result.objective == Audit.run(roster, in: scenario).totalPenalty)
    }

    // MARK: - Equal lengths: a whole number of shifts

    /// At least 1000 minutes at 480 a shift: three shifts (1440). Exactly 960: two.
    @Test func minimumWithEqualLengths() throws {
        for (least, days) in [(1000, 3), (960, 2), (961, 3), (1, 1)] {
            let scenario = Self.equal(min: least, max: nil, Self.fewestDays)
            let result = try solve(scenario)
            let roster = try #require(solvedRoster(result))
            #expect(workedDays(roster, 0).count == days, "min \(least): \(scenario.rows(roster))")
            #expect(result.objective == Double(days), "min \(least)")
            #expect(result.objective == Audit.run(roster, in: scenario).totalPenalty)
        }
    }

    /// E and L wanted every day (06-22, 14 shifts), at most 1500 / 1440 / 1439 minutes: 3, 3, 2 shifts.
    @Test func maximumWithEqualLengths() throws {
        for (most, shifts) in [(1500, 3), (1440, 3), (1439, 2), (0, 0)] {
            let scenario = Self.equal(min: nil, max: most) { $0.need(1, from: 6, to: 22) }
            let result = try solve(scenario)
            let roster = try #require(solvedRoster(result))
            #expect(workedDays(roster, 0).count == shifts, "max \(most): \(scenario.rows(roster))")
            #expect(result.objective == Double(14 - shifts) * 800, "max \(most)")
            #expect(result.objective == Audit.run(roster, in: scenario).totalPenalty)
        }
    }

    /// A band with no whole number of 480-minute shifts inside (500-900): no roster keeps it.
    @Test func bandWithoutAWholeShiftIsInfeasible() throws {
        let scenario = Self.equal(min: 500, max: 900)
        let result = try solve(scenario)
        #expect(result.status == .infeasible)
        #expect(result.roster == nil)
        #expect(result.explanation.contains { $0.rule == rule && $0.person == 0 }, "\(result.explanation.map(\.message))")
    }
}
