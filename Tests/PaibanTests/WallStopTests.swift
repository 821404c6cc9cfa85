import Foundation
@testable import PaibanSolver
import Testing

/// The thread's wall stop (`WallStop`): no GLPK call runs past it, whatever budget its caller gave.
@Suite(.timeLimit(.minutes(2)))
struct WallStopTests {
    /// An assignment LP of `n` people to `n` tasks at pseudo-random costs: the simplex needs hundreds of
    /// iterations, far more than a millisecond's worth.
    static func assignment(_ n: Int) -> LinearModel {
        var model = LinearModel()
        var rng = SplitMix(seed: 7)
        var x: [[Int]] = []
        for i in 0..<n {
            x.append((0..<n).map { j in model.addColumn("x\(i)_\(j)", cost: Double(rng.next() % 1000)) })
        }
        for i in 0..<n { model.addRow("person\(i)", x[i].map { ($0, 1) }, lower: 1, upper: 1) }
        for j in 0..<n { model.addRow("task\(j)", (0..<n).map { (x[$0][j], 1) }, lower: 1, upper: 1) }
        return model
    }

    @Test func aPassedStopEndsTheSimplexWhateverItsBudget() throws {
        defer { WallStop.current = nil }
        let model = Self.assignment(80)
        WallStop.current = nil
        // The same LP without a stop is solved: what the stop prevents below is a real solve.
        #expect(try GLPKProblem(model).solveLP(timeLimit: 30) == .optimal)
        WallStop.current = Date().addingTimeInterval(-1)
        #expect(try GLPKProblem(model).solveLP(timeLimit: 30) != .optimal)
        // A stop well ahead leaves the budget alone.
        WallStop.current = Date().addingTimeInterval(600)
        #expect(try GLPKProblem(model).solveLP(timeLimit: 30) == .optimal)
    }

    @Test func capTakesTheEarlierOfBudgetAndStop() {
        defer { WallStop.current = nil }
        WallStop.current = nil
        #expect(WallStop.cap(5) == 5)
        WallStop.current = Date().addingTimeInterval(100)
        #expect(WallStop.cap(5) == 5)
        #expect(WallStop.cap(500) <= 100)
        WallStop.current = Date().addingTimeInterval(-1)
        #expect(WallStop.cap(5) < 0)
    }

    /// The search's threads stop where the thread that started them stops.
    @Test func everyThreadCarriesTheCallersStop() {
        let stop = Date().addingTimeInterval(42)
        WallStop.current = stop
        defer { WallStop.current = nil }
        let seen = StopsBox()
        onThreads(2, clock: nil) { k in seen.set(k, WallStop.current) }
        #expect(seen.stops == [0: stop, 1: stop])
    }
}

private final class StopsBox: @unchecked Sendable {
    private let lock = NSLock()
    private var byThread: [Int: Date] = [:]
    func set(_ k: Int, _ stop: Date?) { lock.withLock { byThread[k] = stop } }
    var stops: [Int: Date] { lock.withLock { byThread } }
}
