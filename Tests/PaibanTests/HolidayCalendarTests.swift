import Foundation
import Paiban
import Testing

/// China's statutory holiday calendar: computed festival dates, the published arrangements, notes.
@Suite("HolidayCalendar")
struct HolidayCalendarTests {
    static let calendar = HolidayCalendar.china(years: 2024...2030)

    static func iso(_ text: String) -> CivilDate { CivilDate(iso: text)! }
    static func isos(_ dates: some Sequence<CivilDate>) -> [String] { dates.sorted().map(\.iso) }
    static func festivalDays(_ zh: String, _ year: Int) -> [String] {
        calendar.statutoryHolidays(year: year).filter { $0.name.zh == zh }.map(\.date.iso)
    }

    // MARK: computed dates

    @Test(arguments: [
        (2025, ["2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31"]),
        (2026, ["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19"]),
        (2027, ["2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08"]),
        (2028, ["2028-01-25", "2028-01-26", "2028-01-27", "2028-01-28"]),
    ])
    func springFestivalIsNewYearsEveAndThreeDays(year: Int, expected: [String]) {
        #expect(Self.festivalDays("春节", year) == expected)
    }

    @Test(arguments: [(2025, "2025-05-31"), (2026, "2026-06-19"), (2027, "2027-06-09"), (2028, "2028-05-28")])
    func dragonBoat(year: Int, expected: String) {
        #expect(Self.festivalDays("端午节", year) == [expected])
    }

    /// 2028: Mid-Autumn is 3 Oct, inside National Day; its statutory day is carried to 4 Oct (a note says so).
    @Test(arguments: [(2025, "2025-10-06"), (2026, "2026-09-25"), (2027, "2027-09-15"), (2028, "2028-10-04")])
    func midAutumn(year: Int, expected: String) {
        #expect(Self.festivalDays("中秋节", year) == [expected])
    }

    @Test(arguments: [(2024, "2024-04-04"), (2025, "2025-04-04"), (2026, "2026-04-05"), (2027, "2027-04-05"), (2028, "2028-04-04")])
    func qingming(year: Int, expected: String) {
        #expect(SolarTerms.qingming(year: year).iso == expected)
        #expect(Self.festivalDays("清明节", year) == [expected])
    }

    /// The sun-longitude computation agrees with the closed form [Y*D+C]-L over its whole century.
    @Test func qingmingAgreesWithTheClosedFormFor2000To2099() {
        for year in 2000...2099 {
            let y = year % 100
            let day = Int(Double(y) * 0.2422 + 4.81) - y / 4
            #expect(SolarTerms.qingming(year: year) == CivilDate(year: year, month: 4, day: day)!, "\(year)")
        }
    }

    @Test func fixedDaysAndTheirNames() {
        let c = Self.calendar
        #expect(Self.festivalDays("元旦", 2027) == ["2027-01-01"])
        #expect(Self.festivalDays("劳动节", 2027) == ["2027-05-01", "2027-05-02"])
        #expect(Self.festivalDays("国庆节", 2027) == ["2027-10-01", "2027-10-02", "2027-10-03"])
        #expect(c.holidayName(Self.iso("2026-02-16"))! == ("春节", "Spring Festival"))
        #expect(c.holidayName(Self.iso("2026-10-02"))! == ("国庆节", "National Day"))
        #expect(c.holidayName(Self.iso("2026-02-20")) == nil, "a bridging day has no holiday name")
        #expect(!c.isStatutoryHoliday(Self.iso("2026-02-20")))
        #expect(c.isStatutoryHoliday(Self.iso("2026-02-19")))
    }

    @Test(arguments: 2025...2030)
    func thirteenStatutoryDaysSince2025(year: Int) {
        let days = Self.calendar.statutoryHolidays(year: year)
        #expect(days.count == 13)
        #expect(Set(days.map(\.date)).count == 13)
        #expect(days.allSatisfy { Self.calendar.isClosureDay($0.date) && Self.calendar.isOffDay($0.date) })
    }

