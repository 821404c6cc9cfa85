/// Hard, for shifts with a meal break [002]: everyone on such a shift takes exactly one round at one of the
/// shift's allowed starts; and of each group with an away limit, no more may be at lunch at once than the
/// limit allows (never all of those on duty). Relief stays within the group: cover is counted per group.
public struct LunchBreaks: Rule {
    public let id = "lunch-break"
    public init() {}

    /// People of the group on duty in a slot, and those of them away at lunch.
    public static func onDutyAndAway(group: String, day e: Int, slot t: Int, in roster: Roster, scenario: Scenario) -> (onDuty: Int, away: Int) {
        var onDuty = 0, away = 0
        for p in scenario.staff.indices where scenario.staff[p].serves(group) {
            for d in [e, e - 1] where d >= 0 {
                guard let s = roster[p, d].shift, scenario.coveredSlots[s].contains(where: { $0.dayOffset == e - d && $0.slot == t }) else { continue }
                onDuty += 1
                if let start = roster.breaks[p][d], let round = scenario.shifts[s].meal?.rounds.firstIndex(of: start),
                   scenario.roundSlots[s][round].contains(where: { $0.dayOffset == e - d && $0.slot == t }) { away += 1 }
            }
        }
        return (onDuty, away)
    }

    /// Slots of the day in which some meal round can fall: where the away limits are checked. Rounds
    /// after midnight (a night shift's meal) are not limited.
    public static func mealSlots(in scenario: Scenario) -> [Int] {
        Set(scenario.roundSlots.flatMap { $0.flatMap { $0.filter { $0.dayOffset == 0 }.map(\.slot) } }).sorted()
    }

    public func audit(_ roster: Roster, in scenario: Scenario) -> [Finding] {
        var findings: [Finding] = []
        for p in scenario.staff.indices {
            for d in 0..<scenario.dayCount {
                let shift = roster[p, d].shift.map { scenario.shifts[$0] }
                let args: [String: Text.Argument] = ["person": .verbatim(scenario.personName(p)), "date": .date(scenario.period.date(d)),
                                                     "shift": .verbatim(shift?.code ?? "")]
                switch (shift?.meal, roster.breaks[p][d]) {
                case (let meal?, nil):
                    _ = meal
                    findings.append(Finding(rule: id, severity: .hard, person: p, days: [d], text: Text(.mealRoundMissing, args)))
                case (let meal?, let start?) where !meal.rounds.contains(start):
                    var more = args
                    more["start"] = .verbatim(Clock.format(start))
                    more["rounds"] = .verbatim(meal.rounds.map(Clock.format).joined(separator: ", "))
                    findings.append(Finding(rule: id, severity: .hard, person: p, days: [d], text: Text(.mealRoundNotAllowed, more)))
                case (nil, _?):
                    findings.append(Finding(rule: id, severity: .hard, person: p, days: [d], text: Text(.mealRoundWithoutMeal, args)))
                default: break
                }
            }
        }
        let slots = Self.mealSlots(in: scenario)
        for limit in scenario.rules.awayLimits {
            for day in 0..<scenario.dayCount {
                for t in slots {
                    let (onDuty, away) = Self.onDutyAndAway(group: limit.group, day: day, slot: t, in: roster, scenario: scenario)
                    let most = limit.most(onDuty: onDuty)
                    guard away > most else { continue }
                    findings.append(Finding(rule: id, severity: .hard, person: nil, days: [day], text: Text(.tooManyAway, [
                        "date": .date(scenario.period.date(day)), "at": .verbatim(Clock.format(scenario.demand.slotStart(t))),
                        "group": .verbatim(limit.group), "away": .number(away), "onDuty": .number(onDuty), "most": .number(most)])))
                }
            }
        }
        return findings
    }
}

import Foundation
