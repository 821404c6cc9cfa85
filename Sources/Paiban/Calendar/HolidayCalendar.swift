/// China's holiday calendar for a set of years, as a roster and its audit see it:
///
/// - statutory holiday days (法定假日): work on them is paid three times; each carries its festival's
///   name in Chinese and English (`isStatutoryHoliday`, `holidayName`);
/// - closure days (放假): every day of a holiday arrangement, the weekends and bridging days folded into
///   it included (`isClosureDay`);
/// - adjusted working days (调休上班): weekend days that become working days (`isAdjustedWorkingDay`).
///
/// `china(years:)` computes the statutory days of any year from 2008 under the regulation in force
/// (13 days since 2025; see `StatutoryHolidays`) and adds the State Council's published arrangement
/// where this package knows it (`PublishedArrangements`: 2025 and 2026). For a year computed only, the
/// statutory days are closure days and nothing else is: the bridging days are unknown, and `notes(for:)`
/// says so. A calendar file (`CalendarFile`) extends or replaces the built-in calendar.
public struct HolidayCalendar: Hashable, Sendable {
    /// A named day. Statutory days are also closure days; a non-statutory named day (妇女节, a company's
    /// anniversary) is only a name unless a closure says otherwise.
    public struct Holiday: Hashable, Sendable {
        public var date: CivilDate
        public var name: HolidayName
        /// A 法定假日: work on it is paid three times.
        public var statutory: Bool

        public init(date: CivilDate, name: HolidayName, statutory: Bool) {
            self.date = date
            self.name = name
            self.statutory = statutory
        }
    }

    /// The years the calendar knows something about.
    public private(set) var years: Set<Int> = []
    /// The years whose arrangement (closures and adjusted working days) is known in full.
    public private(set) var publishedYears: Set<Int> = []
    /// The years whose statutory days were computed from the national regulation.
    public private(set) var computedYears: Set<Int> = []
    /// Every closure day (放假), statutory or bridging; never an adjusted working day.
    public private(set) var closureDays: Set<CivilDate> = []
    /// Every adjusted working day (调休上班); never a closure day.
    public private(set) var adjustedWorkingDays: Set<CivilDate> = []
    private var named: [CivilDate: Holiday] = [:]
    private var closureNames: [CivilDate: HolidayName] = [:]
    private var yearNotes: [Int: [String]] = [:]

    /// No holidays at all: Saturdays and Sundays are the only days off.
    public init() {}

    /// A calendar of one's own. Statutory holidays become closure days; the years of all the dates given
    /// count as known, and those in `publishedYears` as complete.
    public init(holidays: [Holiday], closures: [CivilDate] = [], adjustedWorkingDays: [CivilDate] = [],
                publishedYears: Set<Int> = []) {
        holidays.forEach { add($0) }
        closures.forEach { addClosure($0, name: nil) }
        adjustedWorkingDays.forEach { addAdjustedWorkingDay($0) }
        self.publishedYears = publishedYears
        years.formUnion(publishedYears)
    }

    // MARK: the national calendar

    /// The national calendar of mainland China for `years`: statutory days computed for every year from
    /// 2008, the State Council's arrangement added for the years it is published (2025, 2026).
    public static func china(years: ClosedRange<Int>) -> HolidayCalendar {
        var calendar = HolidayCalendar()
        for year in years {
            guard let statutory = StatutoryHolidays.compute(year: year) else {
                calendar.yearNotes[year, default: []].append(
                    "\(year): no holiday data (statutory days are computed from 2008 on); only weekends count as days off")
                continue
            }
            calendar.years.insert(year)
            calendar.computedYears.insert(year)
            for day in statutory.days {
                calendar.add(Holiday(date: day.date, name: day.festival.name, statutory: true))
            }
            calendar.yearNotes[year, default: []] += statutory.notes
            guard let arrangements = PublishedArrangements.arrangements(year: year) else { continue }
            calendar.publishedYears.insert(year)
            for arrangement in arrangements {
                let name = Festival.joinedName(arrangement.festivals)
                arrangement.closureDays.forEach { calendar.addClosure($0, name: name) }
                arrangement.adjustedWorkingDays.forEach { calendar.addAdjustedWorkingDay($0) }
            }
        }
        return calendar
    }

    // MARK: questions about a day

