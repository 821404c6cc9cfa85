/// Hard, for the shifts the scenario names in `rules.handover_shifts` [002]: whoever closes such a shift
/// works the next day, so that the handover happens ("the person resting tomorrow is not the one closing
/// tonight's evening duty"). The last day of the period is not judged: its next day is another roster's.
public struct Handover: Rule {
    public let id = "handover"
    public init() {}

    public func audit(_ roster: Roster, in scenario: Scenario) -> [Finding] {
        var findings: [Finding] = []
        for p in scenario.staff.indices {
            for d in 0..<(scenario.dayCount - 1) {
                guard let s = roster[p, d].shift, scenario.rules.handoverShifts.contains(s), roster[p, d + 1].shift == nil else { continue }
                findings.append(Finding(rule: id, severity: .hard, person: p, days: [d, d + 1], text: Text(.handoverMissing, [
                    "person": .verbatim(scenario.personName(p)), "shift": .verbatim(scenario.shifts[s].code),
                    "date": .date(scenario.period.date(d)), "next": .date(scenario.period.date(d + 1))])))
            }
        }
        return findings
    }
}

import Foundation
