import Foundation
import Paiban

/// Cell text as people type it: stray spaces (also the ideographic U+3000), full-width letters and digits
/// from a Chinese input method ("Ｍ", "１日"), and the spreadsheet's way of naming a cell ("I5").
enum Cell {
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        c.properties.isWhitespace || c == "\u{FEFF}" || c == "\u{200B}"
    }

    static func trim(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
              let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(scalars[first...last])
    }

    /// Trimmed, with full-width ASCII forms (U+FF01...U+FF5E) folded to ASCII, and `="007"` (how
    /// spreadsheets keep the zeros of an id) read as `007`.
    static func normalize(_ text: String) -> String {
        var trimmed = trim(text)
        if trimmed.count >= 3 && trimmed.hasPrefix("=\"") && trimmed.hasSuffix("\"") {
            trimmed = trim(String(trimmed.dropFirst(2).dropLast()))
        }
        var out = String.UnicodeScalarView()
        for c in trimmed.unicodeScalars {
            if (0xFF01...0xFF5E).contains(c.value), let ascii = Unicode.Scalar(c.value - 0xFEE0) {
                out.append(ascii)
            } else if c == "\u{3000}" {
                out.append(" ")
            } else {
                out.append(c)
            }
        }
        return String(out)
    }

    /// A key for matching words: normalized, lower case, without spaces and punctuation people vary.
    static func key(_ text: String) -> String {
        String(normalize(text).lowercased().unicodeScalars.filter { !isSpace($0) && !"_-.#:：".unicodeScalars.contains($0) })
    }

    /// "A", "B", ..., "Z", "AA", ...: the spreadsheet's name of a 1-based column.
    static func columnName(_ column: Int) -> String {
        var n = column, name = ""
        while n > 0 {
            let r = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + r))) + name
            n = (n - 1) / 26
        }
        return name
    }

    static func reference(row: Int, column: Int) -> String { "\(columnName(column))\(row)" }
}

/// What a header cell names.
enum HeaderWord: Equatable {
    case id, name, date, shift, breakStart

    static func of(_ text: String) -> HeaderWord? {
        let k = Cell.key(text)
        if ids.contains(k) { return .id }
        // "姓名\日期", the diagonal corner cell of a wide table, names the name column.
        if names.contains(k) || k.contains("姓名") { return .name }
        if dates.contains(k) { return .date }
        if shifts.contains(k) { return .shift }
        if breakStarts.contains(k) { return .breakStart }
        return nil
    }

    static let ids: Set<String> = ["id", "employeeid", "staffid", "empid", "employeeno", "staffno", "工号", "员工编号", "员工工号",
                                   "员工号", "编号", "人员编号", "职工号", "职工编号"]
    static let names: Set<String> = ["name", "employeename", "employee", "staffname", "staff", "agent", "员工", "名字", "人员",
                                     "职工", "员工名称"]
    static let dates: Set<String> = ["date", "day", "workdate", "shiftdate", "日期", "排班日期", "工作日期"]
    /// The meal round's start (`solve` writes break_start).
    static let breakStarts: Set<String> = ["breakstart", "break", "lunch", "mealstart", "吃饭", "吃饭时间", "午餐", "用餐"]
    static let shifts: Set<String> = ["shift", "shiftcode", "code", "班次", "班别", "班型", "班种", "排班", "班次代码"]

    /// The label of a summary or notes row under a wide table ("合计", "早班人数", "备注"), never a person.
    static func isSummaryLabel(_ text: String) -> Bool {
        let k = Cell.key(text)
        if ["合计", "小计", "总计", "统计", "人数", "备注", "说明", "图例", "注"].contains(where: { k.contains($0) }) { return true }
        return ["total", "totals", "sum", "count", "note", "notes", "remark", "remarks", "legend"].contains(k)
            || k.hasPrefix("total") || k.hasPrefix("subtotal")
    }

    /// The corner cell of a weekday row ("星期", "周", "weekday").
    static func isWeekdayLabel(_ text: String) -> Bool {
        ["星期", "周", "周次", "weekday", "weekdays", "day", "dow"].contains(Cell.key(text))
    }
}

