/// Soft: each shift-cover line of the demand (people on one shift type on one day) costs its under-weight
/// per missing person and its over-weight per extra person.
public struct ShiftCoverRule: Rule {
    public let id = "shift-cover"
    public init() {}

    public func audit(_ roster: Roster, in scenario: Scenario) -> [Finding] {
        scenario.demand.shiftCover.compactMap { line in
            let has = scenario.staff.indices.filter { roster[$0, line.day].shift == line.shift }.count
            let short = max(0, line.required - has), extra = max(0, has - line.required)
            let penalty = Double(short) * line.underWeight + Double(extra) * line.overWeight
            guard short > 0 || penalty > 0 else { return nil }   // free extra people are no finding
            return Finding(rule: id, severity: .soft, person: nil, days: [line.day], text: Text(short > 0 ? .shiftCoverShort : .shiftCoverOver, [
                "date": .date(scenario.period.date(line.day)), "shift": .verbatim(scenario.shifts[line.shift].code),
                "need": .number(line.required), "has": .number(has)]), penalty: penalty)
        }
    }
}
