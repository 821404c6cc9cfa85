import Foundation
import Paiban

/// How long and how hard to search.
public struct SolveOptions: Sendable {
    /// Wall-clock seconds for the whole solve; the best roster found by then is returned.
    public var timeLimit: Double = 30
    /// Stop once (objective - bound) / objective is at most this.
    public var gap: Double = 0.01
    /// Seed of the search's random choices: with a `workLimit`, the same seed gives the same roster.
    public var seed: UInt64 = 1
    /// Search threads, each with its own seed and GLPK problems.
    public var threads: Int = 1
    /// Seconds of work (see `WorkClock`) instead of wall-clock seconds: a run with the same seed, threads and
    /// work limit gives the same roster every time, unless `timeLimit` (still on the wall) stops it first.
    public var workLimit: Double?
    /// The wall-clock limit a command uses: the one given, else 30 s, or with a work limit a safety of 4 times
    /// it plus 30 s (a work second may take longer than a wall second on a slower or busier machine).
    public static func wallLimit(_ given: Double?, work: Double?) -> Double { given ?? work.map { 4 * $0 + 30 } ?? 30 }
    /// The limit the search plans with: work seconds when counting work, else wall seconds.
    var budget: Double { workLimit ?? timeLimit }
    /// Called after every step of the search, from any search thread.
    public var progress: (@Sendable (SearchProgress) -> Void)?
    /// When the time limit began: a command passes its own start, so that reading the input counts too.
    /// Nil: when `Solver.solve` is called.
    public var clockStart: Date?

    public init(timeLimit: Double = 30, gap: Double = 0.01, seed: UInt64 = 1, threads: Int = 1,
                progress: (@Sendable (SearchProgress) -> Void)? = nil, clockStart: Date? = nil, workLimit: Double? = nil) {
        self.clockStart = clockStart
        self.workLimit = workLimit
        self.threads = max(1, threads)
        self.timeLimit = timeLimit
        self.gap = gap
        self.seed = seed
        self.progress = progress
    }
}

/// A snapshot of the search for a progress line.
public struct SearchProgress: Sendable {
    public var phase: String
    public var elapsed: Double
    public var incumbent: Double?
    public var bound: Double?
    public var gap: Double? {
        guard let incumbent, let bound else { return nil }
        return relativeGap(incumbent, bound)
    }
}

/// (objective - bound) / |objective|, 0 when the bound is reached.
func relativeGap(_ objective: Double, _ bound: Double) -> Double {
    let diff = objective - bound
    if diff <= 1e-6 * max(1, abs(objective)) { return 0 }
    return diff / max(abs(objective), 1e-9)
}

public struct SolveResult: Sendable {
    public enum Status: String, Sendable, Codable {
        case optimal
        /// A roster that keeps every hard rule, not proven optimal (time limit or gap reached).
        case feasible
        /// No roster keeps every hard rule; `explanation` says which had to give.
        case infeasible
    }

    public var status: Status
    public var roster: Roster?
    public var objective: Double?
    /// The LP relaxation's value: no roster can cost less.
    public var bound: Double?
    public var gap: Double?
    /// Objective split by soft rule id.
    public var terms: [String: Double]
    public var audit: AuditReport?
    /// For an infeasible scenario: the hard rules the closest roster had to break.
    public var explanation: [Finding]
    public var modelSize: ModelSize
    public var buildSeconds: Double
    /// From the clock's start (the command's, when it passes one) to the end, less the build.
    public var solveSeconds: Double
    /// Why the search stopped: "proven optimal", "gap reached", "work limit" (reproducible), "time limit".
    public var stoppedBy: String
}
