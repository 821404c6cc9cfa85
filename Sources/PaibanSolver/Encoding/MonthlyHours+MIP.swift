import Paiban

/// Per calendar month: band.lower <= paid time of the shifts worked + leave credit <= band.upper,
/// counted in hours so that the row's coefficients stay near 1 (and an elastic slack is priced per hour).
/// When every shift the person can work pays the same time, the band becomes a whole number of shifts
/// (176 h +- 8 at 7.5 h a shift: 23 or 24 shifts): the same integer rosters, a much tighter LP.
extension MonthlyHours: MIPEncodable {
    func encode(into model: inout LinearModel, _ x: AssignmentVariables, _ scenario: Scenario) {
        for p in scenario.staff.indices {
            for span in scenario.period.monthSpans {
                let account = MonthAccount(person: p, span: span, in: scenario)
                guard let band = Self.band(account, contract: scenario.staff[p].contract) else { continue }
                let credit = Self.creditedMinutes(account, in: scenario)
                let terms = account.availableDays.flatMap { d in
                    scenario.shifts.indices.compactMap { s in x.x(p, d, s).map { ($0, Double(scenario.shifts[s].paidMinutes)) } }
                }
                let origin = RowOrigin(rule: id, person: p, days: account.employedDays, text: Text(.rowHoursBand, [
                    "person": .verbatim(scenario.personName(p)), "low": .verbatim(Self.hours(band.lowerBound)),
                    "high": .verbatim(Self.hours(band.upperBound)), "month": .month(span)]))
                let lower = band.lowerBound - credit, upper = band.upperBound - credit
                // Rounding inward by a hair keeps exact boundaries exact (168 h at 7.5 h is 22.4 shifts: 23).
                let minutes = terms.first?.1 ?? 0
                let fewest = max(0, (lower / max(minutes, 1) - 1e-6).rounded(.up)), most = (upper / max(minutes, 1) + 1e-6).rounded(.down)
                // A band with no whole number of shifts inside keeps its hours row: the search then
                // reports it as the rule that cannot hold.
                if minutes > 0, fewest <= most, terms.allSatisfy({ $0.1 == minutes }) {
                    model.addRow("hours_\(p)_\(span.label)", terms.map { ($0.0, 1) }, lower: fewest, upper: most, origin: origin)
                } else {
                    model.addRow("hours_\(p)_\(span.label)", terms.map { ($0.0, $0.1 / 60) }, lower: lower / 60, upper: upper / 60, origin: origin)
                }
            }
        }
    }
}
