/// Headcount on duty per day, slot and demand group for one roster: what coverage reports and the
/// under-cover rule read. A shift that crosses midnight counts on the next day's early slots, and the
/// history's last shift counts on the first day.
public struct CoverageGrid: Sendable {
    /// assigned[day][slot][group]
    public let assigned: [[[Int]]]

    public init(_ roster: Roster, in scenario: Scenario) {
        let demand = scenario.demand
        var grid = Array(repeating: Array(repeating: Array(repeating: 0, count: demand.groups.count),
                                          count: demand.slotsPerDay), count: scenario.dayCount)
        for p in scenario.staff.indices {
            for d in -1..<scenario.dayCount {
                guard let s = roster.shift(p, d, in: scenario) else { continue }
                let groups = demand.groups.indices.filter { scenario.counts(person: p, shift: s, toward: demand.groups[$0]) }
                for (offset, slot) in scenario.coveredSlots[s] {
                    let day = d + offset
                    guard day >= 0, day < scenario.dayCount else { continue }
                    for g in groups { grid[day][slot][g] += 1 }
                }
                // Away at their meal round: not on the desk for those slots.
                guard d >= 0, let start = roster.breaks[p][d], let round = scenario.shifts[s].meal?.rounds.firstIndex(of: start) else { continue }
                for (offset, slot) in scenario.roundSlots[s][round] where d + offset < scenario.dayCount {
                    for g in groups { grid[d + offset][slot][g] -= 1 }
                }
            }
        }
        assigned = grid
    }

    public func short(day: Int, slot: Int, group: Int, demand: Demand) -> Int {
        max(0, demand.required[day][slot][group] - assigned[day][slot][group])
    }

    public func over(day: Int, slot: Int, group: Int, demand: Demand) -> Int {
        max(0, assigned[day][slot][group] - demand.required[day][slot][group])
    }
}

import Foundation
