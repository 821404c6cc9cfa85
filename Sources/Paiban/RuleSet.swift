/// Scenario-wide rule parameters and the prices of soft rules.
public struct RuleSet: Hashable, Sendable {
    /// Minimum hours between the end of one shift and the start of the next; nil = not checked.
    public var minRestHours: Double? = 11
    /// (earlier, later) shift indices that may not follow on consecutive days.
    public var forbiddenSuccessions: [ForbiddenPair] = []
    /// Which night kinds count toward a person's monthly night cap and the fair spread of nights.
    public var nightCapCounts: Set<NightKind> = [.big]
    /// Shifts whose closer must work the next day, to hand over [002].
    public var handoverShifts: Set<Int> = []
    /// How many of a group may be at their meal round at once [002].
    public var awayLimits: [AwayLimit] = []
    /// Working time credited for a day of approved leave against the monthly hours band.
    public var leaveCreditMinutes: Int = 480
    /// The day's rate for work on a statutory holiday; the seed's (base + performance) / 24 by default.
    public var holidayDayRate = PayFormula.seedDefault
    /// Work on a statutory holiday is paid this many times the day's rate (三倍工资).
    public var holidayPayMultiplier: Double = 3
    public var weights = Weights()

    public init() {}

    public struct ForbiddenPair: Hashable, Sendable {
        public var first: Int
        public var then: Int
        public init(first: Int, then: Int) { self.first = first; self.then = then }
    }

    /// Prices of the soft rules, in objective units.
    public struct Weights: Hashable, Sendable {
        /// Per person-hour of missing headcount.
        public var underCover: Double = 100
        /// Per day worked beyond a person's soft consecutive limit.
        public var consecutiveSoft: Double = 10
        /// Per unit of the night-spread measure: the k-th night of one person costs (k-1) units.
        public var nightFairness: Double = 1
        /// Used for requests that give no weight of their own.
        public var requestDefault: Double = 5
        public init() {}
    }
}

import Foundation
