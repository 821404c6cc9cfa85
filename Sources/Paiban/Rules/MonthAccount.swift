/// A person's days in one calendar month of the period: the basis of the monthly rules
/// (rest days, hours band, night cap), which prorate their numbers when the period or the
/// person's start date covers only part of the month.
public struct MonthAccount: Sendable {
    /// Days on the team (from the start date on), leave included.
    public let employedDays: [Int]
    /// Employed days that are not leave: the days the person could work or rest.
    public let availableDays: [Int]
    public let leaveDays: Int
    public let span: Period.MonthSpan

    public init(person p: Int, span: Period.MonthSpan, in scenario: Scenario) {
        let person = scenario.staff[p]
        employedDays = span.days.filter { person.isEmployed(on: scenario.period.date($0)) }
        availableDays = employedDays.filter { person.leave[scenario.period.date($0)] == nil }
        leaveDays = employedDays.count - availableDays.count
        self.span = span
    }

    /// Share of the calendar month this account covers.
    public var share: Double { Double(employedDays.count) / Double(span.daysInMonth) }
}

import Foundation
