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

    public init(cells: [[Assignment]]) { self.cells = cells }

    public init(people: Int, days: Int) {
        cells = Array(repeating: Array(repeating: .off, count: days), count: people)
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
