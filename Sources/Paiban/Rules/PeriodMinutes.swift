/// Hard: paid time over the whole period between the contract's `periodMinutesMin` and
/// `periodMinutesMax` ("between 56 and 72 hours in these two weeks"). Unlike the monthly band it
/// credits no leave: it is the time actually worked.
public struct PeriodMinutes: Rule {
    public let id = "period-minutes"
    public init() {}

    public static func bounds(_ contract: Contract) -> (min: Int?, max: Int?)? {
        contract.periodMinutesMin == nil && contract.periodMinutesMax == nil ? nil : (contract.periodMinutesMin, contract.periodMinutesMax)
    }

    public func audit(_ roster: Roster, in scenario: Scenario) -> [Finding] {
        scenario.staff.indices.compactMap { p in
            guard let (least, most) = Self.bounds(scenario.staff[p].contract) else { return nil }
            let days = (0..<scenario.dayCount).filter { roster[p, $0].shift != nil }
            let worked = days.reduce(0) { $0 + scenario.shifts[roster[p, $1].shift!].paidMinutes }
            guard worked < (least ?? 0) || worked > (most ?? .max) else { return nil }
            return Finding(rule: id, severity: .hard, person: p, days: days, text: Text(.periodMinutesOutside, [
                "person": .verbatim(scenario.personName(p)), "minutes": .number(worked),
                "low": .number(least ?? 0), "high": most.map { .number($0) } ?? .verbatim("∞")]))
        }
    }
}
