import Paiban

/// For every day, slot and demand group: people on duty + short >= required. A shift from the day
/// before that crosses midnight counts too (the history's last shift on the first day, as a constant).
/// `short` is priced per missing person-slot.
extension Coverage: MIPEncodable {
    func encode(into model: inout LinearModel, _ x: AssignmentVariables, _ scenario: Scenario) {
        let demand = scenario.demand
        // onDuty[day][slot]: the assignment cells on duty in that slot.
        var onDuty = Array(repeating: Array(repeating: [(person: Int, column: Int, shift: Int)](), count: demand.slotsPerDay), count: scenario.dayCount)
        // away[day][slot]: the meal-round columns that take someone off the desk in that slot.
        var away = Array(repeating: Array(repeating: [(person: Int, column: Int, shift: Int)](), count: demand.slotsPerDay), count: scenario.dayCount)
        for cell in x.cells {
            for (offset, slot) in scenario.coveredSlots[cell.shift] where cell.day + offset < scenario.dayCount {
                onDuty[cell.day + offset][slot].append((cell.person, cell.column, cell.shift))
            }
            for round in x.rounds[cell.column] ?? [] {
                for (offset, slot) in scenario.roundSlots[cell.shift][round.index] where cell.day + offset < scenario.dayCount {
                    away[cell.day + offset][slot].append((cell.person, round.column, cell.shift))
                }
            }
        }
        let history = CoverageGrid(Roster(people: scenario.staff.count, days: scenario.dayCount), in: scenario)
        for d in 0..<scenario.dayCount {
            for slot in 0..<demand.slotsPerDay {
                for (g, group) in demand.groups.enumerated() {
                    let need = Double(demand.required[d][slot][g] - history.assigned[d][slot][g])
                    guard need > 0 else { continue }
                    var terms = onDuty[d][slot].filter { scenario.counts(person: $0.person, shift: $0.shift, toward: group) }.map { ($0.column, 1.0) }
                        + away[d][slot].filter { scenario.counts(person: $0.person, shift: $0.shift, toward: group) }.map { ($0.column, -1.0) }
                    terms.append((model.addColumn("short_\(d)_\(slot)_\(g)", upper: need, cost: Self.slotPenalty(day: d, slot: slot, group: g, in: scenario), term: id, anchor: .init(day: d)), 1))
                    model.addRow("cover_\(d)_\(slot)_\(g)", terms, lower: need)
                }
            }
        }
    }
}
