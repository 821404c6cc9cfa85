import Paiban

/// Per person: the period's paid minutes inside the contract's bounds.
extension PeriodMinutes: MIPEncodable {
    func encode(into model: inout LinearModel, _ x: AssignmentVariables, _ scenario: Scenario) {
        for p in scenario.staff.indices {
            guard let (least, most) = Self.bounds(scenario.staff[p].contract) else { continue }
            let origin = RowOrigin(rule: id, person: p, days: [], text: Text(.rowPeriodMinutes, [
                "person": .verbatim(scenario.personName(p)), "low": .number(least ?? 0), "high": most.map { .number($0) } ?? .verbatim("∞")]))
            model.addPaidTimeRow("minutes_\(p)", minutes: paidTerms(p, days: 0..<scenario.dayCount, x, scenario),
                                 lower: least.map(Double.init), upper: most.map(Double.init), origin: origin)
        }
    }
}
