/// Hard: nobody works while on leave, on a day off, on a weekday they cannot work, outside their time
/// windows, before they join, or on a shift that does not serve their group.
public struct Availability: Rule {
    public let id = "availability"
    public init() {}

    /// Why person p may not work shift s on day d, or nil if they may. The solver creates no
    /// variable where this returns a reason, so the audit and the model share this one function.
    public static func reason(person p: Int, day d: Int, shift s: Int, in scenario: Scenario) -> Text? {
        let person = scenario.staff[p]
        let date = scenario.period.date(d)
        let shift = scenario.shifts[s]
        if !person.isEmployed(on: date) { return Text(.notJoinedYet, ["start": .date(person.startDate!)]) }
        if let kind = person.leave[date] { return Text(.onApprovedLeave, ["leave": .leaveKind(kind)]) }
        if person.daysOff.contains(date) { return Text(.askedDayUnavailable) }
        if person.unavailableWeekdays.contains(date.weekday) { return Text(.cannotWorkWeekday, ["weekday": .weekday(date.weekday)]) }
        if !person.timeWindows.isEmpty {
            let windows = person.timeWindows.filter { $0.weekdays.isEmpty || $0.weekdays.contains(date.weekday) }
            if windows.isEmpty { return Text(.noWindowOnWeekday, ["weekday": .weekday(date.weekday)]) }
            if !windows.contains(where: { $0.contains(shift) }) {
                return Text(.onlyWithinWindows, ["windows": .list(windows.map { "\(Clock.format($0.from))-\(Clock.format($0.to))" })])
            }
        }
        if !shift.groups.isEmpty && !shift.groups.contains(where: person.serves) {
            return Text(.notInShiftGroup, ["shift": .verbatim(shift.code), "groups": .list(shift.groups)])
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
                        findings.append(Finding(rule: id, severity: .hard, person: p, days: [d], text: Text(.worksWhileUnavailable, [
                            "person": .verbatim(scenario.personName(p)), "shift": .verbatim(scenario.shifts[s].code),
                            "date": .date(date), "reason": .text(why)])))
                    }
                case .leave where scenario.staff[p].leave[date] == nil:
                    findings.append(Finding(rule: id, severity: .hard, person: p, days: [d], text: Text(.leaveWithoutApproval, [
                        "person": .verbatim(scenario.personName(p)), "date": .date(date)])))
                default: break
                }
            }
        }
        return findings
    }
}

import Foundation