enum WeekdayText {
    private static let single: [String: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7]
    static let chinese = ["一", "二", "三", "四", "五", "六", "日"]
    static let english = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// 1 = Monday ... 7 = Sunday, from "一", "周一", "星期一", "礼拜天", "Mon", "monday".
    static func parse(_ text: String) -> Int? {
        let t = Cell.normalize(text)
        if let d = single[t] { return d }
        return Weekday.parse(t)
    }

    static func describe(_ weekday: Int) -> String { "\(chinese[weekday - 1]) (\(english[weekday - 1]))" }
}

/// A day as a column header or a date cell names it.
enum DayText: Equatable {
    /// A day of the month ("1", "1日", "1号"): the month comes from where the column stands.
    case dayNumber(Int, weekday: Int?)
    case date(CivilDate, weekday: Int?)
    /// Looks like a day but is none ("32", "2/30"): the reason, for the error.
    case invalid(String)

    /// nil when the text does not look like a day at all.
    static func parse(_ text: String, near period: Period) -> DayText? {
        // "1\n一", "3/1 周一", "3月1日(周一)": a day, optionally with its weekday.
        let separators: Set<Unicode.Scalar> = ["(", ")", "（", "）", "[", "]", "【", "】"]
        let normalized = Cell.normalize(text)
        var tokens = normalized.unicodeScalars.split(whereSeparator: { Cell.isSpace($0) || separators.contains($0) })
            .map { String(String.UnicodeScalarView($0)) }
        if tokens.count == 1, let (day, rest) = splitTrailingWeekday(tokens[0]) { tokens = [day, rest] }
        guard let first = tokens.first, tokens.count <= 2 else { return nil }
        var weekday: Int? = nil
        var dayToken = first
        if tokens.count == 2 {
            if let w = WeekdayText.parse(tokens[1]) { weekday = w } else if let w = WeekdayText.parse(tokens[0]) {
                weekday = w
                dayToken = tokens[1]
            } else { return nil }
        }
        switch parseDay(dayToken, near: period) {
        case .dayNumber(let n, _)?: return .dayNumber(n, weekday: weekday)
        case .date(let d, _)?: return .date(d, weekday: weekday)
        case let other: return other
        }
    }

    /// "1周一" and "3/1星期一" without a space.
    private static func splitTrailingWeekday(_ token: String) -> (String, String)? {
        for marker in ["星期", "周", "礼拜"] {
            if let r = token.range(of: marker, options: .backwards), r.lowerBound != token.startIndex {
                let rest = String(token[r.lowerBound...])
                if WeekdayText.parse(rest) != nil { return (String(token[..<r.lowerBound]), rest) }
            }
        }
        return nil
    }

    private static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// A date or a day number, without weekday.
    static func parseDay(_ text: String, near period: Period) -> DayText? {
        // The text's shape with every run of digits as "#", and the runs' values and lengths.
        var shape = "", numbers: [Int] = [], lengths: [Int] = [], digits = ""
        func flush() {
            guard !digits.isEmpty else { return }
            shape += "#"
            numbers.append(Int(digits.prefix(9)) ?? 0)
            lengths.append(digits.count)
            digits = ""
        }
        for c in text.lowercased() {
            if c.isASCII && c.isNumber { digits.append(c) } else {
                flush()
                shape.append(c)
            }
        }
        flush()

        func full(_ y: Int, _ m: Int, _ d: Int) -> DayText {
            CivilDate(year: y, month: m, day: d).map { .date($0, weekday: nil) } ?? .invalid("'\(text)' is not a date of the calendar")
        }
        func noYear(_ m: Int, _ d: Int) -> DayText {
            guard let date = nearest(month: m, day: d, to: period) else { return .invalid("'\(text)' is not a date of the calendar") }
            return .date(date, weekday: nil)
        }
        func dayNumber(_ n: Int) -> DayText {
            (1...31).contains(n) ? .dayNumber(n, weekday: nil) : .invalid("'\(text)' is not a day of a month (1 to 31)")
        }
        let n = numbers
        switch shape {
        case "#":
            if lengths[0] == 8 { return full(n[0] / 10000, n[0] / 100 % 100, n[0] % 100) }      // 20270301
            if lengths[0] == 5 && (20_000...80_000).contains(n[0]) {                             // Excel's serial day number
                return .date(CivilDate(year: 1899, month: 12, day: 30)!.adding(days: n[0]), weekday: nil)
            }
            return dayNumber(n[0])
        case "#日", "#号", "#th", "#st", "#nd", "#rd":
            return dayNumber(n[0])
        case "#-#-#", "#/#/#", "#.#.#":
            if lengths[0] == 4 { return full(n[0], n[1], n[2]) }                                  // 2027-03-01, 2027/3/1
            // 3/1/2027 as Excel writes it in the US and China; 15/3/2027 can only be day first.
            let (m, d) = n[0] > 12 && n[1] <= 12 ? (n[1], n[0]) : (n[0], n[1])
            if lengths[2] == 4 { return full(n[2], m, d) }
            if lengths[2] == 2 && shape == "#/#/#" { return full(2000 + n[2], m, d) }             // 3/1/27
            return nil
        case "#年#月#", "#年#月#日", "#年#月#号":
            return lengths[0] == 4 ? full(n[0], n[1], n[2]) : nil
        case "#/#", "#-#", "#.#", "#月#", "#月#日", "#月#号":
            return noYear(n[0], n[1])                                                             // 3/1, 3.1, 3月1日
        default:
            // 1-Mar and 1-Mar-27, Excel's English date formats.
            for (i, name) in monthNames.enumerated() {
                if shape == "#-\(name)" { return noYear(i + 1, n[0]) }
                if shape == "#-\(name)-#" && lengths[1] == 2 { return full(2000 + n[1], i + 1, n[0]) }
            }
            return nil
        }
    }

