/// Hard: at least `restDaysPerMonth` days neither worked nor on leave in each calendar month [004 篇一 4.1].
/// For part of a month (the period's edges, a start date, leave) the number is prorated and rounded down.
public struct RestDaysPerMonth: Rule {
    public let id = "rest-days"
    public init() {}

    public static func required(_ account: MonthAccount, contract: Contract) -> Int {
        Int((Double(contract.restDaysPerMonth * account.availableDays.count) / Double(account.span.daysInMonth)).rounded(.down))
    }

    public func audit(_ roster: Roster, in scenario: Scenario) -> [Finding] {
        var findings: [Finding] = []
        for p in scenario.staff.indices {
            for span in scenario.period.monthSpans {
                let account = MonthAccount(person: p, span: span, in: scenario)
                let need = Self.required(account, contract: scenario.staff[p].contract)
                let rest = account.availableDays.filter { !roster.works(p, $0, in: scenario) }.count
                if rest < need {
                    findings.append(Finding(rule: id, severity: .hard, person: p, days: account.availableDays, text: Text(.tooFewRestDays, [
                        "person": .verbatim(scenario.personName(p)), "rest": .number(rest), "month": .month(span), "need": .number(need)])))
                }
            }
        }
        return findings
    }
}

import Foundation
