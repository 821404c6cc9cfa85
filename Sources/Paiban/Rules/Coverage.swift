/// Soft: every slot has the headcount demand asks for, per group. A short slot costs
/// `weights.underCover` per missing person-hour times the demand line's weight, so a short-staffed
/// month still gets a roster.
public struct Coverage: Rule {
    public let id = "under-cover"
    public init() {}

    /// Objective cost of one missing person in one slot.
    public static func slotPenalty(day: Int, slot: Int, group: Int, in scenario: Scenario) -> Double {
        scenario.rules.weights.underCover * Double(scenario.demand.slotMinutes) / 60 * scenario.demand.weight[day][slot][group]
    }

    /// How many people could be on duty in a slot at all (leave, days off, time windows, night eligibility
    /// and group allowing), whatever else the roster does: tells a shortage of people from a roster that
    /// placed them badly.
    public static func available(day d: Int, slot: Int, group g: Int, in scenario: Scenario) -> Int {
        let group = scenario.demand.groups[g]
        return scenario.staff.indices.filter { p in
            scenario.shifts.indices.contains { s in
                guard scenario.counts(person: p, shift: s, toward: group) else { return false }
                return scenario.coveredSlots[s].contains { offset, covered in
                    let start = d - offset
                    guard covered == slot, start < scenario.dayCount else { return false }
                    if start < 0 { return scenario.staff[p].history.last == s && start == -1 }
                    return Availability.reason(person: p, day: start, shift: s, in: scenario) == nil
                        && !NightEligibility.forbids(person: p, shift: s, in: scenario)
                }
            }
        }.count
    }

    /// One finding per day, group and run of consecutive short slots.
    public func audit(_ roster: Roster, in scenario: Scenario) -> [Finding] {
        let grid = CoverageGrid(roster, in: scenario)
        let demand = scenario.demand
        var findings: [Finding] = []
        for d in 0..<scenario.dayCount {
            for g in demand.groups.indices {
                var slot = 0
                while slot < demand.slotsPerDay {
                    guard grid.short(day: d, slot: slot, group: g, demand: demand) > 0 else { slot += 1; continue }
                    let first = slot
                    var penalty = 0.0, worst = 0
                    while slot < demand.slotsPerDay, case let s = grid.short(day: d, slot: slot, group: g, demand: demand), s > 0 {
                        penalty += Double(s) * Self.slotPenalty(day: d, slot: slot, group: g, in: scenario)
                        worst = max(worst, s)
                        slot += 1
                    }
                    var arguments: [String: Text.Argument] = [
                        "date": .date(scenario.period.date(d)), "from": .verbatim(Clock.format(demand.slotStart(first))),
                        "to": .verbatim(Clock.format(demand.slotStart(slot))), "short": .number(worst),
                        "need": .number(demand.required[d][first][g]), "has": .number(grid.assigned[d][first][g]),
                        "at": .verbatim(Clock.format(demand.slotStart(first))),
                        "could": .number(Self.available(day: d, slot: first, group: g, in: scenario))]
                    let anyGroup = demand.groups[g] == Demand.anyGroup
                    if !anyGroup { arguments["group"] = .verbatim(demand.groups[g]) }
                    findings.append(Finding(rule: id, severity: .soft, person: nil, days: [d],
                                            text: Text(anyGroup ? .coverShort : .groupCoverShort, arguments), penalty: penalty))
                }
            }
        }
        return findings
    }
}

import Foundation