    /// The date with this month and day nearest to the period (inside it if possible).
    static func nearest(month: Int, day: Int, to period: Period) -> CivilDate? {
        var best: (date: CivilDate, distance: Int)? = nil
        for year in (period.start.year - 1)...(period.end.year + 1) {
            guard let date = CivilDate(year: year, month: month, day: day) else { continue }
            let distance = date < period.start ? period.start.dayNumber - date.dayNumber
                : date > period.end ? date.dayNumber - period.end.dayNumber : 0
            if best == nil || distance < best!.distance { best = (date, distance) }
        }
        return best?.date
    }
}

/// What one roster cell says.
enum CellValue: Equatable {
    case work(Int)
    case off
    /// Leave, with the word the cell used ("年假").
    case leave(String)

    var assignment: Assignment {
        switch self {
        case .work(let s): return .work(s)
        case .off: return .off
        case .leave: return .leave
        }
    }
}

/// Reads cells against a scenario's shifts.
struct ShiftVocabulary {
    let shifts: [ShiftType]
    private let codes: [String]

    init(shifts: [ShiftType]) {
        self.shifts = shifts
        codes = shifts.map { Cell.normalize($0.code) }
    }

    static let restWords: Set<String> = ["休", "休息", "休息日", "公休", "例休", "轮休", "调休", "补休", "倒休", "off", "rest", "dayoff",
                                         "offday", "restday", "-", "--", "/", "\\", "—", "–"]

    /// nil for text that is neither a shift of the scenario nor a rest or leave word.
    func value(_ text: String) -> CellValue? {
        let t = Cell.normalize(text)
        if t.isEmpty { return .off }
        if let s = codes.firstIndex(of: t) { return .work(s) }
        let k = Cell.key(t)
        if Self.restWords.contains(t.lowercased()) || Self.restWords.contains(k) { return .off }
        if t.hasSuffix("假") || k == "leave" { return .leave(t) }
        let caseless = codes.indices.filter { codes[$0].lowercased() == t.lowercased() }
        if caseless.count == 1 { return .work(caseless[0]) }
        let named = shifts.indices.filter { Cell.normalize(shifts[$0].name) == t }
        if named.count == 1 { return .work(named[0]) }
        if let (start, end) = Self.timeRange(t) {
            let timed = shifts.indices.filter { shifts[$0].start == start && shifts[$0].end % 1440 == end % 1440 }
            if timed.count == 1 { return .work(timed[0]) }
        }
        return nil
    }

    /// "07:00-15:00", "7:00~15:00", "07:00至15:00".
    static func timeRange(_ text: String) -> (MinuteOfDay, MinuteOfDay)? {
        for separator in ["-", "~", "至", "–", "—"] {
            let parts = text.components(separatedBy: separator)
            if parts.count == 2, let a = Clock.parse(parts[0]), let b = Clock.parse(parts[1]) { return (a, b) }
        }
        return nil
    }

    var codeList: String { shifts.map(\.code).joined(separator: ", ") }
}
