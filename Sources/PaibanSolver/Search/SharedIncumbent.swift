import CGLPK
import Foundation

/// The best roster found by any search thread. Threads adopt it when it beats their own and offer
/// theirs when they improve; each thread keeps its own GLPK problems (GLPK's memory is per thread).
final class SharedIncumbent: @unchecked Sendable {
    private let lock = NSLock()
    private var best: Incumbent
    private var failure: Error?
    private var treeBound: Double?
    private var optimal = false

    init(_ incumbent: Incumbent) { best = incumbent }

    var current: Incumbent { lock.withLock { best } }

    func offer(_ incumbent: Incumbent) {
        lock.withLock { if incumbent.objective < best.objective - 1e-9 { best = incumbent } }
    }

    /// The whole-model branch-and-cut's bound; `proven` once it has closed the tree.
    func bound(_ value: Double, proven: Bool) {
        lock.withLock {
            treeBound = max(treeBound ?? -.infinity, value)
            optimal = optimal || proven
        }
    }
    var bound: Double? { lock.withLock { treeBound } }
    var proven: Bool { lock.withLock { optimal } }

    func fail(_ error: Error) { lock.withLock { if failure == nil { failure = error } } }
    var error: Error? { lock.withLock { failure } }
}

/// Runs `work` on `count` threads (the calling thread is one of them) and waits for all. Every extra
/// thread frees its GLPK environment before it ends.
func onThreads(_ count: Int, _ work: @escaping @Sendable (Int) -> Void) {
    let group = DispatchGroup()
    for k in 1..<max(1, count) {
        group.enter()
        let thread = Thread {
            work(k)
            glp_free_env()
            group.leave()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }
    work(0)
    group.wait()
}
