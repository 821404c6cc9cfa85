/// Everything a roster is made from: the period, shifts, people, demand and rules. Built by PaibanIO
/// (or in code, in tests); by the time a Scenario exists every reference in it has been validated.
public struct Scenario: Sendable {
    public var name: String
    public var period: Period
    public var shifts: [ShiftType]
    public var staff: [Staff]
    public var requests: [Request]
    public var demand: Demand
    public var rules: RuleSet
    /// Statutory holidays and adjusted working days: China's national calendar by default, or what the
    /// scenario's calendar file makes of it.
    public var calendar: HolidayCalendar

    /// For each shift, the (day offset 0 or 1, slot) pairs it covers: a shift covers a slot only if
    /// it is on duty for the whole slot, and a shift crossing midnight covers slots of the next day.
    public let coveredSlots: [[(dayOffset: Int, slot: Int)]]
    /// For each shift and each of its meal rounds, the (day offset, slot) pairs the round takes the person
    /// away from; empty for shifts without a meal break.
    public let roundSlots: [[[(dayOffset: Int, slot: Int)]]]

    public init(name: String, period: Period, shifts: [ShiftType], staff: [Staff], requests: [Request] = [],
                demand: Demand, rules: RuleSet = RuleSet(), calendar: HolidayCalendar? = nil) {
        self.name = name
        self.period = period
        self.shifts = shifts
        self.staff = staff
        self.requests = requests
        self.demand = demand
        self.rules = rules
        self.calendar = calendar ?? .china(years: period.start.year...period.end.year)
        let len = demand.slotMinutes
        coveredSlots = shifts.map { shift in
            (0..<(2 * demand.slotsPerDay)).compactMap { k in
                let from = k * len
                guard from >= shift.start, from + len <= shift.absoluteEnd else { return nil }
                return (k / demand.slotsPerDay, k % demand.slotsPerDay)
            }
        }
        roundSlots = shifts.map { shift in
            (shift.meal?.rounds ?? []).map { start in
                (0..<(2 * demand.slotsPerDay)).compactMap { k in
                    let from = k * len
                    guard from < start + shift.meal!.length, start < from + len else { return nil }
                    return (k / demand.slotsPerDay, k % demand.slotsPerDay)
                }
            }
        }
    }

    public var dayCount: Int { period.dayCount }

    public func shiftIndex(code: String) -> Int? { shifts.firstIndex { $0.code == code } }

    /// A "night" for the cap and the fair spread: a shift whose night kind the rules count.
    public func isNight(_ shift: Int) -> Bool { rules.nightCapCounts.contains(shifts[shift].nightKind) }

    /// Whether person p counts toward demand group g when working shift s.
    public func counts(person p: Int, shift s: Int, toward group: String) -> Bool {
        staff[p].serves(group) && (group == Demand.anyGroup || shifts[s].serves(group))
    }

    /// Every rule Paiban knows, with this scenario's parameters. `solve` encodes each of them and
    /// audits its roster with the same list; `check` audits with it.
    public var ruleBook: [any Rule] {
        [Availability(), NightEligibility(), Coverage(), ConsecutiveWorkDays(), RestDaysPerMonth(), MonthlyHours(),
         MinimumRest(), ForbiddenSuccession(), NightCap(), NightFairness(), Requests(), BigSmallWeeks(), HolidayWork(), LunchBreaks(), Handover(),
         MinimumStretch(.work), MinimumStretch(.off), WeekendsWorked(), ShiftCaps(), PeriodMinutes(), ShiftCoverRule()]
    }
}

import Foundation
