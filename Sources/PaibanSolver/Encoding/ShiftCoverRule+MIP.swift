import Paiban

/// Per cover line: people on the shift + under >= required, and people - over <= required, with under and
/// over priced by the line's weights. A line nobody can work costs its whole shortfall as a constant.
extension ShiftCoverRule: MIPEncodable {
    func encode(into model: inout LinearModel, _ x: AssignmentVariables, _ scenario: Scenario) {
        for line in scenario.demand.shiftCover {
            let people = scenario.staff.indices.compactMap { x.x($0, line.day, line.shift).map { ($0, 1.0) } }
            let name = "\(line.day)_\(line.shift)", anchor = LinearModel.Anchor(day: line.day)
            if line.underWeight > 0, line.required > 0 {
                if people.isEmpty {
                    model.addConstant(Double(line.required) * line.underWeight, to: id)
                } else {
                    let under = model.addColumn("under_\(name)", upper: Double(line.required), cost: line.underWeight, term: id, anchor: anchor)
                    model.addRow("cover_lo_\(name)", people + [(under, 1)], lower: Double(line.required))
                }
            }
            if line.overWeight > 0, people.count > line.required {
                let over = model.addColumn("over_\(name)", upper: nil, cost: line.overWeight, term: id, anchor: anchor)
                model.addRow("cover_hi_\(name)", people + [(over, -1)], upper: Double(line.required))
            }
        }
    }
}
