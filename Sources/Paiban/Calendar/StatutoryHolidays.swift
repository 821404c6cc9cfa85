/// The statutory holiday days (法定假日: work on them is paid three times) of one year, computed from
/// the national regulation (全国年节及纪念日放假办法) in force that year:
///
/// | in force  | days | New Year | Spring Festival                 | Qingming | Labour Day | Dragon Boat | Mid-Autumn | National Day |
/// |-----------|------|----------|---------------------------------|----------|------------|-------------|------------|--------------|
/// | 2025-     | 13   | 1 Jan    | 除夕 and 1st-3rd of 1st month   | 清明     | 1-2 May    | 5th of 5th  | 15th of 8th | 1-3 Oct     |
/// | 2014-2024 | 11   | 1 Jan    | 1st-3rd of 1st month            | 清明     | 1 May      | 5th of 5th  | 15th of 8th | 1-3 Oct     |
/// | 2008-2013 | 11   | 1 Jan    | 除夕, 1st-2nd of 1st month      | 清明     | 1 May      | 5th of 5th  | 15th of 8th | 1-3 Oct     |
///
/// 除夕 (Chinese New Year's Eve) is the day before the 1st of the 1st month: the 29th or the 30th of
/// the 12th. Years before 2008 had another regulation (Golden Weeks) and are not computed.
public struct StatutoryHolidays: Sendable {
    public struct Day: Hashable, Sendable {
        public let date: CivilDate
        public let festival: Festival
    }

    public let year: Int
    /// In date order.
    public let days: [Day]
    /// Assumptions the computation had to make, in words for the reader of an audit.
    public let notes: [String]

    public static let firstYear = 2008

    /// Nil before 2008.
    public static func compute(year: Int) -> StatutoryHolidays? {
        guard year >= firstYear else { return nil }
        let newYear = ChineseLunarCalendar.LunarDay(month: 1, day: 1)
        let dragonBoat = ChineseLunarCalendar.LunarDay(month: 5, day: 5)
        let midAutumn = ChineseLunarCalendar.LunarDay(month: 8, day: 15)
        let lunar = ChineseLunarCalendar.dates(of: [newYear, dragonBoat, midAutumn], inGregorianYear: year)
        guard let springDay = lunar[newYear], let dragonBoatDay = lunar[dragonBoat], let midAutumnDay = lunar[midAutumn] else {
            // Every Gregorian year holds each of these lunar days once; reaching here means the system's
            // Chinese calendar data is missing.
            return nil
        }
        func gregorian(_ month: Int, _ day: Int) -> CivilDate { CivilDate(year: year, month: month, day: day)! }

        var days: [Day] = [Day(date: gregorian(1, 1), festival: .newYear)]
        let springOffsets = year >= 2025 ? -1...2 : year >= 2014 ? 0...2 : -1...1
        days += springOffsets.map { Day(date: springDay.adding(days: $0), festival: .springFestival) }
        days.append(Day(date: SolarTerms.qingming(year: year), festival: .qingming))
        days += (year >= 2025 ? 1...2 : 1...1).map { Day(date: gregorian(5, $0), festival: .labourDay) }
        days.append(Day(date: dragonBoatDay, festival: .dragonBoat))
        let nationalDays = (1...3).map { gregorian(10, $0) }
        var notes: [String] = []
        if nationalDays.contains(midAutumnDay) {
            // The law still grants Mid-Autumn its own day; the State Council joins the two festivals in one
            // closure (8 days since 2025). Which date then carries Mid-Autumn's triple pay is the notice's to
            // say; until it does, take the first day after National Day's three.
            let carried = gregorian(10, 4)
            days.append(Day(date: carried, festival: .midAutumn))
            notes.append("\(year): Mid-Autumn (\(midAutumnDay.short)) falls on National Day; its statutory day is taken as \(carried.short), to be confirmed by the State Council's notice")
        } else {
            days.append(Day(date: midAutumnDay, festival: .midAutumn))
        }
        days += nationalDays.map { Day(date: $0, festival: .nationalDay) }
        return StatutoryHolidays(year: year, days: days.sorted { $0.date < $1.date }, notes: notes)
    }
}
