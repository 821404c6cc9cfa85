/// Hard: at most the contract's `maxWeekends` weekends with any work over the period. A weekend is a
/// Saturday and the Sunday after it; one cut by the period's edge counts by its days inside.
public struct WeekendsWorked: Rule {
    public let id = "weekends"
    public init() {}

    /// The period's weekends, each as its day offsets inside the period (one or two days).
    public static func weekends(in scenario: Scenario) -> [[Int]] {
        let days = 0..<scenario.dayCount
        guard let firstSunday = days.first(where: { scenario.period.date($0).weekday == 7 }) else {
            return days.last.map { scenario.period.date($0).weekday == 6 ? [[$0]] : [] } ?? []
        }
        return stride(from: firstSunday - 1, to: scenario.dayCount, by: 7).map { saturday in
            [saturday, saturday + 1].filter(days.contains)
        }
    }

    public func audit(_ roster: Roster, in scenario: Scenario) -> [Finding] {
        let weekends = Self.weekends(in: scenario)
        return scenario.staff.indices.compactMap { p in
            guard let cap = scenario.staff[p].contract.maxWeekends else { return nil }
            let worked = weekends.filter { $0.contains { roster.works(p, $0, in: scenario) } }
            guard worked.count > cap else { return nil }
            return Finding(rule: id, severity: .hard, person: p, days: worked.flatMap { $0 }, text: Text(.weekendsOverCap, [
                "person": .verbatim(scenario.personName(p)), "count": .number(worked.count), "cap": .number(cap),
                "dates": .list(worked.map { scenario.period.date($0[0]).iso })]))
        }
    }
}
