/// Minutes since midnight, 0...1440. 24:00 is allowed as an end time.
public typealias MinuteOfDay = Int

/// Night classes from the rulebook [004 篇一 4.2].
public enum NightKind: String, Sendable, Hashable, CaseIterable, Codable {
    case none
    /// 小夜班: ends between 22:00 and 23:00.
    case small
    /// 大夜班: ends at 23:59 (24:00) or between 00:00 and 07:59.
    case big
}

/// One kind of shift: 早班 M 07:00-15:00 and so on.
public struct ShiftType: Hashable, Sendable {
    public var code: String
    public var name: String
    public var start: MinuteOfDay
    public var end: MinuteOfDay
    /// Minutes that count as working time (unpaid meal breaks excluded).
    public var paidMinutes: Int
    /// Groups or skills the shift serves; empty means every group.
    public var groups: [String]
    /// Set only when the scenario overrides the classification derived from the end time.
    public var nightOverride: NightKind?
    /// A meal break taken in rounds, if the shift has one.
    public var meal: MealBreak?

    public init(code: String, name: String, start: MinuteOfDay, end: MinuteOfDay, paidMinutes: Int? = nil,
                groups: [String] = [], nightOverride: NightKind? = nil) {
        self.code = code
        self.name = name
        self.start = start
        self.end = end
        self.groups = groups
        self.nightOverride = nightOverride
        self.paidMinutes = 0
        self.paidMinutes = paidMinutes ?? durationMinutes
    }

    /// A shift whose end is not after its start ends on the next day.
    public var crossesMidnight: Bool { end <= start }
    public var durationMinutes: Int { crossesMidnight ? end + 1440 - start : end - start }
    /// End measured from the midnight that starts the shift's day (may exceed 1440).
    public var absoluteEnd: Int { start + durationMinutes }

    /// Small night ends 22:00-23:00; big night ends at 23:59/24:00 or 00:00-07:59. An overnight band
    /// ending later (the seed's 20:00-08:00) still spans the whole night, so it counts as big too.
    public var nightKind: NightKind {
        if let nightOverride { return nightOverride }
        let end = absoluteEnd % 1440   // 24:00 is 0
        if end >= 22 * 60 && end <= 23 * 60 { return .small }
        if end >= 23 * 60 + 59 || end < 8 * 60 || crossesMidnight { return .big }
        return .none
    }

    public func serves(_ group: String) -> Bool { groups.isEmpty || groups.contains(group) }

    /// Hours between this shift ending and `next` starting on the following day.
    public func restHours(before next: ShiftType) -> Double {
        Double(1440 + next.start - absoluteEnd) / 60
    }
}

public enum Clock {
    /// Parses `HH:MM` (00:00 ... 24:00).
    public static func parse(_ text: String) -> MinuteOfDay? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              let h = Int(parts[0]), let m = Int(parts[1]), (0...24).contains(h), (0..<60).contains(m),
              h * 60 + m <= 1440 else { return nil }
        return h * 60 + m
    }

    public static func format(_ minute: MinuteOfDay) -> String {
        let m = ((minute % 1440) + 1440) % 1440
        let h = minute == 1440 ? 24 : m / 60
        return "\(h < 10 ? "0" : "")\(h):\(m % 60 < 10 ? "0" : "")\(m % 60)"
    }
}

import Foundation
