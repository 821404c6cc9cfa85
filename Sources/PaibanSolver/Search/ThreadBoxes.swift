import Foundation

/// What the relaxation thread hands back.
final class RelaxationBox: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var outcome: GLPKProblem.Outcome = .noSolution
    private(set) var bound: Double?
    private(set) var terms: [String: Double] = [:]
    private(set) var error: Error?

    func set(_ outcome: GLPKProblem.Outcome, _ bound: Double?, _ terms: [String: Double]) {
        lock.withLock { (self.outcome, self.bound, self.terms) = (outcome, bound, terms) }
    }
    func fail(_ error: Error) { lock.withLock { self.error = error } }
}

/// The start roster, computed on the calling thread while the relaxation runs on another.
final class StartBox: @unchecked Sendable {
    var result: Result<Incumbent, Error> = .failure(SolverError.glpkFatal("no start"))
}
