import Paiban

/// Per calendar month: night shifts worked <= the contract's cap.
extension NightCap: MIPEncodable {
    func encode(into model: inout LinearModel, _ x: AssignmentVariables, _ scenario: Scenario) {
        for p in scenario.staff.indices {
            guard let cap = scenario.staff[p].contract.maxNights else { continue }
            for span in scenario.period.monthSpans {
                let nights = nightTerms(p, days: span.days, x, scenario)
                guard nights.count > cap else { continue }
                model.addRow("nights_\(p)_\(span.label)", nights, upper: Double(cap),
                             origin: RowOrigin(rule: id, person: p, days: Array(span.days), text: Text(.rowNightCap, [
                                 "person": .verbatim(scenario.personName(p)), "cap": .number(cap), "month": .month(span)])))
            }
        }
    }
}

/// nights(p) = sum of z_k, k = 1...K, with z_k in [0, 1] priced (k-1) * weight: convex, so an optimal
/// solution fills z_1, z_2, ... in order and the price of n nights is n(n-1)/2 units, as the audit counts.
extension NightFairness: MIPEncodable {
    func encode(into model: inout LinearModel, _ x: AssignmentVariables, _ scenario: Scenario) {
        let weight = scenario.rules.weights.nightFairness
        guard weight > 0 else { return }
        for p in scenario.staff.indices {
            let nights = nightTerms(p, days: 0..<scenario.dayCount, x, scenario)
            guard nights.count > 1 else { continue }
            // One step per possible night, not per capped night: in the elastic model the cap may give.
            let steps = (1...nights.count).map { k in (model.addColumn("night_\(p)_\(k)", cost: Double(k - 1) * weight, term: id, anchor: .init(person: p)), -1.0) }
            model.addRow("spread_\(p)", nights + steps, lower: 0, upper: 0)
        }
    }
}

func nightTerms(_ p: Int, days: Range<Int>, _ x: AssignmentVariables, _ scenario: Scenario) -> [(Int, Double)] {
    days.flatMap { d in scenario.shifts.indices.filter(scenario.isNight).compactMap { x.x(p, d, $0).map { ($0, 1.0) } } }
}
