/// The contents of a calendar file: days a scenario adds to the built-in national calendar, or a
/// whole calendar of its own. PaibanIO's `HolidayCalendarReader` reads it from YAML (the format is
/// documented there); `HolidayCalendar.applying(_:)` puts it into effect.
public struct CalendarFile: Hashable, Sendable {
    public enum Mode: String, Hashable, Sendable, CaseIterable {
        /// Added to the built-in calendar; where they disagree on a day, the file wins.
        case extend
        /// The file is the whole calendar: nothing built in is kept.
        case replace
    }

    public struct Closure: Hashable, Sendable {
        public var date: CivilDate
        public var name: HolidayName?

        public init(date: CivilDate, name: HolidayName? = nil) {
            self.date = date
            self.name = name
        }
    }

    public var mode: Mode
    /// Years whose whole arrangement the file gives: they count as published. In replace mode every
    /// year the file mentions counts as published anyway.
    public var publishedYears: Set<Int>
    public var holidays: [HolidayCalendar.Holiday]
    public var closures: [Closure]
    public var adjustedWorkingDays: [CivilDate]

    public init(mode: Mode = .extend, publishedYears: Set<Int> = [], holidays: [HolidayCalendar.Holiday] = [],
                closures: [Closure] = [], adjustedWorkingDays: [CivilDate] = []) {
        self.mode = mode
        self.publishedYears = publishedYears
        self.holidays = holidays
        self.closures = closures
        self.adjustedWorkingDays = adjustedWorkingDays
    }

    /// The years of every date in the file, and the published ones.
    public var years: Set<Int> {
        Set(holidays.map(\.date.year)).union(closures.map(\.date.year)).union(adjustedWorkingDays.map(\.year))
            .union(publishedYears)
    }
}

extension HolidayCalendar {
    /// This calendar with the file in effect: in extend mode the file's days are added (a day the file
    /// names is what the file says: its closure replaces a built-in working day, its working day a
    /// built-in closure); in replace mode the file alone is the calendar, and every year it mentions
    /// counts as published.
    public func applying(_ file: CalendarFile) -> HolidayCalendar {
        var calendar = file.mode == .replace ? HolidayCalendar() : self
        file.holidays.forEach { calendar.add($0) }
        file.closures.forEach { calendar.addClosure($0.date, name: $0.name) }
        file.adjustedWorkingDays.forEach { calendar.addAdjustedWorkingDay($0) }
        calendar.markPublished(file.mode == .replace ? file.years : file.publishedYears)
        return calendar
    }
}
