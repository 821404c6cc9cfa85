/// Consecutive working days [004 篇一 4.1]: at most `consecutiveSoft` in principle (each day beyond costs
/// `weights.consecutiveSoft`), never more than `consecutiveHard`. Both limits come from the person's
/// contract, and runs are counted across the start of the period through the history.
public struct ConsecutiveWorkDays: Rule {
    public let id = "consecutive-days"
    public init() {}

    /// A maximal run of worked days, as day offsets (the first may be negative: history).
    public static func runs(of p: Int, in roster: Roster, scenario: Scenario) -> [ClosedRange<Int>] {
        var runs: [ClosedRange<Int>] = []
        var start: Int?
        let first = -scenario.staff[p].history.count
        for d in first...scenario.dayCount {
            let works = d < scenario.dayCount && roster.works(p, d, in: scenario)
            if works, start == nil { start = d }
            if !works, let s = start { runs.append(s...(d - 1)); start = nil }
        }
        return runs.filter { $0.upperBound >= 0 }
    }

    /// Windows of `limit + 1` days that end inside the period and are fully worked in a run: the
    /// measure the model's window sums price, so audit and objective agree day for day.
    public static func excessDays(_ run: ClosedRange<Int>, limit: Int) -> Int {
        max(0, run.upperBound - max(run.lowerBound + limit, 0) + 1)
    }

    /// "1 day" / "2 days" in English, the bare number in Chinese (the template says 天).
    static func daysBefore(_ n: Int) -> Text.Argument { .named(zh: String(n), en: n == 1 ? "1 day" : "\(n) days") }

    public func audit(_ roster: Roster, in scenario: Scenario) -> [Finding] {
        var findings: [Finding] = []
        for p in scenario.staff.indices {
            let contract = scenario.staff[p].contract
            for run in Self.runs(of: p, in: roster, scenario: scenario) {
                let length = run.count
                let days = Array(max(run.lowerBound, 0)...run.upperBound)
                let inPeriod = Text.Argument.days(scenario.period.date(days.first!), scenario.period.date(days.last!))
                let when = run.lowerBound < 0 ? .text(Text(.runWithHistory, ["days": inPeriod, "before": Self.daysBefore(-run.lowerBound)])) : inPeriod
                func text(_ key: Words.Key, limit: Int) -> Text {
                    Text(key, ["person": .verbatim(scenario.personName(p)), "count": .number(length), "days": when, "limit": .number(limit)])
                }
                if Self.excessDays(run, limit: contract.consecutiveHard) > 0 {
                    findings.append(Finding(rule: id, severity: .hard, person: p, days: days,
                                            text: text(.runOverHardLimit, limit: contract.consecutiveHard)))
                }
                // A soft limit equal to the hard one prices nothing (the model has no soft windows then):
                // the run is a hard finding only.
                let excess = contract.consecutiveSoft < contract.consecutiveHard ? Self.excessDays(run, limit: contract.consecutiveSoft) : 0
                if excess > 0 {
                    findings.append(Finding(rule: id, severity: .soft, person: p, days: days,
                                            text: text(.runOverSoftLimit, limit: contract.consecutiveSoft),
                                            penalty: Double(excess) * scenario.rules.weights.consecutiveSoft))
                }
            }
        }
        return findings
    }
}

import Foundation
