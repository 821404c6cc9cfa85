import Paiban

/// Where a hard constraint row comes from: when a scenario is infeasible, the elastic re-solve names
/// the rows that had to give by their origin.
public struct RowOrigin: Hashable, Sendable {
    public var rule: String
    public var person: Int?
    public var days: [Int]
    /// What the row asks for, in the words table ("王芳：3月至少休息7天").
    public var text: Text

    public init(rule: String, person: Int?, days: [Int], text: Text) {
        self.rule = rule
        self.person = person
        self.days = days
        self.text = text
    }

    /// A row whose sentence comes from outside the words table: it reads the same in every language.
    public init(rule: String, person: Int?, days: [Int], message: String) {
        self.init(rule: rule, person: person, days: days, text: Text(.verbatim, ["text": .verbatim(message)]))
    }

    /// The English sentence.
    public var message: String { text.rendered(in: .en) }
}

/// A small linear-model builder: columns, rows and their coefficients, kept in plain Swift arrays
/// and handed to GLPK in one `glp_load_matrix` call. Indices are 0-based here and 1-based in GLPK.
/// It merges repeated coefficients and rejects non-finite numbers, so nothing it builds can make
/// GLPK abort.
struct LinearModel {
    struct Column {
        var name: String
        var lower: Double
        var upper: Double?          // nil = unbounded above
        var isInteger: Bool
        var cost: Double
        /// The penalty term this column's cost belongs to (a soft rule id), nil for free columns.
        var term: String?
        /// Who and when a priced column is about, so the search can aim at what costs.
        var anchor = Anchor()
    }

    /// Person and day a penalty is about (either may be unknown: a short slot has no person).
    struct Anchor: Hashable {
        var person: Int?
        var day: Int?
    }

    struct Row {
        var name: String
        var lower: Double?
        var upper: Double?
        var origin: RowOrigin?
    }

    private(set) var columns: [Column] = []
    private(set) var rows: [Row] = []
    private(set) var entryRows: [Int32] = []
    private(set) var entryColumns: [Int32] = []
    private(set) var entryValues: [Double] = []
    /// Constant parts of penalty terms (a wanted shift that is not worked costs its weight).
    private(set) var constants: [String: Double] = [:]
    /// Sets of integer columns whose sum is therefore a whole number, but which the LP may leave half-way:
    /// branching on such a sum raises the bound (see `AggregateBranching`). They add nothing to the model.
    var aggregates: [[Int]] = []

    /// When set, every hard row gets slack columns priced at `elasticPenalty`: the model is then always
    /// feasible and the slacks that end up positive say which hard rules could not all hold.
    let elastic: Bool
    static let elasticTerm = "elastic"
    static let elasticPenalty = 100_000.0

    init(elastic: Bool = false) { self.elastic = elastic }

    mutating func addColumn(_ name: String, lower: Double = 0, upper: Double? = 1, integer: Bool = false,
                            cost: Double = 0, term: String? = nil, anchor: Anchor = Anchor()) -> Int {
        precondition(lower.isFinite && (upper?.isFinite ?? true) && cost.isFinite, "non-finite column \(name)")
        columns.append(Column(name: name, lower: lower, upper: upper, isInteger: integer, cost: cost, term: term, anchor: anchor))
        return columns.count - 1
    }

    mutating func addConstant(_ value: Double, to term: String) { constants[term, default: 0] += value }

    /// Prices an existing column (an assignment variable) for a penalty term.
    mutating func addCost(_ value: Double, to column: Int, term: String) {
        precondition(columns[column].term == nil || columns[column].term == term, "column \(columns[column].name) priced by two terms")
        columns[column].cost += value
        columns[column].term = term
    }