    /// A 法定假日: work on it is paid three times.
    public func isStatutoryHoliday(_ date: CivilDate) -> Bool { named[date]?.statutory == true }

    /// The name of a named day: the festival of a statutory day (春节 / Spring Festival), or the name a
    /// calendar file gave a non-statutory day (妇女节). Bridging closure days have no holiday name; see
    /// `closureName`.
    public func holidayName(_ date: CivilDate) -> (zh: String, en: String)? {
        named[date].map { ($0.name.zh, $0.name.en) }
    }

    public func holiday(on date: CivilDate) -> Holiday? { named[date] }

    /// A weekend day that is worked in exchange for a bridging day (调休上班).
    public func isAdjustedWorkingDay(_ date: CivilDate) -> Bool { adjustedWorkingDays.contains(date) }

    /// A day of a holiday arrangement (放假), statutory or bridging.
    public func isClosureDay(_ date: CivilDate) -> Bool { closureDays.contains(date) }

    /// The arrangement a closure day belongs to (国庆节、中秋节 / National Day and Mid-Autumn Festival).
    public func closureName(_ date: CivilDate) -> (zh: String, en: String)? {
        guard closureDays.contains(date) else { return nil }
        return (closureNames[date] ?? named[date]?.name).map { ($0.zh, $0.en) }
    }

    /// A day nobody is due at work by the calendar: a closure day, or a Saturday or Sunday that is not an
    /// adjusted working day.
    public func isOffDay(_ date: CivilDate) -> Bool {
        closureDays.contains(date) || (date.isWeekend && !adjustedWorkingDays.contains(date))
    }

    /// The named days from `first` to `last` inclusive, in date order.
    public func holidays(from first: CivilDate, through last: CivilDate) -> [Holiday] {
        named.values.filter { $0.date >= first && $0.date <= last }.sorted { $0.date < $1.date }
    }

    public func holidays(in period: Period) -> [Holiday] { holidays(from: period.start, through: period.end) }

    /// The statutory days of one Gregorian year, in date order.
    public func statutoryHolidays(year: Int) -> [Holiday] {
        named.values.filter { $0.statutory && $0.date.year == year }.sorted { $0.date < $1.date }
    }

    // MARK: what is known

    /// Whether the year's arrangement (closures and adjusted working days) is known, not just its
    /// statutory days.
    public func isPublished(year: Int) -> Bool { publishedYears.contains(year) }

    /// What a reader of a roster or an audit of these years should know about the calendar behind it:
    /// "2028: holiday dates computed; the bridging days are not yet published". Empty when every year is
    /// published and nothing had to be assumed.
    public func notes(for years: some Sequence<Int>) -> [String] {
        Set(years).sorted().flatMap { year -> [String] in
            let extra = yearNotes[year] ?? []
            if publishedYears.contains(year) { return extra }
            if computedYears.contains(year) { return ["\(year): holiday dates computed; the bridging days are not yet published"] + extra }
            if self.years.contains(year) { return ["\(year): only the days listed in the calendar are known; the bridging days are not published"] + extra }
            return extra.isEmpty ? ["\(year): no holiday data; only weekends count as days off"] : extra
        }
    }

    /// The notes for every year the period touches.
    public func notes(for period: Period) -> [String] { notes(for: period.start.year...period.end.year) }

    // MARK: building

    /// Adds or replaces a named day; a statutory day is also a closure day (and no working day).
    mutating func add(_ holiday: Holiday) {
        named[holiday.date] = holiday
        years.insert(holiday.date.year)
        if holiday.statutory { addClosure(holiday.date, name: nil) }
    }

    /// A closure day stops being an adjusted working day. A nil name keeps the name the day has.
    mutating func addClosure(_ date: CivilDate, name: HolidayName?) {
        closureDays.insert(date)
        adjustedWorkingDays.remove(date)
        if let name { closureNames[date] = name }
        years.insert(date.year)
    }

    /// An adjusted working day stops being a closure day. A statutory day made a working day stays
    /// statutory: whoever works it is still paid three times.
    mutating func addAdjustedWorkingDay(_ date: CivilDate) {
        adjustedWorkingDays.insert(date)
        closureDays.remove(date)
        years.insert(date.year)
    }

    mutating func markPublished(_ years: Set<Int>) {
        publishedYears.formUnion(years)
        self.years.formUnion(years)
    }
}
