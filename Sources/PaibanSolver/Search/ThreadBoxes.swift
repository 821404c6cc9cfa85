import Foundation

/// What the relaxation thread hands back.
final class RelaxationBox: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var outcome: GLPKProblem.Outcome = .noSolution
    private(set) var bound: Double?
    private(set) var terms: [String: Double] = [:]
    private(set) var error: Error?

    private var done: Handed<Bool> = Handed(false, lane: nil, at: -.infinity)
    private var model: RosterModel?
    /// The plain model, built on the relaxation's thread.
    var plain: RosterModel? {
        get { lock.withLock { model } }
        set { lock.withLock { model = newValue } }
    }

    func set(_ outcome: GLPKProblem.Outcome, _ bound: Double?, _ terms: [String: Double]) {
        let done = Handed(true)
        lock.withLock { (self.outcome, self.bound, self.terms, self.done) = (outcome, bound, terms, done) }
    }
    func fail(_ error: Error) {
        let done = Handed(true)
        lock.withLock { (self.error, self.done) = (error, done) }
    }
    /// Whether the relaxation thread has finished (the start thread searches on until it has); on a work
    /// clock, from a work time on (see `WorkClock`).
    var finished: Bool {
        let reading = WorkLane.reading()
        return lock.withLock { done.value && done.seen(in: reading) }
    }
}

/// The start roster, computed on the calling thread while the relaxation runs on another.
final class StartBox: @unchecked Sendable {
    var result: Result<Incumbent, Error> = .failure(SolverError.glpkFatal("no start"))
}

/// The converged column generation, handed by the thread that priced it to the others, which then search
/// parts of their own rosters with it (see `Search.joinParts`); on a work clock, from a work time on.
final class GenerationBox: @unchecked Sendable {
    private let lock = NSLock()
    private var handed: Handed<ColumnGeneration>?

    func post(_ generation: ColumnGeneration) {
        let handed = Handed(generation.detached())
        lock.withLock { self.handed = handed }
    }

    var generation: ColumnGeneration? {
        let reading = WorkLane.reading()
        return lock.withLock { handed.flatMap { $0.seen(in: reading) ? $0.value : nil } }
    }
}
