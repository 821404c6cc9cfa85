/// What one person does on one day.
public enum Assignment: Hashable, Sendable {
    case off
    case leave
    case work(Int)

    public var shift: Int? { if case .work(let s) = self { return s } else { return nil } }
}

/// Person x day -> assignment: the thing a supervisor publishes.
public struct Roster: Hashable, Sendable {
    /// cells[person][day]
    public var cells: [[Assignment]]
    /// breaks[person][day]: when the person's meal round starts (minutes of the shift's day), nil for none.
    public var breaks: [[MinuteOfDay?]]

    public init(cells: [[Assignment]]) {
        self.cells = cells
        breaks = cells.map { Array(repeating: nil, count: $0.count) }
    }

    public init(people: Int, days: Int) {
        cells = Array(repeating: Array(repeating: .off, count: days), count: people)
        breaks = Array(repeating: Array(repeating: nil, count: days), count: people)
    }

    /// Whether person p, working on day d, is away on their meal round during [from, from + length)
    /// (minutes measured from the start of day d).
    public func isOnBreak(_ p: Int, _ d: Int, from: Int, length: Int, in scenario: Scenario) -> Bool {
        guard d >= 0, d < cells[p].count, let s = cells[p][d].shift, let start = breaks[p][d],
              let meal = scenario.shifts[s].meal else { return false }
        return start < from + length && from < start + meal.length
    }

    public subscript(person: Int, day: Int) -> Assignment {
        get { cells[person][day] }
        set { cells[person][day] = newValue }
    }

    /// The shift worked on `day`, reading the scenario's history for days before the period.
    public func shift(_ person: Int, _ day: Int, in scenario: Scenario) -> Int? {
        if day >= 0 { return day < cells[person].count ? cells[person][day].shift : nil }
        let history = scenario.staff[person].history
        let i = history.count + day
        return i >= 0 ? history[i] : nil
    }

    public func works(_ person: Int, _ day: Int, in scenario: Scenario) -> Bool { shift(person, day, in: scenario) != nil }
}

import Foundation
