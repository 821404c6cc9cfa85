/// Hard, for contracts with `bigSmallWeeks` (supervisors, [004 篇一 4.1]): every full Monday-Sunday week
/// of the period has one or two rest days, and consecutive full weeks alternate (大小周). Weeks cut by the
/// period's edges are not judged (their other days belong to another roster), nor weeks with leave.
public struct BigSmallWeeks: Rule {
    public let id = "big-small-weeks"
    public init() {}

    /// The full weeks of the period as day-offset ranges.
    public static func fullWeeks(in period: Period) -> [Range<Int>] {
        let first = (8 - period.start.weekday) % 7   // offset of the first Monday
        return stride(from: first, through: period.dayCount - 7, by: 7).map { $0..<($0 + 7) }
    }

    /// The weeks judged for person p: full weeks in which every day is on the team and not on leave
    /// (a week of leave has no rest days to count). `alternates` says the week before was judged too.
    public static func judgedWeeks(_ p: Int, in scenario: Scenario) -> [(days: Range<Int>, alternates: Bool)] {
        var judged: [(Range<Int>, Bool)] = []
        var previousJudged = false
        for week in fullWeeks(in: scenario.period) {
            let open = week.allSatisfy { d in
                let date = scenario.period.date(d)
                return scenario.staff[p].isEmployed(on: date) && scenario.staff[p].leave[date] == nil
            }
            if open { judged.append((week, previousJudged)) }
            previousJudged = open
        }
        return judged
    }

    public func audit(_ roster: Roster, in scenario: Scenario) -> [Finding] {
        var findings: [Finding] = []
        for p in scenario.staff.indices where scenario.staff[p].contract.bigSmallWeeks {
            let weeks = Self.judgedWeeks(p, in: scenario)
            let rests = weeks.map { week in week.days.filter { !roster.works(p, $0, in: scenario) }.count }
            for (k, (week, alternates)) in weeks.enumerated() {
                func text(_ key: Words.Key) -> Text {
                    Text(key, ["person": .verbatim(scenario.personName(p)), "rest": .number(rests[k]),
                               "days": .days(scenario.period.date(week.lowerBound), scenario.period.date(week.upperBound - 1))])
                }
                if !(1...2).contains(rests[k]) {
                    findings.append(Finding(rule: id, severity: .hard, person: p, days: Array(week), text: text(.weekRestDays)))
                } else if alternates, rests[k] == rests[k - 1] {
                    findings.append(Finding(rule: id, severity: .hard, person: p, days: Array(week), text: text(.weekNotAlternating)))
                }
            }
        }
        return findings
    }
}

import Foundation
