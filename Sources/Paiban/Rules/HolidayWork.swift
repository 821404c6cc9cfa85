/// Work on a statutory holiday (法定假日) is allowed but paid triple [004 篇一 4.1]: the audit flags every
/// such day for payroll, with the premium from the scenario's day-rate formula. It costs nothing in the
/// objective (cover comes first), so it is a soft finding with penalty 0.
public struct HolidayWork: Rule {
    public let id = "holiday-work"
    public init() {}

    public func audit(_ roster: Roster, in scenario: Scenario) -> [Finding] {
        var findings: [Finding] = []
        for p in scenario.staff.indices {
            let contract = scenario.staff[p].contract
            let rate = scenario.rules.holidayDayRate.evaluate(base: contract.basePay, performance: contract.performancePay)
            for d in 0..<scenario.dayCount {
                let date = scenario.period.date(d)
                guard let s = roster[p, d].shift, scenario.calendar.isStatutoryHoliday(date) else { continue }
                let holiday: Text.Argument = scenario.calendar.holidayName(date).map { .named(zh: $0.zh, en: $0.en) } ?? .text(Text(.statutoryHoliday))
                let premium = rate * scenario.rules.holidayPayMultiplier
                findings.append(Finding(rule: id, severity: .soft, person: p, days: [d], text: Text(.holidayWork, [
                    "person": .verbatim(scenario.personName(p)), "shift": .verbatim(scenario.shifts[s].code), "date": .date(date),
                    "holiday": holiday, "multiplier": .verbatim(MonthlyHours.hours(scenario.rules.holidayPayMultiplier * 60)),
                    "premium": .verbatim(String(format: "%.2f", premium))])))
            }
        }
        return findings
    }
}

import Foundation
