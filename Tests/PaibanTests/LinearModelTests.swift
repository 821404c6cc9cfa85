import CurtoisReference
import Foundation
import Paiban
import PaibanIO
@testable import PaibanSolver
import Testing

/// How `LinearModel.addRow` stores a row's terms: what GLPK is handed in `glp_load_matrix` must have each
/// column once per row, in column order, with no zero coefficients.
struct LinearModelTests {
    /// The entries of row `i` (0-based) as (column, coefficient), 0-based columns.
    static func entries(_ model: LinearModel, row i: Int) -> [(Int, Double)] {
        model.entryRows.indices.filter { Int(model.entryRows[$0]) == i + 1 }
            .map { (Int(model.entryColumns[$0]) - 1, model.entryValues[$0]) }
    }

    @Test func repeatedColumnsAreSummedInColumnOrder() {
        var model = LinearModel()
        let columns = (0..<4).map { model.addColumn("c\($0)") }
        model.addRow("r", [(columns[2], 1), (columns[0], 2), (columns[2], 0.5), (columns[3], 1), (columns[3], -1), (columns[1], 0)], upper: 4)
        let stored = Self.entries(model, row: 0)
        #expect(stored.map(\.0) == [columns[0], columns[2]])
        #expect(stored.map(\.1) == [2, 1.5])
    }

    @Test func termsInOrderAreStoredAsGiven() {
        var model = LinearModel()
        let columns = (0..<3).map { model.addColumn("c\($0)") }
        model.addRow("r", [(columns[0], 1), (columns[1], -2), (columns[2], 3)], lower: 1)
        let stored = Self.entries(model, row: 0)
        #expect(stored.map(\.0) == columns)
        #expect(stored.map(\.1) == [1, -2, 3])
    }

    /// In an elastic model a hard row gets its slacks after its own terms, priced, one per bound.
    @Test func elasticSlacksFollowTheTerms() {
        var model = LinearModel(elastic: true)
        let a = model.addColumn("a"), b = model.addColumn("b")
        let origin = RowOrigin(rule: "test", person: 0, days: [0], message: "a and b")
        model.addRow("both", [(b, 1), (a, 1), (b, 1)], lower: 1, upper: 2, origin: origin)
        let stored = Self.entries(model, row: 0)
        #expect(stored.map(\.0) == [a, b, 2, 3])
        #expect(stored.map(\.1) == [1, 2, 1, -1])
        #expect(model.columns[2].cost == LinearModel.elasticPenalty && model.columns[3].cost == LinearModel.elasticPenalty)
    }
}

/// `RosterModel.withoutSlacks()`: the plain model the solver's bound and proofs use is made from the elastic
/// one; it must be exactly the model built without slacks, column for column and entry for entry.
struct PlainFromElasticTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func expectSame(_ derived: LinearModel, _ built: LinearModel, _ name: String) {
        #expect(derived.columns.count == built.columns.count, "\(name): columns")
        #expect(zip(derived.columns, built.columns).allSatisfy {
            ($0.name, $0.lower, $0.upper, $0.isInteger, $0.cost, $0.term) == ($1.name, $1.lower, $1.upper, $1.isInteger, $1.cost, $1.term)
                && $0.anchor == $1.anchor
        }, "\(name): a column differs")
        #expect(derived.rows.count == built.rows.count, "\(name): rows")
        #expect(zip(derived.rows, built.rows).allSatisfy { ($0.name, $0.lower, $0.upper, $0.origin) == ($1.name, $1.lower, $1.upper, $1.origin) },
                "\(name): a row differs")
        #expect(derived.entryRows == built.entryRows && derived.entryColumns == built.entryColumns && derived.entryValues == built.entryValues,
                "\(name): entries differ")
        #expect(derived.constant == built.constant && derived.aggregates == built.aggregates, "\(name): constant or aggregates")
        #expect(!derived.elastic)
    }

    @Test(arguments: ["callcenter", "callcenter-lunch", "front-desk", "hotline-12h", "online-volunteers"])
    func examples(_ name: String) throws {
        let scenario = try ScenarioReader.read(path: Self.root.appendingPathComponent("Examples/\(name)/scenario.yaml").path)
        let elastic = RosterModel(scenario, elastic: true)
        #expect(!elastic.elasticColumns.isEmpty)
        Self.expectSame(elastic.withoutSlacks().linear, RosterModel(scenario).linear, name)
        #expect(elastic.withoutSlacks().elasticColumns.isEmpty)
    }

    @Test(.enabled(if: InstanceFiles.available), arguments: [1, 7, 12])
    func curtois(_ instance: Int) throws {
        let scenario = try CurtoisImport.scenario(path: InstanceFiles.path(instance)).1
        Self.expectSame(RosterModel(scenario, elastic: true).withoutSlacks().linear, RosterModel(scenario).linear, "Instance\(instance)")
    }
}
