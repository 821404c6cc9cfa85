import Paiban

/// A wanted shift costs weight * (1 - x), an avoided shift weight * x, a wanted day off weight * (worked).
extension Requests: MIPEncodable {
    func encode(into model: inout LinearModel, _ x: AssignmentVariables, _ scenario: Scenario) {
        for r in scenario.requests {
            switch r.kind {
            case .wantShift(let s):
                model.addConstant(r.weight, to: id)
                if let j = x.x(r.person, r.day, s) { model.addCost(-r.weight, to: j, term: id) }
            case .avoidShift(let s):
                if let j = x.x(r.person, r.day, s) { model.addCost(r.weight, to: j, term: id) }
            case .dayOff:
                for (j, _) in x.work(r.person, r.day) { model.addCost(r.weight, to: j, term: id) }
            }
        }
    }
}
