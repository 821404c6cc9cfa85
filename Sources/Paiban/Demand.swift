/// Required headcount per day, time slot and group, resolved from the scenario's demand lines.
public struct Demand: Hashable, Sendable {
    /// The pseudo-group that every person serves: total headcount.
    public static let anyGroup = "*"

    public let slotMinutes: Int
    /// Demand groups in a fixed order; `anyGroup` first when present.
    public let groups: [String]
    /// required[day][slot][group]
    public private(set) var required: [[[Int]]]

    public init(days: Int, slotMinutes: Int, groups: [String]) {
        self.slotMinutes = slotMinutes
        self.groups = groups
        required = Array(repeating: Array(repeating: Array(repeating: 0, count: groups.count), count: 1440 / slotMinutes), count: days)
    }

    public var slotsPerDay: Int { 1440 / slotMinutes }

    public mutating func set(day: Int, slot: Int, group: Int, to value: Int) { required[day][slot][group] = value }

    public func slotStart(_ slot: Int) -> MinuteOfDay { slot * slotMinutes }
}

import Foundation
