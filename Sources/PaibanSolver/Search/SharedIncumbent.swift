import CGLPK
import Foundation

/// The best roster found by any search thread. Threads adopt it when it beats their own and offer
/// theirs when they improve; each thread keeps its own GLPK problems (GLPK's memory is per thread).
/// On a work clock, what a thread offers reaches the others at a work time, not when it happens to arrive
/// (see `WorkClock`): the offers are kept with their stamps until every reader sees them.
final class SharedIncumbent: @unchecked Sendable {
    private let lock = NSLock()
    /// The best of the offers every reader sees, and the later ones that some reader may not see yet.
    private var settled: Handed<Incumbent>
    private var pending: [Handed<Incumbent>] = []
    private var bounds: [Handed<(value: Double, proven: Bool)>] = []
    private var failure: Error?

    init(_ incumbent: Incumbent) { settled = Handed(incumbent, lane: nil, at: -.infinity) }

    /// The better of two offers; among equal objectives, the one every run picks. Exact comparisons: with a
    /// tolerance "equal" would not be transitive, and the pick would depend on the order of arrival.
    private static func better(_ a: Handed<Incumbent>, _ b: Handed<Incumbent>) -> Handed<Incumbent> {
        if a.value.objective != b.value.objective { return a.value.objective < b.value.objective ? a : b }
        return a.precedes(b) ? a : b
    }

    var current: Incumbent {
        let reading = WorkLane.reading()
        return lock.withLock { pending.filter { $0.seen(in: reading) }.reduce(settled, Self.better).value }
    }

    func offer(_ incumbent: Incumbent) {
        let handed = Handed(incumbent)
        let common = WorkLane.current?.clock.commonHorizon() ?? .infinity
        lock.withLock {
            guard handed.lane != nil else {
                if incumbent.objective < settled.value.objective - 1e-9 { settled = handed }
                return
            }
            pending.append(handed)
            // What every reader sees is folded into one: the rosters stay few (a year of 150 people is 8 MB each).
            let seenByAll = pending.filter { $0.at < common }
            guard !seenByAll.isEmpty else { return }
            settled = seenByAll.reduce(settled, Self.better)
            pending.removeAll { $0.at < common }
        }
    }

    /// The whole-model branch-and-cut's bound; `proven` once it has closed the tree.
    func bound(_ value: Double, proven: Bool) {
        let handed = Handed((value: value, proven: proven))
        let common = WorkLane.current?.clock.commonHorizon() ?? .infinity
        lock.withLock {
            bounds.append(handed)
            // Bounds every reader sees are folded into one, as rosters are.
            let seenByAll = bounds.filter { $0.at < common }.map(\.value)
            guard seenByAll.count > 1 else { return }
            bounds.removeAll { $0.at < common }
            bounds.append(Handed((value: seenByAll.map(\.value).max()!, proven: seenByAll.contains { $0.proven }), lane: nil, at: -.infinity))
        }
    }

    private var seenBounds: [(value: Double, proven: Bool)] {
        let reading = WorkLane.reading()
        return lock.withLock { bounds.filter { $0.seen(in: reading) }.map(\.value) }
    }
    var bound: Double? { seenBounds.map(\.value).max() }
    var proven: Bool { seenBounds.contains { $0.proven } }

    func fail(_ error: Error) { lock.withLock { if failure == nil { failure = error } } }
    var error: Error? { lock.withLock { failure } }
}

/// Runs `work` on `count` threads (the calling thread is one of them) and waits for all. Every extra
/// thread frees its GLPK environment before it ends. On a work clock each thread gets a lane of its own; every
/// thread gets the caller's wall stop.
func onThreads(_ count: Int, clock: WorkClock?, _ work: @escaping @Sendable (Int) -> Void) {
    let caller = WorkLane.current, stop = WallStop.current
    nonisolated(unsafe) let lanes = clock?.phase(max(1, count)) ?? []
    @Sendable func run(_ k: Int) {
        if !lanes.isEmpty { WorkLane.current = lanes[k] }
        WallStop.current = stop
        work(k)
        if !lanes.isEmpty { lanes[k].leave() }
    }
    let group = DispatchGroup()
    for k in 1..<max(1, count) {
        group.enter()
        let thread = Thread {
            run(k)
            glp_free_env()
            group.leave()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }
    run(0)
    group.wait()
    if let clock {
        clock.endPhase(lanes, caller: caller)
        WorkLane.current = caller
    }
}
