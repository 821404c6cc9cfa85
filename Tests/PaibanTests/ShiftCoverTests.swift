import Paiban
import PaibanSolver
import Testing

/// Headcount per shift type and day ("shift-cover"): each missing person costs the line's under-weight,
/// each extra person its over-weight.
@Suite("shift cover")
struct ShiftCoverTests {
    let rule = "shift-cover"

    // MARK: - Audit

    /// Three people, two days, E and L. By hand:
    /// - day 0 E: wants 2, has 1 (A): 1 short x 7 = 7;
    /// - day 0 L: wants 0, has 2 (B, C): 2 extra x 4 = 8;
    /// - day 1 E: wants 1, has 0: 1 short x 10 = 10;
    /// - day 1 L: wants 1, has 2 (A, B): 1 extra, free: no finding.
    /// Total 25.
    @Test func auditPricesShortAndExtraPeople() {
        var b = ScenarioBuilder(days: 2)
        b.shifts = [Shifts.early, Shifts.late]
        let (e, l) = (b.shift("E"), b.shift("L"))
        for id in ["A", "B", "C"] { b.person(id) }
        var s = b.build()
        s.demand.shiftCover = [
            ShiftCover(day: 0, shift: e, required: 2, underWeight: 7, overWeight: 3),
            ShiftCover(day: 0, shift: l, required: 0, underWeight: 5, overWeight: 4),
            ShiftCover(day: 1, shift: e, required: 1, underWeight: 10, overWeight: 2),
            ShiftCover(day: 1, shift: l, required: 1, underWeight: 6),
        ]
        let audit = Audit.run(s.roster(["EL", "LL", "L."]), in: s)
        #expect(keys(audit.findings) == [
            FindingKey(rule, .soft, person: nil, days: [0], penalty: 7),
            FindingKey(rule, .soft, person: nil, days: [0], penalty: 8),
            FindingKey(rule, .soft, person: nil, days: [1], penalty: 10),
        ])
        #expect(audit.penalty(rule) == 25)
        #expect(audit.totalPenalty == 25)

        // Every line exactly met: nothing. Day 0 E 2, L 0; day 1 E 1, L 1.
        #expect(Audit.run(s.roster(["EE", "EL", ".."]), in: s).findings.isEmpty)
        // Everyone on E both days: day 0 E 1 extra x 3, day 0 L 0; day 1 E 2 extra x 2, day 1 L 1 short x 6.
        let all = Audit.run(s.roster(["EE", "EE", "EE"]), in: s)
        #expect(keys(all.findings) == [
            FindingKey(rule, .soft, person: nil, days: [0], penalty: 3),
            FindingKey(rule, .soft, person: nil, days: [1], penalty: 4),
            FindingKey(rule, .soft, person: nil, days: [1], penalty: 6),
        ])
        #expect(all.penalty(rule) == 13)
    }

    /// Leave and other shifts are not on the line's shift.
    @Test func auditCountsOnlyTheLinesShift() {
        var b = ScenarioBuilder(days: 1)
        b.shifts = [Shifts.early, Shifts.late]
        for id in ["A", "B", "C"] { b.person(id) }
        var s = b.build()
        s.demand.shiftCover = [ShiftCover(day: 0, shift: 0, required: 3, underWeight: 11, overWeight: 1)]
        #expect(Audit.run(s.roster(["E", "L", "#"]), in: s).penalty(rule) == 22)
        #expect(Audit.run(s.roster(["E", "E", "E"]), in: s).penalty(rule) == 0)
    }

    // MARK: - Solver, by hand

    /// Nobody may work E (cap 0): the line's shortfall is a constant, 2 x 9, in the objective and the audit.
    @Test func lineNobodyCanWorkIsAConstant() throws {
        var b = ScenarioBuilder(days: 2)
        b.shifts = [Shifts.early, Shifts.late]
        let e = b.shift("E")
        b.person("A") { $0.contract.maxShifts = [e: 0] }
        var scenario = b.build()
        scenario.demand.shiftCover = [ShiftCover(day: 0, shift: e, required: 2, underWeight: 9)]
        let result = try solve(scenario)
        let roster = try #require(solvedRoster(result))
        #expect(result.terms[rule, default: 0] == 18)
        #expect(result.objective == 18)
        #expect(result.audit?.penalty(rule) == 18)
        #expect(result.objective == Audit.run(roster, in: scenario).totalPenalty)
    }

    /// Slot demand wants two on E (800 each missing); the cover line says nobody on E, 5 per extra person.
    /// Both work E: 2 x 5 = 10.
    @Test func overWeightTradesAgainstSlotDemand() throws {
        var b = ScenarioBuilder(days: 1)
        b.shifts = [Shifts.early, Shifts.late]
        let e = b.shift("E")
        b.person("A")
        b.person("B")
        b.need(2, from: 6, to: 14)
        var scenario = b.build()
        scenario.demand.shiftCover = [ShiftCover(day: 0, shift: e, required: 0, underWeight: 1, overWeight: 5)]
        let result = try solve(scenario)
        let roster = try #require(solvedRoster(result))
        #expect(scenario.rows(roster) == ["E", "E"])
        #expect(result.terms[rule, default: 0] == 10)
        #expect(result.objective == 10)
        // At 900 per extra person, leaving E empty (1600 under-cover) is cheaper than 1800.
        scenario.demand.shiftCover[0].overWeight = 900
        let dear = try solve(scenario)
        let empty = try #require(solvedRoster(dear))
        #expect(!scenario.rows(empty).contains("E"))
        #expect(dear.objective == 1600)
    }

    // MARK: - Solver against enumeration

    /// xorshift64*, fixed by this file alone.
    struct Rng {
        var state: UInt64
        init(seed: UInt64) { state = seed &* 0x2545_F491_4F6C_DD1D | 1 }
        mutating func next() -> UInt64 {
            state ^= state >> 12
            state ^= state << 25
            state ^= state >> 27
            return state &* 0x2545_F491_4F6C_DD1D
        }
        mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
        mutating func chance(_ p: Double) -> Bool { Double(next() % 1000) < p * 1000 }
        mutating func pick<T>(_ values: [T]) -> T { values[int(0...values.count - 1)] }
    }

    /// Every roster of off / shift 0 / shift 1 for each person and day (3^6 for 2 people x 3 days): the
    /// least total penalty over rosters without a hard finding, and how many rosters reach it.
    static func enumerate(_ scenario: Scenario) -> (best: Double, count: Int)? {
        let people = scenario.staff.count, days = scenario.dayCount
        let options: [Assignment] = [.off] + scenario.shifts.indices.map { .work($0) }
        let cells = people * days
        var total = 1
        for _ in 0..<cells { total *= options.count }
        var best: (best: Double, count: Int)?
        for code in 0..<total {
            var roster = Roster(people: people, days: days)
            var rest = code
            for k in 0..<cells {
                roster[k / days, k % days] = options[rest % options.count]
                rest /= options.count
            }
            let audit = Audit.run(roster, in: scenario)
            guard audit.hardFindings.isEmpty else { continue }
            let cost = audit.totalPenalty
            if let b = best, abs(cost - b.best) < 1e-9 { best = (b.best, b.count + 1) }
            else if best.map({ cost < $0.best }) ?? true { best = (cost, 1) }
        }
        return best
    }

    /// A proven optimum needs the branch-and-cut, which runs beside the search on a second thread.
    static func solveExactly(_ scenario: Scenario) throws -> SolveResult {
        try Solver.solve(scenario, options: SolveOptions(timeLimit: 5, gap: 0, threads: 2))
    }

    static func check(_ scenario: Scenario, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let best = enumerate(scenario)
        let result = try solveExactly(scenario)
        guard let best else {
            #expect(result.status == .infeasible, "enumeration found no legal roster; solver \(result.status)", sourceLocation: sourceLocation)
            return
        }
        #expect(result.status == .optimal, "enumeration \(best.best); solver \(result.status) \(result.stoppedBy) \(result.explanation.map(\.message))",
                sourceLocation: sourceLocation)
        let roster = try #require(result.roster, sourceLocation: sourceLocation)
        let audit = Audit.run(roster, in: scenario)
        #expect(audit.hardFindings.isEmpty, "\(audit.hardFindings.map(\.message))", sourceLocation: sourceLocation)
        #expect(abs((result.objective ?? .nan) - best.best) < 1e-6,
                "solver \(result.objective ?? .nan) \(scenario.rows(roster)) terms \(result.terms); enumeration \(best.best) (\(best.count) rosters)",
                sourceLocation: sourceLocation)
        #expect(abs(audit.totalPenalty - best.best) < 1e-6, sourceLocation: sourceLocation)
    }

    /// Friday 7 to Sunday 9 March 2025 (the weekend is days 1-2), E and L, two people; every line and
    /// its price written out. A: at most 1 E, no single working day between rest days. B: at most 1 weekend.
    @Test func handMadeScenarioIsSolvedToTheOptimum() throws {
        var b = ScenarioBuilder(start: day(2025, 3, 7), days: 3)
        b.shifts = [Shifts.early, Shifts.late]
        let (e, l) = (b.shift("E"), b.shift("L"))
        b.person("A") { $0.contract.maxShifts = [e: 1]; $0.contract.minConsecutiveWork = 2; $0.history = [nil] }
        b.person("B") { $0.contract.maxWeekends = 0 }
        var scenario = b.build()
        scenario.demand.shiftCover = [
            ShiftCover(day: 0, shift: e, required: 1, underWeight: 10, overWeight: 3),
            ShiftCover(day: 0, shift: l, required: 1, underWeight: 4, overWeight: 0),
            ShiftCover(day: 1, shift: e, required: 2, underWeight: 6, overWeight: 0),
            ShiftCover(day: 1, shift: l, required: 0, underWeight: 0, overWeight: 2),
            ShiftCover(day: 2, shift: e, required: 1, underWeight: 7, overWeight: 1),
            ShiftCover(day: 2, shift: l, required: 1, underWeight: 5, overWeight: 5),
        ]
        // By hand: B may work only Friday, where E saves the most (10): B = E.. . A rested on Thursday, so a
        // stretch of A's starting on Friday must last 2 days or more, and one starting Saturday must run to
        // Sunday. With A off throughout: Friday L short 4, Saturday E 2 short 12, Sunday E and L short 12,
        // 28 in all. A = L E L covers Friday L (4), one Saturday E (6, A's only E) and Sunday L (5): 13.
        // A = E L L, L L E and the shorter stretches save less (L on Saturday costs 2 extra).
        let best = try #require(Self.enumerate(scenario))
        #expect(best.best == 13)
        try Self.check(scenario)
        let result = try Self.solveExactly(scenario)
        let roster = try #require(result.roster)
        #expect(scenario.rows(roster) == ["LEL", "E.."])
        #expect(result.terms[rule, default: 0] == 13)
    }

    /// Random 2-person, 3-day scenarios of cover lines with the other new rules (minimum stretches,
    /// weekend caps, shift caps, period minutes) and a few requests.
    static func randomScenario(seed: UInt64) -> Scenario {
        var rng = Rng(seed: seed)
        // Thursday 6 to Saturday 8 March, or Friday 7 to Sunday 9: one or two weekend days.
        var b = ScenarioBuilder(start: day(2025, 3, rng.int(6...7)), days: 3)
        b.shifts = rng.chance(0.5) ? [Shifts.early, Shifts.late] : [Shifts.early, CapShifts.short]
        for i in 0..<2 {
            b.person("P\(i)") {
                $0.contract.minConsecutiveWork = rng.int(1...3)
                $0.contract.minConsecutiveOff = rng.int(1...2)
                if rng.chance(0.4) { $0.contract.maxWeekends = rng.int(0...1) }
                if rng.chance(0.4) { $0.contract.maxShifts = [rng.int(0...1): rng.int(0...2)] }
                if rng.chance(0.3) { $0.contract.periodMinutesMin = rng.pick([240, 480, 720, 960]) }
                // Above the minimum: the scenario reader rejects min > max, and the encoding assumes it.
                if rng.chance(0.3) { $0.contract.periodMinutesMax = max($0.contract.periodMinutesMin ?? 0, rng.pick([480, 720, 960, 1200])) }
                $0.history = (0..<rng.int(0...2)).map { _ in rng.chance(0.5) ? nil : rng.int(0...1) }
            }
        }
        for _ in 0..<rng.int(0...2) {
            let kinds: [Request.Kind] = [.dayOff, .wantShift(rng.int(0...1)), .avoidShift(rng.int(0...1))]
            b.requests.append(Request(person: rng.int(0...1), day: rng.int(0...2), kind: rng.pick(kinds), weight: Double(rng.int(1...20))))
        }
        var scenario = b.build()
        for d in 0..<3 {
            for s in 0..<2 where rng.chance(0.7) {
                scenario.demand.shiftCover.append(ShiftCover(day: d, shift: s, required: rng.int(0...2),
                                                             underWeight: rng.pick([0, 1, 3, 10, 25]), overWeight: rng.pick([0, 2, 5, 30])))
            }
        }
        return scenario
    }

    @Test(arguments: 1...24)
    func solverMatchesEnumeration(seed: Int) throws {
        try Self.check(Self.randomScenario(seed: UInt64(seed)))
    }

    /// The random scenarios must not be trivial: some have a positive optimum, some break the minimum
    /// stretches, weekend or cap rules in their cheapest-looking rosters (the all-off roster).
    @Test func randomScenariosAreNotTrivial() {
        var positive = 0, offIllegal = 0
        for seed in 1...24 {
            let s = Self.randomScenario(seed: UInt64(seed))
            if let best = Self.enumerate(s), best.best > 0 { positive += 1 }
            if !Audit.run(Roster(people: 2, days: 3), in: s).hardFindings.isEmpty { offIllegal += 1 }
        }
        #expect(positive >= 12, "\(positive) of 24 with a positive optimum")   // 16 when written
        #expect(offIllegal >= 6, "\(offIllegal) of 24 where resting throughout breaks a hard rule")   // 9 when written
    }
}
