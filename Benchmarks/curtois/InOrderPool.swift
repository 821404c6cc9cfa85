// Runs --jobs solves at once and hands the results back in the order they were asked for.
import Foundation

/// Computes `work(0..<count)` on up to `jobs` threads and calls `deliver` on the calling thread in index
/// order, each result as soon as it and every one before it are done. With one job everything runs on the
/// calling thread, as it did before --jobs existed.
func inOrder<Result: Sendable>(_ count: Int, jobs: Int, work: @escaping @Sendable (Int) -> Result,
                               deliver: (Result) -> Void) {
    guard jobs > 1, count > 1 else {
        for index in 0..<count { deliver(work(index)) }
        return
    }
    let board = Board<Result>(count)
    // A fixed set of workers rather than a thread per solve: GLPK keeps an environment per thread that only
    // the thread itself can free (PaibanSolver's search threads free theirs), and these live until the process ends.
    for _ in 0..<min(jobs, count) {
        let worker = Thread {
            while let index = board.take() { board.put(index, work(index)) }
        }
        // The solve runs its first search thread on the calling thread: give it the main thread's stack
        // (PaibanSolver's own search threads get the same).
        worker.stackSize = 8 << 20
        worker.start()
    }
    for index in 0..<count { deliver(board.wait(for: index)) }
}

/// The indices still to hand out and the results handed back, under one condition lock.
private final class Board<Result: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var next = 0
    private var results: [Result?]

    init(_ count: Int) { results = Array(repeating: nil, count: count) }

    /// The next index to compute, nil once all are handed out.
    func take() -> Int? {
        condition.withLock {
            guard next < results.count else { return nil }
            defer { next += 1 }
            return next
        }
    }

    func put(_ index: Int, _ result: Result) {
        condition.withLock {
            results[index] = result
            condition.broadcast()
        }
    }

    func wait(for index: Int) -> Result {
        condition.withLock {
            while results[index] == nil { condition.wait() }
            return results[index]!
        }
    }
}
