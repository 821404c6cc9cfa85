import Paiban

/// Window sums: in every window of limit+1 days that ends inside the period, at most `limit` worked
/// days. Hard windows are rows; soft windows get an excess variable priced per day. Days of the history
/// enter as constants.
extension ConsecutiveWorkDays: MIPEncodable {
    func encode(into model: inout LinearModel, _ x: AssignmentVariables, _ scenario: Scenario) {
        for p in scenario.staff.indices {
            let contract = scenario.staff[p].contract
            addWindows(p, limit: contract.consecutiveHard, soft: false, &model, x, scenario)
            if contract.consecutiveSoft < contract.consecutiveHard, scenario.rules.weights.consecutiveSoft > 0 {
                addWindows(p, limit: contract.consecutiveSoft, soft: true, &model, x, scenario)
            }
        }
    }

    private func addWindows(_ p: Int, limit: Int, soft: Bool, _ model: inout LinearModel, _ x: AssignmentVariables, _ scenario: Scenario) {
        let history = scenario.staff[p].history
        let empty = Roster(people: scenario.staff.count, days: 0)
        for last in 0..<scenario.dayCount {
            let first = last - limit
            guard first >= -history.count else { continue }   // earlier days are unknown: treated as rest
            var terms: [(Int, Double)] = []
            var worked = 0.0
            var possible = true
            for d in first...last {
                if d < 0 {
                    if empty.works(p, d, in: scenario) { worked += 1 } else { possible = false }
                } else {
                    let work = x.work(p, d)
                    if work.isEmpty { possible = false }
                    terms += work
                }
            }
            guard possible else { continue }   // a window with a day that cannot be worked never fills up
            let origin = RowOrigin(rule: id, person: p, days: Array(max(first, 0)...last), text: Text(.rowRunLimit, [
                "person": .verbatim(scenario.personName(p)), "limit": .number(limit), "date": .date(scenario.period.date(last))]))
            if soft {
                terms.append((model.addColumn("run_\(p)_\(last)", upper: nil, cost: scenario.rules.weights.consecutiveSoft, term: id, anchor: .init(person: p, day: last)), -1))
                model.addRow("soft_run_\(p)_\(last)", terms, upper: Double(limit) - worked)
            } else {
                model.addRow("hard_run_\(p)_\(last)", terms, upper: Double(limit) - worked, origin: origin)
            }
        }
    }
}
