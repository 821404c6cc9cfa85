/// The best solution so far: every column's value and the objective.
struct Incumbent: Sendable {
    var values: [Double]
    var objective: Double
}
