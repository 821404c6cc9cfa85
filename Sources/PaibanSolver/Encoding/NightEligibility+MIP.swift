import Paiban

/// Night eligibility is encoded by absence: no night variable for people who may not work nights.
extension NightEligibility: ColumnFilter, MIPEncodable {
    func allows(person: Int, day: Int, shift: Int, in scenario: Scenario) -> Bool {
        !Self.forbids(person: person, shift: shift, in: scenario)
    }

    func encode(into model: inout LinearModel, _ x: AssignmentVariables, _ scenario: Scenario) {}
}
