import Foundation
import Paiban
import PaibanIO
@testable import PaibanSolver
import Testing

/// The bound from branching on sums of integer columns (`AggregateBranching`), with real GLPK.
@Suite(.timeLimit(.minutes(2)))
struct AggregateBranchingTests {
    /// The LP of `model`, solved, and the bound branching on its aggregates gives.
    static func bounds(_ model: LinearModel) throws -> (lp: Double, raised: Double) {
        let lp = try GLPKProblem(model)
        try #require(try lp.solveLP(timeLimit: 10) == .optimal)
        let root = lp.lpObjective
        return (root, try AggregateBranching.bound(lp, model: model, rootValue: root, deadline: Deadline(seconds: 30), seconds: 20))
    }

    /// 2a + 2b >= 3 at cost a + b: the LP pays 1.5, a roster 2. The sum a + b is at most 1 (no solution) or
    /// at least 2.
    @Test func aHalfWaySumIsBranchedOn() throws {
        var model = LinearModel()
        let a = model.addColumn("a", upper: 5, integer: true, cost: 1)
        let b = model.addColumn("b", upper: 5, integer: true, cost: 1)
        model.addRow("cover", [(a, 2), (b, 2)], lower: 3)
        model.aggregates = [[a, b]]
        let (lp, raised) = try Self.bounds(model)
        #expect(abs(lp - 1.5) < 1e-9)
        #expect(abs(raised - 2) < 1e-9)
    }

    /// Without aggregates, or with whole sums, the LP's value stands.
    @Test func nothingToBranchOnKeepsTheLP() throws {
        var model = LinearModel()
        let a = model.addColumn("a", upper: 5, integer: true, cost: 1)
        let b = model.addColumn("b", upper: 5, integer: true, cost: 1)
        model.addRow("cover", [(a, 1), (b, 1)], lower: 3)
        model.aggregates = [[a, b]]
        let (lp, raised) = try Self.bounds(model)
        #expect(abs(lp - 3) < 1e-9 && abs(raised - 3) < 1e-9)
        model.aggregates = []
        #expect(abs(try Self.bounds(model).raised - 3) < 1e-9)
    }

    /// Random small integer programs: the raised bound lies between the LP and the optimum that GLPK's
    /// branch-and-cut proves. A bound above the optimum would stop the search with a wrong "proven optimal".
    @Test func neverAboveTheOptimum() throws {
        var rng = SplitMix(seed: 11)
        var raisedSome = 0
        for _ in 0..<150 {
            var model = LinearModel()
            let n = Int.random(in: 3...7, using: &rng)
            let columns = (0..<n).map { model.addColumn("x\($0)", upper: Double(Int.random(in: 1...4, using: &rng)), integer: true,
                                                        cost: Double(Int.random(in: 1...9, using: &rng))) }
            for i in 0..<Int.random(in: 1...4, using: &rng) {
                let terms = columns.filter { _ in Bool.random(using: &rng) }.map { ($0, Double(Int.random(in: 1...3, using: &rng))) }
                guard !terms.isEmpty else { continue }
                model.addRow("r\(i)", terms, lower: Double(Int.random(in: 1...7, using: &rng)) + 0.5 * Double(Int.random(in: 0...1, using: &rng)))
            }
            model.aggregates = (0..<Int.random(in: 1...3, using: &rng)).map { _ in columns.filter { _ in Bool.random(using: &rng) } }.filter { !$0.isEmpty }
            let check = try GLPKProblem(model)
            guard try check.solveLP(timeLimit: 10) == .optimal else { continue }   // rows no column can reach
            try #require(try check.solveMIP(timeLimit: 10, gap: 0, start: nil) == .optimal)
            let optimum = check.mipObjective
            let (lp, raised) = try Self.bounds(model)
            #expect(raised >= lp - 1e-9)
            #expect(raised <= optimum + 1e-6, "raised \(raised) above the optimum \(optimum)")
            if raised > lp + 1e-6 { raisedSome += 1 }
        }
        #expect(raisedSome > 10, "the sums were rarely half-way: \(raisedSome)")
    }

    /// callcenter-lunch: "at most half" away makes every group's meal-shift count even, the LP spreads an odd
    /// month total (161.5 "most" in all), and one branch on it raises the bound from 1367 to 1392, the optimum.
    @Test func callcenterLunchReachesItsOptimum() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let scenario = try ScenarioReader.read(path: root.appendingPathComponent("Examples/callcenter-lunch/scenario.yaml").path)
        let model = RosterModel(scenario).linear
        #expect(model.aggregates.count == 3)   // all groups, then each group
        let (lp, raised) = try Self.bounds(model)
        #expect(abs(lp - 1367) < 1e-6)
        #expect(abs(raised - 1392) < 1e-6)
    }
}
