import Paiban

/// For every day, slot and demand group: people on duty - people away at lunch + short >= required. A
/// shift from the day before that crosses midnight counts too (the history's last shift on the first day, as
/// a constant). `short` is priced per missing person-slot; slots that would repeat a row are merged into it.
extension Coverage: MIPEncodable {
    func encode(into model: inout LinearModel, _ x: AssignmentVariables, _ scenario: Scenario) {
        let demand = scenario.demand
        // onDuty[day][slot]: the assignment cells on duty in that slot.
        var onDuty = Array(repeating: Array(repeating: [(person: Int, column: Int, shift: Int)](), count: demand.slotsPerDay), count: scenario.dayCount)
        // away[day][slot]: the round counts that take people off the desk in that slot (a pool's member
        // stands for all of it: they count toward the same groups).
        var away = Array(repeating: Array(repeating: [(person: Int, column: Int, shift: Int)](), count: demand.slotsPerDay), count: scenario.dayCount)
        for cell in x.cells {
            for (offset, slot) in scenario.coveredSlots[cell.shift] where cell.day + offset < scenario.dayCount {
                onDuty[cell.day + offset][slot].append((cell.person, cell.column, cell.shift))
            }
        }
        for pool in x.pools {
            for round in pool.rounds {
                for (offset, slot) in scenario.roundSlots[pool.shift][round.index] where pool.day + offset < scenario.dayCount {
                    away[pool.day + offset][slot].append((pool.member, round.column, pool.shift))
                }
            }
        }
        let history = CoverageGrid(Roster(people: scenario.staff.count, days: scenario.dayCount), in: scenario)
        for d in 0..<scenario.dayCount {
            for (g, group) in demand.groups.enumerated() {
                // Slots of a day with the same need and the same people on duty and away are one row, its
                // shortfall priced for all of them: a 15-minute grid (lunch rounds at :45) otherwise repeats
                // each hour's row four times (callcenter-lunch: 8,361 rows, GLPK's parts slowed by them).
                var merged: [Row] = [], index: [Row.Key: Int] = [:]
                for slot in 0..<demand.slotsPerDay {
                    let need = Double(demand.required[d][slot][g] - history.assigned[d][slot][g])
                    guard need > 0 else { continue }
                    let terms = onDuty[d][slot].filter { scenario.counts(person: $0.person, shift: $0.shift, toward: group) }.map { ($0.column, 1.0) }
                        + away[d][slot].filter { scenario.counts(person: $0.person, shift: $0.shift, toward: group) }.map { ($0.column, -1.0) }
                    let key = Row.Key(need: need, columns: terms.map(\.0), signs: terms.map(\.1))
                    let price = Self.slotPenalty(day: d, slot: slot, group: g, in: scenario)
                    if let k = index[key] { merged[k].price += price; continue }
                    index[key] = merged.count
                    merged.append(Row(slot: slot, need: need, terms: terms, price: price))
                }
                for row in merged {
                    let short = model.addColumn("short_\(d)_\(row.slot)_\(g)", upper: row.need, cost: row.price, term: id, anchor: .init(day: d))
                    model.addRow("cover_\(d)_\(row.slot)_\(g)", row.terms + [(short, 1)], lower: row.need)
                }
            }
        }
    }

    /// One cover row: its first slot, the need, who counts, and the price of a missing person in all its slots.
    private struct Row {
        struct Key: Hashable {
            let need: Double
            let columns: [Int]
            let signs: [Double]
        }
        let slot: Int
        let need: Double
        let terms: [(Int, Double)]
        var price: Double
    }
}
