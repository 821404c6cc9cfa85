/// A rule about two shifts on consecutive days (rest between them, forbidden pairs). The audit is
/// the same for all of them; each rule says only which pairs it forbids and why.
public protocol SuccessionRule: Rule {
    /// Why shift `later` may not follow shift `earlier` on the next day, or nil if it may.
    func forbids(_ earlier: Int, then later: Int, in scenario: Scenario) -> Text?
}

extension SuccessionRule {
    public func audit(_ roster: Roster, in scenario: Scenario) -> [Finding] {
        var findings: [Finding] = []
        for p in scenario.staff.indices {
            for d in -1..<(scenario.dayCount - 1) {
                guard let a = roster.shift(p, d, in: scenario), let b = roster.shift(p, d + 1, in: scenario),
                      let why = forbids(a, then: b, in: scenario) else { continue }
                findings.append(Finding(rule: id, severity: .hard, person: p, days: [d, d + 1], text: Text(.successionBroken, [
                    "person": .verbatim(scenario.personName(p)),
                    "first": .verbatim(scenario.shifts[a].code), "firstDay": d < 0 ? .text(Text(.dayBeforePeriod)) : .date(scenario.period.date(d)),
                    "second": .verbatim(scenario.shifts[b].code), "secondDay": .date(scenario.period.date(d + 1)), "reason": .text(why)])))
            }
        }
        return findings
    }
}

/// Hard: at least `minRestHours` between the end of one shift and the start of the next.
public struct MinimumRest: SuccessionRule {
    public let id = "minimum-rest"
    public init() {}

    public func forbids(_ earlier: Int, then later: Int, in scenario: Scenario) -> Text? {
        guard let minimum = scenario.rules.minRestHours else { return nil }
        let rest = scenario.shifts[earlier].restHours(before: scenario.shifts[later])
        guard rest < minimum else { return nil }
        return Text(.restTooShort, ["rest": .verbatim(MonthlyHours.hours(rest * 60)), "minimum": .verbatim(MonthlyHours.hours(minimum * 60))])
    }
}

/// Hard: successions the scenario forbids outright (night then morning).
public struct ForbiddenSuccession: SuccessionRule {
    public let id = "forbidden-succession"
    public init() {}

    public func forbids(_ earlier: Int, then later: Int, in scenario: Scenario) -> Text? {
        scenario.rules.forbiddenSuccessions.contains(.init(first: earlier, then: later)) ? Text(.successionForbidden) : nil
    }
}

import Foundation
