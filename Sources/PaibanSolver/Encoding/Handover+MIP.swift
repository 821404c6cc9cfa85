import Paiban

/// x[p][d][closing shift] <= works(p, d+1): closing tonight means working tomorrow.
extension Handover: MIPEncodable {
    func encode(into model: inout LinearModel, _ x: AssignmentVariables, _ scenario: Scenario) {
        for s in scenario.rules.handoverShifts.sorted() {
            for p in scenario.staff.indices {
                for d in 0..<(scenario.dayCount - 1) {
                    guard let closing = x.x(p, d, s) else { continue }
                    let origin = RowOrigin(rule: id, person: p, days: [d, d + 1], text: Text(.rowHandover, [
                        "person": .verbatim(scenario.personName(p)), "shift": .verbatim(scenario.shifts[s].code),
                        "date": .date(scenario.period.date(d))]))
                    model.addRow("handover_\(p)_\(d)_\(s)", [(closing, 1)] + x.work(p, d + 1).map { ($0.0, -1) }, upper: 0, origin: origin)
                }
            }
        }
    }
}
