/// Hard: per person and shift type, at most the contract's `maxShifts` over the whole period
/// ("at most 10 nights this roster"; 0 means the type is not for this person).
public struct ShiftCaps: Rule {
    public let id = "shift-caps"
    public init() {}

    public func audit(_ roster: Roster, in scenario: Scenario) -> [Finding] {
        var findings: [Finding] = []
        for p in scenario.staff.indices {
            for (s, cap) in scenario.staff[p].contract.maxShifts.sorted(by: { $0.key < $1.key }) {
                let days = (0..<scenario.dayCount).filter { roster[p, $0].shift == s }
                guard days.count > cap else { continue }
                findings.append(Finding(rule: id, severity: .hard, person: p, days: days, text: Text(.shiftsOverCap, [
                    "person": .verbatim(scenario.personName(p)), "count": .number(days.count), "shift": .verbatim(scenario.shifts[s].code),
                    "cap": .number(cap)])))
            }
        }
        return findings
    }
}
