import Paiban

/// Holiday work is flagged for pay, not priced: nothing to encode.
extension HolidayWork: MIPEncodable {
    func encode(into model: inout LinearModel, _ x: AssignmentVariables, _ scenario: Scenario) {}
}
