import Paiban

/// For a shift a on day d: x[d][a] + sum of x[d+1][b] over every b that may not follow a <= 1.
/// Summing all of a's forbidden successors in one row is tighter than one row per pair.
/// After the history's last shift the forbidden successors are simply closed on day 0.
extension SuccessionRule {
    func encodeSuccessions(into model: inout LinearModel, _ x: AssignmentVariables, _ scenario: Scenario) {
        let successors = scenario.shifts.indices.map { a in scenario.shifts.indices.filter { forbids(a, then: $0, in: scenario) != nil } }
        let empty = Roster(people: scenario.staff.count, days: 0)
        // The words of the rows' sentences, made once: a year of 150 people and 32 shifts has a million rows.
        let laterCodes = successors.map { $0.map { scenario.shifts[$0].code }.joined(separator: "/") }
        for p in scenario.staff.indices {
            let person = scenario.personName(p)
            for d in -1..<(scenario.dayCount - 1) {
                for a in scenario.shifts.indices where !successors[a].isEmpty {
                    let later = successors[a].compactMap { x.x(p, d + 1, $0) }.map { ($0, 1.0) }
                    guard !later.isEmpty else { continue }
                    let origin = RowOrigin(rule: id, person: p, days: [d, d + 1], text: Text(.rowSuccession, [
                        "person": .verbatim(person), "earlier": .verbatim(scenario.shifts[a].code),
                        "later": .verbatim(laterCodes[a]), "date": .date(scenario.period.date(d + 1))]))
                    if d < 0 {
                        if empty.shift(p, d, in: scenario) == a { model.addRow("\(id)_\(p)_h", later, upper: 0, origin: origin) }
                    } else if let first = x.x(p, d, a) {
                        model.addRow("\(id)_\(p)_\(d)_\(a)", [(first, 1)] + later, upper: 1, origin: origin)
                    }
                }
            }
        }
    }
}

extension MinimumRest: MIPEncodable {
    func encode(into model: inout LinearModel, _ x: AssignmentVariables, _ scenario: Scenario) {
        encodeSuccessions(into: &model, x, scenario)
    }
}

extension ForbiddenSuccession: MIPEncodable {
    func encode(into model: inout LinearModel, _ x: AssignmentVariables, _ scenario: Scenario) {
        encodeSuccessions(into: &model, x, scenario)
    }
}
