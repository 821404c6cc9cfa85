/// Hard: nobody works while on leave, on a day off, on a weekday they cannot work, outside their time
/// windows, before they join, or on a shift that does not serve their group.
public struct Availability: Rule {
    public let id = "availability"
    public init() {}

    /// Why person p may not work shift s on day d, or nil if they may. The solver creates no
    /// variable where this returns a reason, so the audit and the model share this one function.
    public static func reason(person p: Int, day d: Int, shift s: Int, in scenario: Scenario) -> String? {
        let person = scenario.staff[p]
        let date = scenario.period.date(d)
        let shift = scenario.shifts[s]
        if !person.isEmployed(on: date) { return "has not joined yet (starts \(person.startDate!.short))" }
        if let kind = person.leave[date] { return "is on approved \(kind) leave" }
        if person.daysOff.contains(date) { return "has asked for this day off as unavailable" }
        if person.unavailableWeekdays.contains(date.weekday) { return "cannot work on \(Weekday.names[date.weekday - 1])" }
        if !person.timeWindows.isEmpty {
            let windows = person.timeWindows.filter { $0.weekdays.isEmpty || $0.weekdays.contains(date.weekday) }
            if windows.isEmpty { return "is not available on \(Weekday.names[date.weekday - 1])" }
            if !windows.contains(where: { $0.contains(shift) }) { return "is available only \(windows.map { "\(Clock.format($0.from))-\(Clock.format($0.to))" }.joined(separator: ", ")) that day" }
        }
        if !shift.groups.isEmpty && !shift.groups.contains(where: person.serves) {
            return "is not in a group that shift \(shift.code) serves (\(shift.groups.joined(separator: ", ")))"
        }
        return nil
    }

    public func audit(_ roster: Roster, in scenario: Scenario) -> [Finding] {
        var findings: [Finding] = []
        for p in scenario.staff.indices {
            for d in 0..<scenario.dayCount {
                let date = scenario.period.date(d)
                switch roster[p, d] {
                case .work(let s):
                    if let why = Self.reason(person: p, day: d, shift: s, in: scenario) {
                        findings.append(Finding(rule: id, severity: .hard, person: p, days: [d],
                                                message: "\(scenario.personName(p)) works \(scenario.shifts[s].code) on \(date.short) but \(why)"))
                    }
                case .leave where scenario.staff[p].leave[date] == nil:
                    findings.append(Finding(rule: id, severity: .hard, person: p, days: [d],
                                            message: "\(scenario.personName(p)) is on leave on \(date.short) without approved leave"))
                default: break
                }
            }
        }
        return findings
    }
}

import Foundation
