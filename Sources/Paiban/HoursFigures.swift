/// Hours and pay per person for one roster, as HR reads them under the comprehensive working-hours
/// system (综合计算工时): paid hours against the monthly target, rest days, nights, weekend and statutory
/// holiday work with its premium, and the hours over target that become comp time or overtime pay.
public struct HoursFigures: Sendable {
    public struct Person: Sendable, Codable {
        public var employeeId: String
        public var name: String
        public var daysWorked: Int
        public var paidHours: Double
        /// The prorated monthly target(s) and band over the period.
        public var targetHours: Double
        public var bandLow: Double
        public var bandHigh: Double
        public var leaveDays: Int
        public var restDays: Int
        public var smallNights: Int
        public var bigNights: Int
        public var weekendDaysWorked: Int
        public var holidayDates: [String]
        public var holidayDayRate: Double
        public var holidayPremium: Double
        /// Paid hours (holiday work excluded: it is paid at the holiday rate) plus leave credit above target.
        public var overtimeHours: Double
        /// Overtime as days of comp time (调休), at 8 hours a day.
        public var compTimeOwedDays: Double
    }

    public let people: [Person]

    public init(_ roster: Roster, in scenario: Scenario, isStatutoryHoliday: (CivilDate) -> Bool) {
        people = scenario.staff.indices.map { p in
            let person = scenario.staff[p]
            var figures = Person(employeeId: person.id, name: person.name, daysWorked: 0, paidHours: 0, targetHours: 0,
                                 bandLow: 0, bandHigh: 0, leaveDays: 0, restDays: 0, smallNights: 0, bigNights: 0,
                                 weekendDaysWorked: 0, holidayDates: [], holidayDayRate: 0, holidayPremium: 0,
                                 overtimeHours: 0, compTimeOwedDays: 0)
            figures.holidayDayRate = scenario.rules.holidayDayRate.evaluate(base: person.contract.basePay, performance: person.contract.performancePay)
            for span in scenario.period.monthSpans {
                let account = MonthAccount(person: p, span: span, in: scenario)
                var ordinaryMinutes = 0.0
                // Work is paid wherever the roster shows it, also on a day the audit flags (leave, before
                // the start date); rest days are counted on the days the person could have worked.
                for d in span.days {
                    let date = scenario.period.date(d)
                    guard let s = roster.shift(p, d, in: scenario) else {
                        if account.availableDays.contains(d) { figures.restDays += 1 }
                        continue
                    }
                    let shift = scenario.shifts[s]
                    figures.daysWorked += 1
                    figures.paidHours += Double(shift.paidMinutes) / 60
                    if shift.nightKind == .small { figures.smallNights += 1 }
                    if shift.nightKind == .big { figures.bigNights += 1 }
                    if date.isWeekend { figures.weekendDaysWorked += 1 }
                    if isStatutoryHoliday(date) {
                        figures.holidayDates.append(date.iso)
                        figures.holidayPremium += figures.holidayDayRate * scenario.rules.holidayPayMultiplier
                    } else {
                        ordinaryMinutes += Double(shift.paidMinutes)
                    }
                }
                figures.leaveDays += account.leaveDays
                let credit = MonthlyHours.creditedMinutes(account, in: scenario)
                if let band = MonthlyHours.band(account, contract: person.contract) {
                    let target = person.contract.hoursTarget * 60 * account.share
                    figures.targetHours += target / 60
                    figures.bandLow += band.lowerBound / 60
                    figures.bandHigh += band.upperBound / 60
                    figures.overtimeHours += max(0, ordinaryMinutes + credit - target) / 60
                }
            }
            figures.compTimeOwedDays = figures.overtimeHours / 8
            return figures
        }
    }
}

import Foundation
