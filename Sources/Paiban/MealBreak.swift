/// A meal break taken in rounds [002]: between 11:45 and 13:00, 30 minutes, a round starting every
/// 15 minutes. Each person on the shift takes exactly one round; while away they do not count on the desk.
public struct MealBreak: Hashable, Sendable {
    /// The window the whole break must lie in, in minutes of the shift's day (may pass 24:00 for a night shift).
    public var windowStart: MinuteOfDay
    public var windowEnd: MinuteOfDay
    public var length: Int
    /// Minutes between allowed round starts.
    public var step: Int
    public var paid: Bool

    public init(windowStart: MinuteOfDay, windowEnd: MinuteOfDay, length: Int, step: Int, paid: Bool) {
        self.windowStart = windowStart
        self.windowEnd = windowEnd
        self.length = length
        self.step = step
        self.paid = paid
    }

    /// Allowed round starts, earliest first.
    public var rounds: [MinuteOfDay] {
        guard step > 0, length > 0 else { return [] }
        return Array(stride(from: windowStart, through: windowEnd - length, by: step))
    }
}

/// How many people of one group may be away at the same time, rounds overlapping.
public struct AwayLimit: Hashable, Sendable {
    public enum Limit: Hashable, Sendable {
        /// At most this many.
        case count(Int)
        /// At most this share of those on duty, rounded down ("at most half").
        case share(Double)
    }

    public var group: String
    public var limit: Limit
    /// Someone from outside the group (office staff [002]) relieves a person who is alone on duty, so a lone
    /// person may take their round; the group's cover then shows the gap unless demand allows it.
    public var relief: Bool

    public init(group: String, limit: Limit, relief: Bool = false) {
        self.group = group
        self.limit = limit
        self.relief = relief
    }

    /// Most people of the group who may be away when `onDuty` are on the shift: never all of them, except a
    /// lone person under relief.
    public func most(onDuty: Int) -> Int {
        if relief && onDuty == 1 { return 1 }
        let allowed: Int
        switch limit {
        case .count(let n): allowed = n
        case .share(let s): allowed = Int((s * Double(onDuty) + 1e-9).rounded(.down))
        }
        return max(0, min(allowed, onDuty - 1))
    }
}

import Foundation
