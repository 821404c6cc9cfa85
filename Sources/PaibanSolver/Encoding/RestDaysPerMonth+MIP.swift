import Paiban

/// Per calendar month: days worked <= available days - required rest days.
extension RestDaysPerMonth: MIPEncodable {
    func encode(into model: inout LinearModel, _ x: AssignmentVariables, _ scenario: Scenario) {
        for p in scenario.staff.indices {
            for span in scenario.period.monthSpans {
                let account = MonthAccount(person: p, span: span, in: scenario)
                let need = Self.required(account, contract: scenario.staff[p].contract)
                guard need > 0 else { continue }
                model.addRow("rest_\(p)_\(span.label)", account.availableDays.flatMap { x.work(p, $0) },
                             upper: Double(account.availableDays.count - need),
                             origin: RowOrigin(rule: id, person: p, days: account.availableDays, text: Text(.rowRestDays, [
                                 "person": .verbatim(scenario.personName(p)), "need": .number(need), "month": .month(span)])))
            }
        }
    }
}
