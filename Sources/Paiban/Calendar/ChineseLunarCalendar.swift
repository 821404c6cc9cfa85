import Foundation

/// Gregorian dates of Chinese lunar dates, through Foundation's Chinese calendar.
///
/// Pitfalls handled here: the calendar's `year` is the position in the 60-year cycle, so a year is
/// found by scanning its Gregorian days and reading month, day and isLeapMonth; a missing isLeapMonth
/// counts as the normal month; the instant asked about is noon in Beijing, read in Asia/Shanghai, so
/// the answer never depends on the machine's time zone.
enum ChineseLunarCalendar {
    struct LunarDay: Hashable {
        let month: Int
        let day: Int
    }

    private static let beijing = TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600)!

    /// The first Gregorian day of `year` that falls on each wanted lunar day of a normal (not leap)
    /// month; lunar days that do not occur in that Gregorian year are absent.
    static func dates(of wanted: Set<LunarDay>, inGregorianYear year: Int) -> [LunarDay: CivilDate] {
        var calendar = Calendar(identifier: .chinese)
        calendar.timeZone = beijing
        guard let first = CivilDate(year: year, month: 1, day: 1) else { return [:] }
        let days = CivilDate.daysIn(month: 2, year: year) == 29 ? 366 : 365
        var found: [LunarDay: CivilDate] = [:]
        for offset in 0..<days where found.count < wanted.count {
            let date = first.adding(days: offset)
            // Noon in Beijing is 04:00 UTC.
            let instant = Date(timeIntervalSince1970: Double(date.dayNumber) * 86_400 + 4 * 3_600)
            let parts = calendar.dateComponents([.month, .day, .isLeapMonth], from: instant)
            guard let month = parts.month, let day = parts.day, parts.isLeapMonth != true else { continue }
            let lunar = LunarDay(month: month, day: day)
            if wanted.contains(lunar), found[lunar] == nil { found[lunar] = date }
        }
        return found
    }
}
