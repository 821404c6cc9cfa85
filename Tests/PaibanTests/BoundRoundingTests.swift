import CurtoisReference
import Paiban
import PaibanIO
@testable import PaibanSolver
import Testing

/// Where every cost is a whole number, every roster costs one, so a reported bound is rounded up to the next
/// whole number whichever part of the solve found it (`LinearModel.roundedBound`).
@Suite("bound rounding")
struct BoundRoundingTests {
    /// Curtois 1 stopped at its first roster (a gap of 90%): the bound is the plain LP's, 407.3 in GLPK,
    /// reported as 408. Before, the plain LP's bound was the one reported as it came.
    @Test(.enabled(if: InstanceFiles.available))
    func plainLPBoundIsRoundedUp() throws {
        let scenario = try CurtoisImport.scenario(path: InstanceFiles.path(1)).1
        let result = try Solver.solve(scenario, options: SolveOptions(timeLimit: 10, gap: 0.9, threads: 2))
        let bound = try #require(result.bound)
        #expect(bound == bound.rounded(), "bound \(bound) is not a whole number")
        #expect(bound > 407 && bound <= 607, "bound \(bound): the LP is 407.3 and the optimum 607")
    }

    /// The rounding itself: up to the next whole number with whole costs, but not for a fractional part under
    /// 0.001 (GLPK's tolerances: a bound one above the optimum would prove a roster one too high); untouched
    /// where a cost is not whole, as the model decides (`integralCosts`).
    @Test func roundedBound() {
        #expect(LinearModel.roundedBound(407.3, integral: true) == 408)
        #expect(LinearModel.roundedBound(1055.0002, integral: true) == 1055)
        #expect(LinearModel.roundedBound(1055.002, integral: true) == 1056)
        #expect(LinearModel.roundedBound(407.3, integral: false) == 407.3)
        var whole = LinearModel(), half = LinearModel()
        _ = whole.addColumn("x", lower: 0, upper: 1, integer: true, cost: 3)
        _ = half.addColumn("x", lower: 0, upper: 1, integer: true, cost: 2.5)
        #expect(whole.roundedBound(1.2) == 2)
        #expect(half.roundedBound(1.2) == 1.2)
    }
}