    /// Before 2025: 11 days; Spring Festival 1st-3rd (2014-2024) or 除夕, 1st-2nd (2008-2013); one Labour Day.
    @Test func earlierRegulations() {
        let c = HolidayCalendar.china(years: 2007...2024)
        #expect(c.statutoryHolidays(year: 2024).count == 11)
        #expect(c.statutoryHolidays(year: 2024).filter { $0.name.zh == "春节" }.map(\.date.iso) == ["2024-02-10", "2024-02-11", "2024-02-12"])
        #expect(c.statutoryHolidays(year: 2024).filter { $0.name.zh == "劳动节" }.map(\.date.iso) == ["2024-05-01"])
        #expect(c.statutoryHolidays(year: 2013).filter { $0.name.zh == "春节" }.map(\.date.iso) == ["2013-02-09", "2013-02-10", "2013-02-11"])
        #expect(c.statutoryHolidays(year: 2007).isEmpty)
        #expect(c.notes(for: [2007]).first?.contains("no holiday data") == true)
    }

    // MARK: published arrangements

    @Test func published2025() {
        let c = Self.calendar
        #expect(c.isPublished(year: 2025))
        let working = c.adjustedWorkingDays.filter { $0.year == 2025 }
        #expect(Self.isos(working) == ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"])
        // 1 + 8 + 3 + 5 + 3 + 8 days of closure.
        #expect(c.closureDays.filter { $0.year == 2025 }.count == 28)
        #expect(c.closureName(Self.iso("2025-10-08"))! == ("国庆节、中秋节", "National Day and Mid-Autumn Festival"))
        #expect(c.isOffDay(Self.iso("2025-02-04")), "Tuesday 4 Feb, 正月初七, is a bridging day")
        #expect(!c.isOffDay(Self.iso("2025-01-26")), "Sunday 26 Jan is worked")
        #expect(!c.isOffDay(Self.iso("2025-01-02")), "New Year 2025 is one day, no bridging")
    }

