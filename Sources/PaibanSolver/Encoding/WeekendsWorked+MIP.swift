import Paiban

/// Per person: sum over weekends of "worked" <= cap. A two-day weekend gets a helper y in [0, 1] with
/// y >= W(Saturday) and y >= W(Sunday); y needs not be integer, as it is never cheaper to leave it above
/// the larger of the two.
extension WeekendsWorked: MIPEncodable {
    func encode(into model: inout LinearModel, _ x: AssignmentVariables, _ scenario: Scenario) {
        let weekends = Self.weekends(in: scenario)
        for p in scenario.staff.indices {
            guard let cap = scenario.staff[p].contract.maxWeekends else { continue }
            let workable = weekends.map { $0.filter { !x.work(p, $0).isEmpty } }.filter { !$0.isEmpty }
            guard workable.count > cap else { continue }
            var terms: [(Int, Double)] = []
            for days in workable {
                if days.count == 1 { terms += x.work(p, days[0]); continue }
                let y = model.addColumn("weekend_\(p)_\(days[0])")
                for d in days { model.addRow("weekend_\(p)_\(d)", x.work(p, d) + [(y, -1)], upper: 0) }
                terms.append((y, 1))
            }
            model.addRow("weekends_\(p)", terms, upper: Double(cap), origin: RowOrigin(rule: id, person: p, days: workable.flatMap { $0 },
                         text: Text(.rowWeekends, ["person": .verbatim(scenario.personName(p)), "cap": .number(cap)])))
        }
    }
}
