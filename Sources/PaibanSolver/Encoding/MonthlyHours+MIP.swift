import Paiban

/// Per calendar month: band.lower <= paid time of the shifts worked + leave credit <= band.upper.
extension MonthlyHours: MIPEncodable {
    func encode(into model: inout LinearModel, _ x: AssignmentVariables, _ scenario: Scenario) {
        for p in scenario.staff.indices {
            for span in scenario.period.monthSpans {
                let account = MonthAccount(person: p, span: span, in: scenario)
                guard let band = Self.band(account, contract: scenario.staff[p].contract) else { continue }
                let credit = Self.creditedMinutes(account, in: scenario)
                let origin = RowOrigin(rule: id, person: p, days: account.employedDays, text: Text(.rowHoursBand, [
                    "person": .verbatim(scenario.personName(p)), "low": .verbatim(Self.hours(band.lowerBound)),
                    "high": .verbatim(Self.hours(band.upperBound)), "month": .month(span)]))
                model.addPaidTimeRow("hours_\(p)_\(span.label)", minutes: paidTerms(p, days: account.availableDays, x, scenario),
                                     lower: band.lowerBound - credit, upper: band.upperBound - credit, origin: origin)
            }
        }
    }
}

/// The assignment columns of person p on these days, each with its shift's paid minutes.
func paidTerms(_ p: Int, days: some Sequence<Int>, _ x: AssignmentVariables, _ scenario: Scenario) -> [(column: Int, minutes: Double)] {
    days.flatMap { d in
        scenario.shifts.indices.compactMap { s in x.x(p, d, s).map { ($0, Double(scenario.shifts[s].paidMinutes)) } }
    }
}
