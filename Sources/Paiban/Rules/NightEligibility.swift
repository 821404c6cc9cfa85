/// Hard: only people whose contract allows nights work night shifts.
public struct NightEligibility: Rule {
    public let id = "night-eligibility"
    public init() {}

    public static func forbids(person p: Int, shift s: Int, in scenario: Scenario) -> Bool {
        scenario.isNight(s) && !scenario.staff[p].contract.nightEligible
    }

    public func audit(_ roster: Roster, in scenario: Scenario) -> [Finding] {
        scenario.staff.indices.flatMap { p in
            (0..<scenario.dayCount).compactMap { d -> Finding? in
                guard let s = roster[p, d].shift, Self.forbids(person: p, shift: s, in: scenario) else { return nil }
                return Finding(rule: id, severity: .hard, person: p, days: [d], text: Text(.nightIneligible, [
                    "person": .verbatim(scenario.personName(p)), "shift": .verbatim(scenario.shifts[s].code), "date": .date(scenario.period.date(d))]))
            }
        }
    }
}

import Foundation