    @Test func published2026() {
        let c = Self.calendar
        #expect(c.isPublished(year: 2026))
        let working = c.adjustedWorkingDays.filter { $0.year == 2026 }
        #expect(Self.isos(working) == ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"])
        // 3 + 9 + 3 + 5 + 3 + 3 + 7 days of closure.
        #expect(c.closureDays.filter { $0.year == 2026 }.count == 33)
        #expect(Self.isos(c.closureDays.filter { $0.year == 2026 && $0.month == 2 }) ==
                (15...23).map { "2026-02-\($0)" })
        #expect(c.closureName(Self.iso("2026-02-15"))! == ("春节", "Spring Festival"))
        #expect(c.isOffDay(Self.iso("2026-02-23")) && !c.isStatutoryHoliday(Self.iso("2026-02-23")))
        #expect(!c.isOffDay(Self.iso("2026-02-14")) && c.isAdjustedWorkingDay(Self.iso("2026-02-14")))
        #expect(c.isOffDay(Self.iso("2026-03-07")), "an ordinary Saturday")
        #expect(!c.isOffDay(Self.iso("2026-03-09")), "an ordinary Monday")
    }

    /// Every published table agrees with the computation: statutory days inside closures, working days on weekends.
    @Test(arguments: [2025, 2026])
    func publishedTablesAgreeWithTheComputedDays(year: Int) {
        let c = Self.calendar
        for day in c.statutoryHolidays(year: year) {
            #expect(c.isClosureDay(day.date), "\(day.date) \(day.name.zh)")
        }
        for day in c.adjustedWorkingDays where day.year == year {
            #expect(day.isWeekend && !c.isClosureDay(day) && !c.isStatutoryHoliday(day), "\(day)")
        }
    }

    // MARK: computed-only years and notes

    @Test func futureYearIsComputedOnly() {
        let c = Self.calendar
        #expect(!c.isPublished(year: 2027))
        #expect(c.adjustedWorkingDays.filter { $0.year == 2027 }.isEmpty)
        #expect(Self.isos(c.closureDays.filter { $0.year == 2027 }) == Self.isos(c.statutoryHolidays(year: 2027).map(\.date)))
        #expect(c.isOffDay(Self.iso("2027-02-05")), "除夕 2027, a Friday")
        #expect(c.notes(for: 2027...2027) == ["2027: holiday dates computed; the bridging days are not yet published"])
    }

    @Test func notesNameTheUnpublishedYears() {
        let c = Self.calendar
        #expect(c.notes(for: 2025...2026).isEmpty)
        let notes = c.notes(for: 2026...2028)
        #expect(notes.count == 3, "\(notes)")
        #expect(notes[0] == "2027: holiday dates computed; the bridging days are not yet published")
        #expect(notes[1] == "2028: holiday dates computed; the bridging days are not yet published")
        #expect(notes[2].hasPrefix("2028: Mid-Autumn (3 Oct) falls on National Day"))
        #expect(c.notes(for: [2031]) == ["2031: no holiday data; only weekends count as days off"])
        let period = Period(start: Self.iso("2026-12-15"), end: Self.iso("2027-01-14"))
        #expect(c.notes(for: period) == ["2027: holiday dates computed; the bridging days are not yet published"])
    }

    @Test func holidaysInAPeriod() {
        let period = Period(start: Self.iso("2026-09-01"), end: Self.iso("2026-10-31"))
        #expect(Self.calendar.holidays(in: period).map(\.date.iso) == ["2026-09-25", "2026-10-01", "2026-10-02", "2026-10-03"])
    }

    @Test func emptyCalendarHasOnlyWeekends() {
        let c = HolidayCalendar()
        #expect(c.isOffDay(Self.iso("2026-03-07")) && !c.isOffDay(Self.iso("2026-01-01")))
        #expect(!c.isStatutoryHoliday(Self.iso("2026-01-01")))
    }

    // MARK: calendar files, applied

    @Test func extendingAddsToTheBuiltInCalendar() {
        let file = CalendarFile(
            mode: .extend, publishedYears: [2027],
            holidays: [.init(date: Self.iso("2027-03-08"), name: HolidayName(zh: "妇女节", en: "Women's Day"), statutory: false)],
            closures: (5...11).map { CalendarFile.Closure(date: CivilDate(year: 2027, month: 2, day: $0)!, name: Festival.springFestival.name) },
            adjustedWorkingDays: [Self.iso("2027-02-20")])
        let c = Self.calendar.applying(file)
        #expect(c.isPublished(year: 2027) && c.notes(for: 2027...2027).isEmpty)
        #expect(c.holidayName(Self.iso("2027-03-08"))! == ("妇女节", "Women's Day"))
        #expect(!c.isStatutoryHoliday(Self.iso("2027-03-08")) && !c.isOffDay(Self.iso("2027-03-08")))
        #expect(c.isOffDay(Self.iso("2027-02-11")) && !c.isOffDay(Self.iso("2027-02-20")))
        #expect(c.isStatutoryHoliday(Self.iso("2027-02-06")), "the built-in days stay")
        #expect(c.statutoryHolidays(year: 2027).count == 13)
    }

    @Test func replacingDropsTheBuiltInCalendar() {
        let file = CalendarFile(mode: .replace,
                                holidays: [.init(date: Self.iso("2027-07-01"), name: HolidayName(zh: "司庆", en: "Company Day"), statutory: true)])
        let c = Self.calendar.applying(file)
        #expect(!c.isStatutoryHoliday(Self.iso("2027-01-01")) && !c.isOffDay(Self.iso("2027-01-01")))
        #expect(c.isStatutoryHoliday(Self.iso("2027-07-01")) && c.isOffDay(Self.iso("2027-07-01")))
        #expect(c.isPublished(year: 2027) && !c.isPublished(year: 2026))
        #expect(c.notes(for: [2026]) == ["2026: no holiday data; only weekends count as days off"])
    }

    @Test func aWorkingDayOverridesAClosureButNotStatutoryPay() {
        let file = CalendarFile(adjustedWorkingDays: [Self.iso("2026-10-03")])
        let c = Self.calendar.applying(file)
        #expect(!c.isOffDay(Self.iso("2026-10-03")) && c.isStatutoryHoliday(Self.iso("2026-10-03")))
    }
}
