import Paiban

/// The binary assignment variables x[p][d][s] = 1 when person p works shift s on day d. A variable
/// exists only where every column filter (availability, night eligibility) allows the assignment;
/// "one shift a day" is part of the layout itself, one row per person and day.
struct AssignmentVariables {
    /// column[p][d][s], nil where the assignment is not allowed.
    let column: [[[Int?]]]
    /// Every assignment column with its (person, day, shift), in column order.
    let cells: [(column: Int, person: Int, day: Int, shift: Int)]
    /// How many take each meal round, per day, meal shift and class of people (see MealRoundPool).
    let pools: [MealRoundPool]
    /// The roster's decisions: the assignment columns. Everything else (round counts included) follows from them.
    var decisions: [Int] { cells.map(\.column) }

    init(_ scenario: Scenario, filters: [any ColumnFilter], into model: inout LinearModel) {
        var column: [[[Int?]]] = []
        var cells: [(Int, Int, Int, Int)] = []
        for p in scenario.staff.indices {
            var days: [[Int?]] = []
            for d in 0..<scenario.dayCount {
                days.append(scenario.shifts.indices.map { s in
                    guard filters.allSatisfy({ $0.allows(person: p, day: d, shift: s, in: scenario) }) else { return nil }
                    let j = model.addColumn("x_\(p)_\(d)_\(s)", integer: true)
                    cells.append((j, p, d, s))
                    return j
                })
            }
            column.append(days)
        }
        self.column = column
        self.cells = cells
        pools = MealRoundPool.make(scenario, column: column, into: &model)
        for p in scenario.staff.indices {
            for d in 0..<scenario.dayCount where work(p, d).count > 1 {
                model.addRow("one_\(p)_\(d)", work(p, d), upper: 1)
            }
        }
    }

    /// Terms of "p works on day d": the sum of that day's assignment variables.
    func work(_ p: Int, _ d: Int) -> [(Int, Double)] { column[p][d].compactMap { $0.map { ($0, 1.0) } } }

    func x(_ p: Int, _ d: Int, _ s: Int) -> Int? { column[p][d][s] }
}

/// A rule that decides which assignment variables exist at all.
protocol ColumnFilter {
    func allows(person: Int, day: Int, shift: Int, in scenario: Scenario) -> Bool
}

/// A rule that adds its rows and priced columns to the model.
protocol MIPEncodable {
    func encode(into model: inout LinearModel, _ x: AssignmentVariables, _ scenario: Scenario)
}
