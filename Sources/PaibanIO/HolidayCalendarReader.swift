import Foundation
import Paiban

/// Reads a calendar file: holidays, closures and adjusted working days that a scenario adds to the
/// built-in national calendar (`HolidayCalendar.china`), or a whole calendar of its own.
///
/// ```yaml
/// mode: extend                 # extend (default): added to the built-in calendar, the file wins on a day
///                              # both name; replace: the file is the whole calendar
/// published: [2027]            # years whose whole arrangement the file gives; the audit then stops
///                              # saying "the bridging days are not yet published" (replace: implied)
/// holidays:                    # named days; statutory: true is a 法定假日 (triple pay, and a closure day)
///   - {date: 2027-02-05, name: 除夕, name_en: Chinese New Year's Eve, statutory: true}
///   - {date: 2027-03-08, name: 妇女节, statutory: false}
/// closures:                    # whole days off (放假): a date, or a range with an optional name
///   - 2027-05-04
///   - {from: 2027-02-05, to: 2027-02-11, name: 春节, name_en: Spring Festival}
/// working_days: [2027-02-20]   # Saturdays or Sundays that become working days (调休上班)
/// ```
///
/// Every field is optional. `statutory` is required on each holiday (triple pay should never be a
/// default); `name_en` defaults to `name`. A range spans at most 31 days. The file may not name a
/// holiday twice, nor make one day both off (a closure or a statutory holiday) and a working day.
/// Every problem is an InputError naming the file and line.
public enum HolidayCalendarReader {
    public static func read(path: String) throws -> CalendarFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: path, message: "cannot read the calendar file (does it exist?)")
        }
        return try read(data: data, file: path)
    }

    /// The built-in national calendar for `years` with the file at `path` in effect.
    public static func calendar(path: String, years: ClosedRange<Int>) throws -> HolidayCalendar {
        HolidayCalendar.china(years: years).applying(try read(path: path))
    }

    public static func read(data: Data, file: String) throws -> CalendarFile {
        let root = try YAMLNode.parse(data, file: file)
        let top = try root.fields(allowed: ["mode", "published", "holidays", "closures", "working_days"])
        var result = CalendarFile()
        if let mode = top["mode"] {
            let text = try mode.string().trimmingCharacters(in: .whitespaces).lowercased()
            guard let value = CalendarFile.Mode(rawValue: text) else {
                throw mode.error("'\(try mode.string())' is not a mode; expected extend or replace")
            }
            result.mode = value
        }
        result.publishedYears = Set(try (top["published"]?.list() ?? []).map { try $0.int(in: 1900...2200) })

        // Every date the file gives meaning to, with the node that gave it, to name the line of a conflict.
        var offDays: [CivilDate: YAMLNode] = [:]
        var holidayLines: [CivilDate: YAMLNode] = [:]
        for item in try top["holidays"]?.list() ?? [] {
            let fields = try item.fields(allowed: ["date", "name", "name_en", "statutory"])
            let dateNode = try fields.required("date")
            let date = try dateNode.date()
            if let earlier = holidayLines[date] {
                throw dateNode.error("\(date.iso) is already a holiday (line \(earlier.line ?? 0))")
            }
            holidayLines[date] = dateNode
            let zh = try text(try fields.required("name"))
            let en = try fields["name_en"].map(text) ?? zh
            guard let statutoryNode = fields["statutory"] else {
                throw item.error("missing field 'statutory': say statutory: true (法定假日, paid three times) or statutory: false")
            }
            let statutory = try statutoryNode.bool()
            if statutory { offDays[date] = dateNode }
            result.holidays.append(HolidayCalendar.Holiday(date: date, name: HolidayName(zh: zh, en: en), statutory: statutory))
        }

        for item in try top["closures"]?.list() ?? [] {
            if item.node.scalar != nil {
                let date = try item.date()
                offDays[date] = offDays[date] ?? item
                result.closures.append(CalendarFile.Closure(date: date))
                continue
            }
            let fields = try item.fields(allowed: ["from", "to", "name", "name_en"])
            let fromNode = try fields.required("from"), toNode = try fields.required("to")
            let from = try fromNode.date(), to = try toNode.date()
            guard to >= from else { throw toNode.error("the closure ends (\(to.iso)) before it starts (\(from.iso))") }
            guard to.dayNumber - from.dayNumber < 31 else { throw toNode.error("a closure longer than 31 days; is a date wrong?") }
            let zh = try fields["name"].map(text)
            let en = try fields["name_en"].map(text) ?? zh
            guard zh != nil || fields["name_en"] == nil else { throw fields["name_en"]!.error("name_en without name") }
            let name = zh.map { HolidayName(zh: $0, en: en ?? $0) }
            for dayNumber in from.dayNumber...to.dayNumber {
                let date = CivilDate(dayNumber: dayNumber)
                offDays[date] = offDays[date] ?? item
                result.closures.append(CalendarFile.Closure(date: date, name: name))
            }
        }

        var workLines: [CivilDate: YAMLNode] = [:]
        for item in try top["working_days"]?.list() ?? [] {
            let date = try item.date()
            guard date.isWeekend else {
                throw item.error("\(date.iso) is a \(weekdayName(date)); working_days lists Saturdays and Sundays that become working days")
            }
            if let off = offDays[date] {
                throw item.error("\(date.iso) cannot be a working day: line \(off.line ?? 0) makes it a day off")
            }
            if workLines[date] == nil { result.adjustedWorkingDays.append(date) }
            workLines[date] = item
        }
        return result
    }

    private static func text(_ node: YAMLNode) throws -> String {
        let value = try node.string().trimmingCharacters(in: .whitespaces)
        guard !value.isEmpty else { throw node.error("the name is empty") }
        return value
    }

    private static func weekdayName(_ date: CivilDate) -> String {
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][date.weekday - 1]
    }
}
