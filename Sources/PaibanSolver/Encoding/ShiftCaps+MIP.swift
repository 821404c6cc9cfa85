import Paiban

/// A cap of 0 removes the type's assignment variables for the person; any other cap is a row over the period.
extension ShiftCaps: ColumnFilter, MIPEncodable {
    func allows(person p: Int, day: Int, shift s: Int, in scenario: Scenario) -> Bool {
        scenario.staff[p].contract.maxShifts[s] != 0
    }

    func encode(into model: inout LinearModel, _ x: AssignmentVariables, _ scenario: Scenario) {
        for p in scenario.staff.indices {
            for (s, cap) in scenario.staff[p].contract.maxShifts.sorted(by: { $0.key < $1.key }) where cap > 0 {
                let terms = (0..<scenario.dayCount).compactMap { x.x(p, $0, s).map { ($0, 1.0) } }
                guard terms.count > cap else { continue }
                model.addRow("cap_\(p)_\(s)", terms, upper: Double(cap), origin: RowOrigin(rule: id, person: p, days: [], text: Text(.rowShiftCap, [
                    "person": .verbatim(scenario.personName(p)), "cap": .number(cap), "shift": .verbatim(scenario.shifts[s].code)])))
            }
        }
    }
}
