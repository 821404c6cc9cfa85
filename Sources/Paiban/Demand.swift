/// Required headcount per day, time slot and group, resolved from the scenario's demand lines.
public struct Demand: Hashable, Sendable {
    /// The pseudo-group that every person serves: total headcount.
    public static let anyGroup = "*"

    public let slotMinutes: Int
    /// The slot length the scenario was written with; finer `slotMinutes` come from meal rounds. Reports
    /// merge the finer slots back where nothing differs inside a written slot.
    public var reportMinutes: Int
    /// Demand groups in a fixed order; `anyGroup` first when present.
    public let groups: [String]
    /// required[day][slot][group]
    public private(set) var required: [[[Int]]]
    /// Price multiplier of a missing person in that slot (1 unless a demand line says otherwise):
    /// an empty night desk can matter more than one agent fewer at the peak.
    public private(set) var weight: [[[Double]]]

    /// Headcount asked per shift type and day, beside (or instead of) the per-slot demand: "3 on the early
    /// shift". Sorted by day, then shift; at most one line per pair.
    public var shiftCover: [ShiftCover] = []

    public init(days: Int, slotMinutes: Int, groups: [String]) {
        self.slotMinutes = slotMinutes
        reportMinutes = slotMinutes
        self.groups = groups
        required = Array(repeating: Array(repeating: Array(repeating: 0, count: groups.count), count: 1440 / slotMinutes), count: days)
        weight = Array(repeating: Array(repeating: Array(repeating: 1, count: groups.count), count: 1440 / slotMinutes), count: days)
    }

    public var slotsPerDay: Int { 1440 / slotMinutes }

    public mutating func set(day: Int, slot: Int, group: Int, to value: Int, weight: Double = 1) {
        required[day][slot][group] = value
        self.weight[day][slot][group] = weight
    }

    public func slotStart(_ slot: Int) -> MinuteOfDay { slot * slotMinutes }
}

import Foundation

/// How many people should work one shift type on one day, and what each missing or extra person costs.
public struct ShiftCover: Hashable, Sendable {
    public var day: Int
    public var shift: Int
    public var required: Int
    /// Objective units per person below `required`.
    public var underWeight: Double
    /// Objective units per person above `required` (0: extra people are free).
    public var overWeight: Double

    public init(day: Int, shift: Int, required: Int, underWeight: Double, overWeight: Double = 0) {
        self.day = day
        self.shift = shift
        self.required = required
        self.underWeight = underWeight
        self.overWeight = overWeight
    }
}
