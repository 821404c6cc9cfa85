/// Hard: at most `maxNights` night shifts per person per calendar month, as the supervisor's notice sets.
public struct NightCap: Rule {
    public let id = "night-cap"
    public init() {}

    public func audit(_ roster: Roster, in scenario: Scenario) -> [Finding] {
        var findings: [Finding] = []
        for p in scenario.staff.indices {
            guard let cap = scenario.staff[p].contract.maxNights else { continue }
            for span in scenario.period.monthSpans {
                let nights = span.days.filter { roster[p, $0].shift.map(scenario.isNight) ?? false }
                if nights.count > cap {
                    findings.append(Finding(rule: id, severity: .hard, person: p, days: nights, text: Text(.nightsOverCap, [
                        "person": .verbatim(scenario.personName(p)), "count": .number(nights.count), "month": .month(span), "cap": .number(cap)])))
                }
            }
        }
        return findings
    }
}

/// Soft: nights spread fairly. Each person's k-th night of the period costs (k-1) units of
/// `weights.nightFairness`, so moving a night from someone with many to someone with few always pays.
/// The price is convex and linear between whole numbers, which keeps the LP bound tight.
public struct NightFairness: Rule {
    public let id = "night-fairness"
    public init() {}

    public static func units(nights n: Int) -> Int { n * (n - 1) / 2 }

    public func audit(_ roster: Roster, in scenario: Scenario) -> [Finding] {
        let weight = scenario.rules.weights.nightFairness
        guard weight > 0 else { return [] }
        let counts = scenario.staff.indices.map { p in (0..<scenario.dayCount).filter { roster[p, $0].shift.map(scenario.isNight) ?? false }.count }
        let units = counts.reduce(0) { $0 + Self.units(nights: $1) }
        guard units > 0, let most = counts.indices.max(by: { counts[$0] < counts[$1] }) else { return [] }
        let eligible = scenario.staff.indices.filter { scenario.staff[$0].contract.nightEligible }
        let fewest = eligible.min(by: { counts[$0] < counts[$1] }) ?? most
        return [Finding(rule: id, severity: .soft, person: nil, days: [], text: Text(.nightsSpread, [
                            "fewest": .number(counts[fewest]), "fewestPerson": .verbatim(scenario.personName(fewest)),
                            "most": .number(counts[most]), "mostPerson": .verbatim(scenario.personName(most)), "units": .number(units)]),
                        penalty: Double(units) * weight)]
    }
}

import Foundation
