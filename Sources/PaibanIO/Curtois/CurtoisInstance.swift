/// One instance of the Curtois & Qu employee shift scheduling benchmark (Instances 1–24,
/// "Employee Shift Scheduling Benchmark Data Sets", University of Nottingham), exactly as its text file
/// states it: no defaults filled in, no rules interpreted. Rows keep the order of the file.
///
/// Days are indexes from 0; day 0 is a Monday, so days with `day % 7 == 5` or `6` are Saturday and Sunday.
/// Identifiers are the file's own strings (shift ids such as `D` or `a1`, staff ids such as `A`).
public struct CurtoisInstance: Sendable, Hashable {
    /// `SECTION_HORIZON`: the number of days in the plan (days `0 ..< horizonDays`; a multiple of 7 in the benchmark).
    public var horizonDays: Int
    /// `SECTION_SHIFTS`: the shift types, in file order.
    public var shiftTypes: [ShiftType]
    /// `SECTION_STAFF`: the employees and their contract limits, in file order.
    public var staff: [Staff]
    /// `SECTION_DAYS_OFF`: days on which an employee must not work at all (a hard constraint), one entry per file row.
    public var daysOff: [DaysOff]
    /// `SECTION_SHIFT_ON_REQUESTS`: the employee would like that shift on that day; the weight is charged if it is not assigned.
    public var shiftOnRequests: [ShiftRequest]
    /// `SECTION_SHIFT_OFF_REQUESTS`: the employee would like not to work that shift on that day; the weight is charged if it is assigned.
    public var shiftOffRequests: [ShiftRequest]
    /// `SECTION_COVER`: how many people each shift type needs on each day, with the soft penalties for missing it.
    public var cover: [CoverRequirement]

    public init(horizonDays: Int, shiftTypes: [ShiftType], staff: [Staff], daysOff: [DaysOff],
                shiftOnRequests: [ShiftRequest], shiftOffRequests: [ShiftRequest], cover: [CoverRequirement]) {
        self.horizonDays = horizonDays
        self.shiftTypes = shiftTypes
        self.staff = staff
        self.daysOff = daysOff
        self.shiftOnRequests = shiftOnRequests
        self.shiftOffRequests = shiftOffRequests
        self.cover = cover
    }

    /// A row of `SECTION_SHIFTS`: `ShiftID, Length in mins, Shifts which cannot follow this shift`.
    public struct ShiftType: Sendable, Hashable {
        /// The shift id, as used by every other section.
        public var id: String
        /// Length of the shift in minutes; it counts towards the employee's total minutes.
        public var lengthMinutes: Int
        /// Shift ids that may not be worked on the day directly after this shift (hard constraint;
        /// the file's `|`-separated list, possibly empty, in file order).
        public var forbiddenSuccessors: [String]

        public init(id: String, lengthMinutes: Int, forbiddenSuccessors: [String]) {
            self.id = id
            self.lengthMinutes = lengthMinutes
            self.forbiddenSuccessors = forbiddenSuccessors
        }
    }

    /// A row of `SECTION_STAFF`: `ID, MaxShifts, MaxTotalMinutes, MinTotalMinutes, MaxConsecutiveShifts,
    /// MinConsecutiveShifts, MinConsecutiveDaysOff, MaxWeekends`. All limits are hard constraints.
    public struct Staff: Sendable, Hashable {
        /// The employee id, as used by the days-off and request sections.
        public var id: String
        /// `MaxShifts`, written `id=n|id=n|…`: the most shifts of each type the employee may work over the
        /// horizon; 0 means the type is not allowed. Keyed by shift id; a type missing from the row has no cap given in the file.
        public var maxShifts: [String: Int]
        /// `MaxTotalMinutes`: the most minutes (sum of shift lengths) the employee may work over the horizon.
        public var maxTotalMinutes: Int
        /// `MinTotalMinutes`: the least minutes the employee must work over the horizon.
        public var minTotalMinutes: Int
        /// `MaxConsecutiveShifts`: the most working days in a row.
        public var maxConsecutiveShifts: Int
        /// `MinConsecutiveShifts`: the least working days in a row (the length of any working stretch).
        public var minConsecutiveShifts: Int
        /// `MinConsecutiveDaysOff`: the least days off in a row (the length of any stretch of days off).
        public var minConsecutiveDaysOff: Int
        /// `MaxWeekends`: the most weekends worked; a weekend (Saturday + Sunday) counts as worked if either day has a shift.
        public var maxWeekends: Int

        public init(id: String, maxShifts: [String: Int], maxTotalMinutes: Int, minTotalMinutes: Int,
                    maxConsecutiveShifts: Int, minConsecutiveShifts: Int, minConsecutiveDaysOff: Int, maxWeekends: Int) {
            self.id = id
            self.maxShifts = maxShifts
            self.maxTotalMinutes = maxTotalMinutes
            self.minTotalMinutes = minTotalMinutes
            self.maxConsecutiveShifts = maxConsecutiveShifts
            self.minConsecutiveShifts = minConsecutiveShifts
            self.minConsecutiveDaysOff = minConsecutiveDaysOff
            self.maxWeekends = maxWeekends
        }
    }

    /// A row of `SECTION_DAYS_OFF`: `EmployeeID, DayIndexes`; the employee must not work on any of these days.
    public struct DaysOff: Sendable, Hashable {
        /// The employee id.
        public var staff: String
        /// Day indexes (from 0) on which the employee has no shift, in file order.
        public var days: [Int]

        public init(staff: String, days: [Int]) {
            self.staff = staff
            self.days = days
        }
    }

    /// A row of `SECTION_SHIFT_ON_REQUESTS` or `SECTION_SHIFT_OFF_REQUESTS`: `EmployeeID, Day, ShiftID, Weight`.
    public struct ShiftRequest: Sendable, Hashable {
        /// The employee id.
        public var staff: String
        /// Day index (from 0).
        public var day: Int
        /// The shift id the request is about.
        public var shift: String
        /// Penalty added to the objective when the request is not honoured (on: shift not assigned; off: shift assigned).
        public var weight: Int

        public init(staff: String, day: Int, shift: String, weight: Int) {
            self.staff = staff
            self.day = day
            self.shift = shift
            self.weight = weight
        }
    }

    /// A row of `SECTION_COVER`: `Day, ShiftID, Requirement, Weight for under, Weight for over`.
    public struct CoverRequirement: Sendable, Hashable {
        /// Day index (from 0).
        public var day: Int
        /// The shift id.
        public var shift: String
        /// Preferred number of staff on that shift that day (a soft target, not a hard constraint).
        public var requirement: Int
        /// Penalty per person below the requirement (under-cover; 100 in the files seen).
        public var underWeight: Int
        /// Penalty per person above the requirement (over-cover; 1 in the files seen).
        public var overWeight: Int

        public init(day: Int, shift: String, requirement: Int, underWeight: Int, overWeight: Int) {
            self.day = day
            self.shift = shift
            self.requirement = requirement
            self.underWeight = underWeight
            self.overWeight = overWeight
        }
    }
}

extension CurtoisInstance {
    /// The shift type with this id, if the file declares it.
    public func shiftType(_ id: String) -> ShiftType? { shiftTypes.first { $0.id == id } }
    /// The employee with this id, if the file declares them.
    public func staffMember(_ id: String) -> Staff? { staff.first { $0.id == id } }
    /// All fixed days off of one employee, over every `SECTION_DAYS_OFF` row naming them, in file order.
    public func fixedDaysOff(of staffID: String) -> [Int] { daysOff.filter { $0.staff == staffID }.flatMap(\.days) }
}