    /// Adds `lower <= sum(coef * x) <= upper`. A hard row (one with an origin) gets elastic slacks in
    /// elastic mode.
    mutating func addRow(_ name: String, _ terms: [(Int, Double)], lower: Double? = nil, upper: Double? = nil,
                         origin: RowOrigin? = nil) {
        precondition(lower != nil || upper != nil, "free row \(name)")
        precondition((lower ?? -.infinity) <= (upper ?? .infinity), "inverted bounds on row \(name)")
        var sorted = terms.filter { $0.1 != 0 }
        for (column, coefficient) in sorted {
            precondition(coefficient.isFinite && columns.indices.contains(column), "bad term in \(name)")
        }
        if elastic, let origin {
            // The slacks are new columns, after every column of the terms: they stay in column order.
            let anchor = Anchor(person: origin.person, day: origin.days.first { $0 >= 0 })
            if lower != nil { sorted.append((addColumn("\(name)_lo", upper: nil, cost: Self.elasticPenalty, term: Self.elasticTerm, anchor: anchor), 1)) }
            if upper != nil { sorted.append((addColumn("\(name)_up", upper: nil, cost: Self.elasticPenalty, term: Self.elasticTerm, anchor: anchor), -1)) }
        }
        // In column order, repeated columns summed in the order given (the same sum in every process). A sort
        // where needed rather than a dictionary: Curtois Instance24 has a million rows of a few terms each, and
        // hashing them was a fifth of its model's build.
        if !sorted.indices.dropFirst().allSatisfy({ sorted[$0 - 1].0 < sorted[$0].0 }) {
            sorted = sorted.indices.sorted { (sorted[$0].0, $0) < (sorted[$1].0, $1) }.map { sorted[$0] }
        }
        let row = Int32(rows.count + 1)
        var k = 0
        while k < sorted.count {
            let column = sorted[k].0
            var coefficient = 0.0
            while k < sorted.count, sorted[k].0 == column { coefficient += sorted[k].1; k += 1 }
            guard coefficient != 0 else { continue }
            entryRows.append(row)
            entryColumns.append(Int32(column + 1))
            entryValues.append(coefficient)
        }
        rows.append(Row(name: name, lower: lower, upper: upper, origin: origin))
    }

    /// The model without its elastic slacks: the plain model of the same rules, the same as building it
    /// without `elastic` (every other column in the same order, the same rows), made in a pass over the
    /// entries instead of encoding every rule again (Curtois Instance24: 9 s on the second thread).
    func withoutSlacks() -> LinearModel {
        var plain = LinearModel()
        plain.columns.reserveCapacity(columns.count)
        var position = [Int32](repeating: 0, count: columns.count)
        for (j, column) in columns.enumerated() where column.term != Self.elasticTerm {
            plain.columns.append(column)
            position[j] = Int32(plain.columns.count)
        }
        plain.rows = rows
        plain.entryRows.reserveCapacity(entryRows.count)
        plain.entryColumns.reserveCapacity(entryColumns.count)
        plain.entryValues.reserveCapacity(entryValues.count)
        for k in entryRows.indices {
            let kept = position[Int(entryColumns[k]) - 1]
            guard kept > 0 else { continue }
            plain.entryRows.append(entryRows[k])
            plain.entryColumns.append(kept)
            plain.entryValues.append(entryValues[k])
        }
        plain.constants = constants
        plain.aggregates = aggregates.map { $0.map { Int(position[$0]) - 1 } }
        return plain
    }

    /// The objective's constant: GLPK keeps it as the coefficient of column 0.
    var constant: Double { constants.keys.sorted().reduce(0) { $0 + constants[$1]! } }   // one order: the same sum in every process

    /// Whether every cost and the constant are whole numbers: every roster then costs a whole number.
    var integralCosts: Bool { columns.allSatisfy { $0.cost == $0.cost.rounded() } && constant == constant.rounded() }

    /// The least a roster can cost where a bound is `value`: with whole-number costs (`integralCosts`) every
    /// roster costs a whole number, so the value may be rounded up. A value comes out of GLPK's simplex within
    /// its tolerances, and may lie a little above the whole number it stands for (a bound one above the optimum
    /// would call a roster at it proven, one too high): only a fractional part of at least 0.001 is rounded
    /// up, as GLPK's own branch-and-cut rounds its bounds.
    static func roundedBound(_ value: Double, integral: Bool) -> Double { integral ? (value - 1e-3).rounded(.up) : value }
    func roundedBound(_ value: Double) -> Double { Self.roundedBound(value, integral: integralCosts) }

    /// Objective value split by penalty term, for a full column vector.
    func termValues(_ values: [Double]) -> [String: Double] {
        var totals = constants
        for (j, column) in columns.enumerated() where column.cost != 0 {
            totals[column.term ?? "other", default: 0] += column.cost * values[j]
        }
        return totals
    }
}
