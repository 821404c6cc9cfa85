import Paiban

/// The round counts are part of the variable layout (see MealRoundPool). Here: per group with an away
/// limit, day and lunch slot, away <= count, or away <= most, an integer with most <= share * on duty (one
/// per group and day while the same people are on duty: GLPK then branches on "how many may be away"
/// itself, which an odd count under "at most half" hinges on); "never all away" for counts (and shares of
/// 1 or more) as: for each person on duty, on duty - away - that person >= 0. Under relief a binary
/// `alone`, allowed only while at most one is on duty, adds the one round a lone person may take to each
/// of these rows. The sums of the `most` columns, per group and over all groups, are aggregates for the bound.
extension LunchBreaks: MIPEncodable {
    func encode(into model: inout LinearModel, _ x: AssignmentVariables, _ scenario: Scenario) {
        guard !scenario.rules.awayLimits.isEmpty else { return }
        let slots = Self.mealSlots(in: scenario)
        var sums: [[Int]] = []
        for limit in scenario.rules.awayLimits {
            var mostColumn: [[Int]: Int] = [:]
            for e in 0..<scenario.dayCount {
                for t in slots {
                    var duty: [(Int, Double)] = [], away: [(Int, Double)] = []
                    for cell in x.cells where scenario.staff[cell.person].serves(limit.group) && (cell.day == e || cell.day == e - 1)
                    && scenario.coveredSlots[cell.shift].contains(where: { $0.dayOffset == e - cell.day && $0.slot == t }) {
                        duty.append((cell.column, 1))
                    }
                    for pool in x.pools where scenario.staff[pool.member].serves(limit.group) && (pool.day == e || pool.day == e - 1) {
                        for round in pool.rounds
                        where scenario.roundSlots[pool.shift][round.index].contains(where: { $0.dayOffset == e - pool.day && $0.slot == t }) {
                            away.append((round.column, 1))
                        }
                    }
                    guard !away.isEmpty else { continue }
                    let origin = RowOrigin(rule: id, person: nil, days: [e], text: Text(.rowMealAway, [
                        "group": .verbatim(limit.group), "date": .date(scenario.period.date(e)),
                        "at": .verbatim(Clock.format(scenario.demand.slotStart(t)))]))
                    // alone = 1 only if at most one is on duty: on duty + (cells - 1) * alone <= cells.
                    var alone: [(Int, Double)] = []
                    if limit.relief {
                        let column = model.addColumn("alone_\(limit.group)_\(e)_\(t)", integer: true)
                        model.addRow("alone_\(limit.group)_\(e)_\(t)", duty + [(column, Double(duty.count - 1))], upper: Double(duty.count))
                        alone = [(column, 1)]
                    }
                    var keepOne = false
                    switch limit.limit {
                    case .count(let n):
                        model.addRow("away_\(limit.group)_\(e)_\(t)", away + alone.map { ($0.0, -Double(max(0, 1 - n))) }, upper: Double(n), origin: origin)
                        keepOne = true
                    case .share(let share):
                        let key = duty.map(\.0).sorted()
                        let most = mostColumn[key] ?? {
                            let most = model.addColumn("most_\(limit.group)_\(e)_\(t)", upper: Double(duty.count), integer: true)
                            model.addRow("most_\(limit.group)_\(e)_\(t)", [(most, 1)] + duty.map { ($0.0, -share) }, upper: 0)
                            return most
                        }()
                        mostColumn[key] = most
                        // A lone person under relief: most is 0 then (half of one, rounded down), and alone lets them go.
                        model.addRow("away_\(limit.group)_\(e)_\(t)", away + [(most, -1)] + alone.map { ($0.0, -1) },
                                     upper: 0, origin: origin)
                        keepOne = share >= 1
                    }
                    if keepOne {
                        for (j, _) in duty {
                            model.addRow("keep_\(limit.group)_\(e)_\(t)_\(j)", duty + away.map { ($0.0, -1) } + [(j, -1)] + alone,
                                         lower: 0, origin: origin)
                        }
                    }
                }
            }
            sums.append(Set(mostColumn.values).sorted())
        }
        // "At most half" lets a group's meal-shift count be even only (an odd count cannot all eat in two
        // rounds of half each), so the month's total of meal shifts is even too. The LP spreads an odd total
        // over the days at no cost; the branch on the sum of every "most" closes that (callcenter-lunch:
        // 1367 to 1392, the optimum). It comes first: the groups' own sums are often fractional without
        // being half-way. Each sum once (one limit: the total is the group's).
        for sum in [sums.flatMap { $0 }.sorted()] + sums where sum.count > 1 && !model.aggregates.contains(sum) {
            model.aggregates.append(sum)
        }
    }
}
