import Paiban

/// The whole integer program for one scenario: the assignment variables and every rule's encoding.
struct RosterModel {
    var linear: LinearModel
    let x: AssignmentVariables
    let scenario: Scenario

    init(_ scenario: Scenario, elastic: Bool = false) {
        var linear = LinearModel(elastic: elastic)
        let rules = scenario.ruleBook
        x = AssignmentVariables(scenario, filters: rules.compactMap { $0 as? any ColumnFilter }, into: &linear)
        for rule in rules {
            guard let encodable = rule as? any MIPEncodable else {
                preconditionFailure("rule \(rule.id) has no integer-program encoding")
            }
            encodable.encode(into: &linear, x, scenario)
        }
        self.linear = linear
        self.scenario = scenario
        elasticColumns = linear.columns.indices.filter { linear.columns[$0].term == LinearModel.elasticTerm }
    }

    /// The slack columns of the hard rows (elastic model only).
    let elasticColumns: [Int]

    private init(linear: LinearModel, x: AssignmentVariables, scenario: Scenario) {
        (self.linear, self.x, self.scenario) = (linear, x, scenario)
        elasticColumns = []
    }

    /// The plain model of an elastic one (see `LinearModel.withoutSlacks`): the assignments, made before any
    /// rule's rows, and the meal round pools, whose rows have no slacks, keep their columns.
    func withoutSlacks() -> RosterModel {
        RosterModel(linear: linear.withoutSlacks(), x: x, scenario: scenario)
    }

    /// The roster a solution vector describes.
    func roster(from values: [Double]) -> Roster {
        var roster = Roster(people: scenario.staff.count, days: scenario.dayCount)
        for p in scenario.staff.indices {
            for d in 0..<scenario.dayCount where scenario.staff[p].leave[scenario.period.date(d)] != nil {
                roster[p, d] = .leave
            }
        }
        for cell in x.cells where values[cell.column] > 0.5 {
            roster[cell.person, cell.day] = .work(cell.shift)
        }
        MealRoundPool.breaks(x.pools, values: values, into: &roster)
        return roster
    }

    /// In the elastic model: whether some hard row gives (its slack is positive) in this solution.
    func breaksHardRows(_ values: [Double]) -> Bool { elasticColumns.contains { values[$0] > 1e-6 } }

    /// Sizes reported in the summary.
    var size: ModelSize {
        ModelSize(rows: linear.rows.count, columns: linear.columns.count,
                  integerColumns: linear.columns.filter(\.isInteger).count, nonzeros: linear.entryValues.count)
    }
}

public struct ModelSize: Sendable, Codable, Equatable {
    public var rows: Int
    public var columns: Int
    public var integerColumns: Int
    public var nonzeros: Int
}
