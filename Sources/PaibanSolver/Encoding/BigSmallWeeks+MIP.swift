import Paiban

/// rest(k) = available days of week k - days worked; 1 <= rest(k) <= 2, and rest(k) + rest(k+1) = 3 makes
/// consecutive weeks alternate without any extra variable.
extension BigSmallWeeks: MIPEncodable {
    func encode(into model: inout LinearModel, _ x: AssignmentVariables, _ scenario: Scenario) {
        for p in scenario.staff.indices where scenario.staff[p].contract.bigSmallWeeks {
            let weeks = Self.judgedWeeks(p, in: scenario)
            for (k, (week, alternates)) in weeks.enumerated() {
                let origin = RowOrigin(rule: id, person: p, days: Array(week), text: Text(.rowBigSmallWeek, [
                    "person": .verbatim(scenario.personName(p)), "date": .date(scenario.period.date(week.lowerBound))]))
                let work = week.flatMap { x.work(p, $0) }
                // A judged week has 7 open days: 1 <= rest <= 2 reads 5 <= worked <= 6.
                model.addRow("week_\(p)_\(week.lowerBound)", work, lower: 5, upper: 6, origin: origin)
                if alternates {
                    // rest + rest of the week before = 3  <=>  worked in both = 14 - 3
                    model.addRow("alternate_\(p)_\(week.lowerBound)", weeks[k - 1].days.flatMap { x.work(p, $0) } + work,
                                 lower: 11, upper: 11, origin: origin)
                }
            }
        }
    }
}
