import CurtoisReference
import Paiban
import PaibanIO
@testable import PaibanSolver
import Testing

/// The bound from the staff's totals (`TotalsBound`), which stands in where the LP relaxation has no answer:
/// hand-computed on scenarios built for it, never above the optimum of enumerated rosters, and Curtois 13's.
@Suite("totals bound")
struct TotalsBoundTests {
    static func bound(_ scenario: Scenario) throws -> Double? { try TotalsBound.bound(RosterModel(scenario)) }

    /// A scenario built so that the bound is the optimum: both are `expected`.
    static func expectTight(_ scenario: Scenario, _ expected: Double, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(try bound(scenario) == expected, sourceLocation: sourceLocation)
        #expect(BruteForceTests.bestByEnumeration(scenario) == expected, sourceLocation: sourceLocation)
    }

    /// Two people with at most 480 minutes each (one 8-hour shift) and an E line of 1 on each of 3 days: at
    /// least one line is short, 7. The enumeration agrees that no roster does better.
    @Test func minutesShortOfTheCover() throws {
        var b = ScenarioBuilder(days: 3)
        b.shifts = [Shifts.early]
        for id in ["A", "B"] { b.person(id) { $0.contract.periodMinutesMax = 480 } }
        var s = b.build()
        s.demand.shiftCover = (0..<3).map { ShiftCover(day: $0, shift: 0, required: 1, underWeight: 7, overWeight: 1) }
        try Self.expectTight(s, 7)
    }

    /// 29-30 March 2025 are a Saturday and Sunday. Three people, two of whom may work no weekend: the one
    /// left works at most the two weekend days, against 2 + 2 wanted; 2 short at 5 each, 10.
    @Test func weekendsShortOfTheCover() throws {
        var b = ScenarioBuilder(start: day(2025, 3, 29), days: 2)
        b.shifts = [Shifts.early]
        b.person("A")
        for id in ["B", "C"] { b.person(id) { $0.contract.maxWeekends = 0 } }
        var s = b.build()
        s.demand.shiftCover = (0..<2).map { ShiftCover(day: $0, shift: 0, required: 2, underWeight: 5, overWeight: 1) }
        try Self.expectTight(s, 10)
    }

    /// People who must work more minutes than the cover wants: the extra shifts cost their over-weight. Two
    /// people with at least 960 minutes each (two shifts) over 2 days, and a line of 1 a day: 2 extra at 3.
    /// A wanted shift (weight 50) that the extra work can take leaves the requests' least at 0.
    @Test func minutesOverTheCover() throws {
        var b = ScenarioBuilder(days: 2)
        b.shifts = [Shifts.early]
        for id in ["A", "B"] { b.person(id) { $0.contract.periodMinutesMin = 960 } }
        b.requests = [Request(person: 0, day: 1, kind: .wantShift(0), weight: 50)]
        var s = b.build()
        s.demand.shiftCover = (0..<2).map { ShiftCover(day: $0, shift: 0, required: 1, underWeight: 100, overWeight: 3) }
        try Self.expectTight(s, 6)
    }

    /// Random Curtois-like scenarios (cover lines, minutes bands, weekend caps, requests of every kind; no other
    /// limit): the bound is never above the best roster by enumeration, and above 0 on some. (Leaving out the
    /// wanted shifts' prices below 0 put it above the optimum here: 40 against 14.)
    @Test func neverAboveTheOptimum() throws {
        var positive = 0
        for seed in 1...20 {
            var rng = BruteForceTests.Rng(state: UInt64(seed))
            var b = ScenarioBuilder(start: day(2025, 3, rng.int(27...29)), days: 4)
            b.shifts = [Shifts.early, Shifts.late]
            for id in ["A", "B"] {
                b.person(id) {
                    if rng.chance(0.6) { $0.contract.periodMinutesMax = 480 * rng.int(1...3) }
                    if rng.chance(0.3) { $0.contract.periodMinutesMin = 480 * rng.int(0...2) }
                    if rng.chance(0.5) { $0.contract.maxWeekends = rng.int(0...1) }
                }
            }
            let kinds: [Request.Kind] = [.wantShift(0), .wantShift(1), .avoidShift(0), .dayOff]
            b.requests = (0..<rng.int(1...3)).map { _ in
                Request(person: rng.int(0...1), day: rng.int(0...3), kind: kinds[rng.int(0...3)], weight: Double(rng.int(1...50)))
            }
            var s = b.build()
            s.demand.shiftCover = (0..<4).flatMap { d in
                (0..<2).compactMap { shift in
                    rng.chance(0.7) ? ShiftCover(day: d, shift: shift, required: rng.int(0...2),
                                                 underWeight: Double(rng.int(1...100)), overWeight: Double(rng.int(0...5))) : nil
                }
            }
            guard let best = BruteForceTests.bestByEnumeration(s) else { continue }
            let bound = try #require(try Self.bound(s))
            #expect(bound <= best + 1e-6, "seed \(seed): bound \(bound) above the optimum \(best)")
            if bound > 0 { positive += 1 }
        }
        #expect(positive >= 5)
    }

    /// Curtois 13's cover asks for 941,160 minutes; its 120 people may work 939,000 at most. 2,160 minutes
    /// short at the least, and the cheapest minutes to leave out are 12-hour shifts (720 minutes for the
    /// same 100 as an 8-hour one): 300.
    @Test(.enabled(if: InstanceFiles.available))
    func curtois13() throws {
        let scenario = try CurtoisImport.scenario(path: InstanceFiles.path(13)).1
        #expect(try Self.bound(scenario) == 300)
    }
}
