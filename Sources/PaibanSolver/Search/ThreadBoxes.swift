import Foundation

/// What the relaxation thread hands back.
final class RelaxationBox: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var outcome: GLPKProblem.Outcome = .noSolution
    private(set) var bound: Double?
    private(set) var terms: [String: Double] = [:]
    private(set) var error: Error?

    private var done = false
    private var model: RosterModel?
    /// The plain model, built on the relaxation's thread.
    var plain: RosterModel? {
        get { lock.withLock { model } }
        set { lock.withLock { model = newValue } }
    }

    func set(_ outcome: GLPKProblem.Outcome, _ bound: Double?, _ terms: [String: Double]) {
        lock.withLock { (self.outcome, self.bound, self.terms, done) = (outcome, bound, terms, true) }
    }
    func fail(_ error: Error) { lock.withLock { (self.error, done) = (error, true) } }
    /// Whether the relaxation thread has finished (the start thread searches on until it has).
    var finished: Bool { lock.withLock { done } }
}

/// The start roster, computed on the calling thread while the relaxation runs on another.
final class StartBox: @unchecked Sendable {
    var result: Result<Incumbent, Error> = .failure(SolverError.glpkFatal("no start"))
}
