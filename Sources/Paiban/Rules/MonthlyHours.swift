/// Hard: paid hours per calendar month within target plus or minus tolerance, the comprehensive
/// working-hours system [004 篇一 4.1]. Leave days are credited with `leaveCreditMinutes`; the target is
/// prorated by the share of the month the person is on the team within the period.
public struct MonthlyHours: Rule {
    public let id = "monthly-hours"
    public init() {}

    /// Allowed paid minutes, nil when the contract sets no target.
    public static func band(_ account: MonthAccount, contract: Contract) -> ClosedRange<Double>? {
        guard contract.hoursTarget > 0, !account.employedDays.isEmpty else { return nil }
        let target = contract.hoursTarget * 60 * account.share
        let tolerance = contract.hoursTolerance * 60
        return max(0, target - tolerance)...(target + tolerance)
    }

    public static func creditedMinutes(_ account: MonthAccount, in scenario: Scenario) -> Double {
        Double(account.leaveDays * scenario.rules.leaveCreditMinutes)
    }

    public func audit(_ roster: Roster, in scenario: Scenario) -> [Finding] {
        var findings: [Finding] = []
        for p in scenario.staff.indices {
            for span in scenario.period.monthSpans {
                let account = MonthAccount(person: p, span: span, in: scenario)
                guard let band = Self.band(account, contract: scenario.staff[p].contract) else { continue }
                let worked = account.availableDays.compactMap { roster.shift(p, $0, in: scenario) }
                    .reduce(0.0) { $0 + Double(scenario.shifts[$1].paidMinutes) }
                let total = worked + Self.creditedMinutes(account, in: scenario)
                // Minutes are whole numbers; the tolerance absorbs the float noise of prorating.
                if total < band.lowerBound - 1e-6 || total > band.upperBound + 1e-6 {
                    findings.append(Finding(rule: id, severity: .hard, person: p, days: account.employedDays, text: Text(.hoursOutsideBand, [
                        "person": .verbatim(scenario.personName(p)), "hours": .verbatim(Self.hours(total)), "month": .month(span),
                        "low": .verbatim(Self.hours(band.lowerBound)), "high": .verbatim(Self.hours(band.upperBound))])))
                }
            }
        }
        return findings
    }

    public static func hours(_ minutes: Double) -> String {
        let h = minutes / 60
        return h == h.rounded() ? String(Int(h)) : String(format: "%.1f", h)
    }
}

import Foundation
