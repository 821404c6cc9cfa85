import Paiban

/// Availability is encoded by absence: an assignment it forbids gets no variable.
extension Availability: ColumnFilter, MIPEncodable {
    func allows(person: Int, day: Int, shift: Int, in scenario: Scenario) -> Bool {
        Self.reason(person: person, day: day, shift: shift, in: scenario) == nil
    }

    func encode(into model: inout LinearModel, _ x: AssignmentVariables, _ scenario: Scenario) {}
}
