/// The terms a person works under. Numbers, not constants: the seeds have teams with 7 and with 4
/// rest days a month.
public struct Contract: Hashable, Sendable {
    public var restDaysPerMonth: Int = 7
    public var hoursTarget: Double = 176
    public var hoursTolerance: Double = 8
    public var consecutiveSoft: Int = 5
    public var consecutiveHard: Int = 7
    public var nightEligible: Bool = true
    /// Nights per calendar month; nil means no cap.
    public var maxNights: Int? = nil
    /// Supervisors' big/small weeks (大小周): full weeks alternate one and two rest days.
    public var bigSmallWeeks: Bool = false
    /// Monthly base pay and performance pay (基本工资, 绩效工资): the inputs of the holiday day rate.
    public var basePay: Double = 0
    public var performancePay: Double = 0
    /// The shortest allowed stretch of working days, and of days off (1 = any length). Stretches that
    /// touch the period's end, or its start when no history says what came before, are not judged:
    /// they may go on outside the period.
    public var minConsecutiveWork: Int = 1
    public var minConsecutiveOff: Int = 1
    /// Weekends (Saturday and Sunday) with any work over the whole period; nil means no cap.
    public var maxWeekends: Int? = nil
    /// The most shifts of a type over the whole period, by shift index; a type not listed has no cap,
    /// 0 means the person never works it.
    public var maxShifts: [Int: Int] = [:]
    /// Paid minutes over the whole period (shifts worked; leave is not credited), at least / at most.
    public var periodMinutesMin: Int? = nil
    public var periodMinutesMax: Int? = nil

    public init() {}
}

/// "Only after 16:00", "afternoons only": a shift is allowed on such a day only if it lies inside the window.
public struct TimeWindow: Hashable, Sendable {
    /// ISO weekdays the window applies to; empty means every day.
    public var weekdays: Set<Int>
    public var from: MinuteOfDay
    public var to: MinuteOfDay

    public init(weekdays: Set<Int> = [], from: MinuteOfDay, to: MinuteOfDay) {
        self.weekdays = weekdays
        self.from = from
        self.to = to
    }

    public func contains(_ shift: ShiftType) -> Bool {
        shift.start >= from && shift.absoluteEnd <= (to <= from ? to + 1440 : to)
    }
}

public struct Staff: Hashable, Sendable {
    public var id: String
    public var name: String
    public var group: String
    public var skills: [String]
    public var contract: Contract
    /// Before this date the person is not on the team: days count as neither work nor rest.
    public var startDate: CivilDate?
    public var daysOff: Set<CivilDate>
    public var unavailableWeekdays: Set<Int>
    /// If not empty, the person works only on days some window applies to, and only inside it.
    public var timeWindows: [TimeWindow]
    /// Approved leave, date -> kind (annual, sick, ...).
    public var leave: [CivilDate: String]
    /// Shift codes of the days just before the period, oldest first (nil = off): consecutive days
    /// and rest between shifts are counted across the start of the period.
    public var history: [Int?]

    public init(id: String, name: String, group: String, skills: [String] = [], contract: Contract = Contract(),
                startDate: CivilDate? = nil, daysOff: Set<CivilDate> = [], unavailableWeekdays: Set<Int> = [],
                timeWindows: [TimeWindow] = [], leave: [CivilDate: String] = [:], history: [Int?] = []) {
        self.id = id
        self.name = name
        self.group = group
        self.skills = skills
        self.contract = contract
        self.startDate = startDate
        self.daysOff = daysOff
        self.unavailableWeekdays = unavailableWeekdays
        self.timeWindows = timeWindows
        self.leave = leave
        self.history = history
    }

    public func serves(_ group: String) -> Bool { group == Demand.anyGroup || self.group == group || skills.contains(group) }
    public func isEmployed(on date: CivilDate) -> Bool { startDate.map { date >= $0 } ?? true }
}

/// A wish with a weight: the solver honours it unless that costs more elsewhere.
public struct Request: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case wantShift(Int)
        case avoidShift(Int)
        case dayOff
    }

    public var person: Int
    public var day: Int
    public var kind: Kind
    public var weight: Double

    public init(person: Int, day: Int, kind: Kind, weight: Double) {
        self.person = person
        self.day = day
        self.kind = kind
        self.weight = weight
    }
}

import Foundation
