import Paiban

/// Meal rounds are chosen per pool, not per person. A pool is everyone who may work one meal shift on one
/// day and who counts toward the same groups (cover and away limits): which of them takes which round
/// changes no row of the model, so the model holds only how many of the pool take each round, one integer
/// column per round start. With a binary per person and round instead, GLPK branched among
/// interchangeable people (callcenter-lunch: 8,837 integer columns, 5,912 of them rounds), and every roster
/// had thousands of twins. The rounds are integer helpers, not decisions: whatever fixes the assignments
/// (a neighbourhood, the settler) chooses the counts that go best with them.
struct MealRoundPool {
    let day: Int
    let shift: Int
    /// The members' assignment columns, and the members, in the same order.
    let cells: [Int]
    let people: [Int]
    /// One integer column per allowed round start: how many of those working the shift take that round.
    let rounds: [(column: Int, start: MinuteOfDay, index: Int)]

    /// Any member: they all count toward the same groups.
    var member: Int { people[0] }

    /// The pools of a scenario's meal shifts, day by day, with their rows: the round counts add up to the
    /// members who work the shift.
    static func make(_ scenario: Scenario, column: [[[Int?]]], into model: inout LinearModel) -> [MealRoundPool] {
        let signature = scenario.staff.indices.map { scenario.groupSignature(of: $0) }
        var pools: [MealRoundPool] = []
        for d in 0..<scenario.dayCount {
            for s in scenario.shifts.indices {
                guard let meal = scenario.shifts[s].meal, !meal.rounds.isEmpty else { continue }
                var members: [[Bool]: [Int]] = [:], order: [[Bool]] = []
                for p in scenario.staff.indices where column[p][d][s] != nil {
                    let key = signature[p]
                    if members[key] == nil { order.append(key) }
                    members[key, default: []].append(p)
                }
                for key in order {
                    let people = members[key]!, k = pools.count
                    let cells = people.map { column[$0][d][s]! }
                    let rounds = meal.rounds.enumerated().map { i, start in
                        (model.addColumn("rounds_\(k)_\(i)", upper: Double(people.count), integer: true), start, i)
                    }
                    model.addRow("rounds_\(k)", rounds.map { ($0.0, 1.0) } + cells.map { ($0, -1.0) }, lower: 0, upper: 0)
                    pools.append(MealRoundPool(day: d, shift: s, cells: cells, people: people, rounds: rounds))
                }
            }
        }
        return pools
    }

    /// Each working member's round start on the pool's day. Lunch rotates over the period: the rounds the
    /// counts give, earliest first, go to whoever has so far had the latest rounds on average.
    static func breaks(_ pools: [MealRoundPool], values: [Double], into roster: inout Roster) {
        var taken = [(sum: Double, count: Double)](repeating: (0, 0), count: roster.breaks.count)
        func lateness(_ p: Int) -> Double { taken[p].count == 0 ? 0 : taken[p].sum / taken[p].count }
        for pool in pools {   // made day by day
            let working = zip(pool.people, pool.cells).filter { values[$0.1] > 0.5 }.map(\.0)
                .sorted { lateness($0) != lateness($1) ? lateness($0) > lateness($1) : $0 < $1 }
            let rounds = pool.rounds.flatMap { round in Array(repeating: round, count: max(0, Int(values[round.column].rounded()))) }
            for (p, round) in zip(working, rounds) {
                roster.breaks[p][pool.day] = round.start
                taken[p].sum += Double(round.index)
                taken[p].count += 1
            }
        }
    }
}
