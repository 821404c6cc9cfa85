/// Hard: no stretch of working days shorter than the contract's `minConsecutiveWork`, and no stretch of
/// days off shorter than `minConsecutiveOff` (a single day off between two runs is no rest at all).
/// A stretch is judged only when the days on both sides of it are known: inside the period, or before
/// it through the history. One that touches the period's end may go on in the next period.
public struct MinimumStretch: Rule {
    public enum Kind: Sendable { case work, off }

    public let kind: Kind
    public var id: String { kind == .work ? "min-work-stretch" : "min-off-stretch" }
    public init(_ kind: Kind) { self.kind = kind }

    public func minimum(_ contract: Contract) -> Int {
        kind == .work ? contract.minConsecutiveWork : contract.minConsecutiveOff
    }

    /// Whether day d (of the period or the history) is of this stretch's kind; nil when unknown (before the history).
    public func isOfKind(_ roster: Roster, person p: Int, day d: Int, in scenario: Scenario) -> Bool? {
        guard d >= -scenario.staff[p].history.count else { return nil }
        return roster.works(p, d, in: scenario) == (kind == .work)
    }

    /// Maximal stretches of this kind that touch the period and have a known day on both sides.
    public func judgedStretches(of p: Int, in roster: Roster, scenario: Scenario) -> [ClosedRange<Int>] {
        var stretches: [ClosedRange<Int>] = []
        var start: Int?
        let first = -scenario.staff[p].history.count
        for d in first..<scenario.dayCount {
            let inside = isOfKind(roster, person: p, day: d, in: scenario) == true
            if inside, start == nil { start = d }
            if !inside, let s = start {
                // The day before s is known when s is not the first known day; the day after is d.
                if s > first, d - 1 >= 0 { stretches.append(s...(d - 1)) }
                start = nil
            }
        }
        return stretches
    }

    public func audit(_ roster: Roster, in scenario: Scenario) -> [Finding] {
        var findings: [Finding] = []
        for p in scenario.staff.indices {
            let least = minimum(scenario.staff[p].contract)
            guard least > 1 else { continue }
            for stretch in judgedStretches(of: p, in: roster, scenario: scenario) where stretch.count < least {
                let days = Array(max(stretch.lowerBound, 0)...stretch.upperBound)
                let inPeriod = Text.Argument.days(scenario.period.date(days.first!), scenario.period.date(days.last!))
                let when = stretch.lowerBound < 0
                    ? .text(Text(.runWithHistory, ["days": inPeriod, "before": ConsecutiveWorkDays.daysBefore(-stretch.lowerBound)])) : inPeriod
                findings.append(Finding(rule: id, severity: .hard, person: p, days: days, text: Text(kind == .work ? .workStretchTooShort : .offStretchTooShort, [
                    "person": .verbatim(scenario.personName(p)), "count": .number(stretch.count), "days": when, "limit": .number(least)])))
            }
        }
        return findings
    }
}
