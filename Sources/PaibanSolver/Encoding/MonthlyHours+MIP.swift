import Paiban

/// Per calendar month: band.lower <= paid time of the shifts worked + leave credit <= band.upper,
/// counted in hours so that the row's coefficients stay near 1 (and an elastic slack is priced per hour).
extension MonthlyHours: MIPEncodable {
    func encode(into model: inout LinearModel, _ x: AssignmentVariables, _ scenario: Scenario) {
        for p in scenario.staff.indices {
            for span in scenario.period.monthSpans {
                let account = MonthAccount(person: p, span: span, in: scenario)
                guard let band = Self.band(account, contract: scenario.staff[p].contract) else { continue }
                let credit = Self.creditedMinutes(account, in: scenario)
                let terms = account.availableDays.flatMap { d in
                    scenario.shifts.indices.compactMap { s in x.x(p, d, s).map { ($0, Double(scenario.shifts[s].paidMinutes) / 60) } }
                }
                model.addRow("hours_\(p)_\(span.label)", terms, lower: (band.lowerBound - credit) / 60, upper: (band.upperBound - credit) / 60,
                             origin: RowOrigin(rule: id, person: p, days: account.employedDays,
                                               message: "\(scenario.personName(p)): \(Self.hours(band.lowerBound))-\(Self.hours(band.upperBound)) paid hours in \(span.label)"))
            }
        }
    }
}
