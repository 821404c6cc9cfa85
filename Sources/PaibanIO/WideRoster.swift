import Paiban

/// The wide form, the roster table supervisors keep in Excel: one row per person, one column per day.
///
///     2027年3月客服排班表                     <- title rows above the header are skipped
///     工号,姓名,1,2,3,...,31,合计             <- id and/or name, then days: 1, 1日, 1号, 3/1, 3月1日, 2027-03-01
///     ,,一,二,三,...,三,                      <- an optional row of weekdays, checked against the dates
///     P1,张三,M,休,假,...,N,22                <- a shift code; blank, 休, OFF, -, / rest; 假, LEAVE, 年假, 病假 leave
///     ,早班人数,3,4,...                        <- summary rows (合计, 人数, 备注) are skipped
///
/// Columns whose header is neither the id, the name nor a day (合计, 工时, 部门, 序号) are ignored.
/// Day numbers belong to the period's first month and move on to the next month when they start
/// again from a smaller number; in a previous roster they count back from the day before the period.
enum WideRoster {
    struct Header {
        var record: CSVRecord
        var id: Int?
        var name: Int?
        /// A blank corner cell over the names: the column holds ids or names.
        var either: Int?
        var days: [(column: Int, text: String, day: DayText)]
        var ignored: [(column: Int, text: String)]

        /// nil when the row is not a wide header: it needs an id or name column (or a blank corner
        /// cell) and day columns.
        init?(_ record: CSVRecord, period: Period) {
            self.record = record
            days = []
            ignored = []
            for (i, raw) in record.fields.enumerated() {
                let column = i + 1, text = Cell.trim(raw)
                if text.isEmpty { continue }
                switch HeaderWord.of(text) {
                case .id? where id == nil: id = column
                case .name? where name == nil: name = column
                default:
                    if let day = DayText.parse(text, near: period) {
                        days.append((column, text, day))
                    } else {
                        ignored.append((column, text))
                    }
                }
            }
            let valid = days.filter { if case .invalid = $0.day { return false } else { return true } }.count
            if id == nil && name == nil {
                guard Cell.trim(record.field(1)).isEmpty, valid >= 2 else { return nil }
                either = 1
            } else {
                guard valid >= 1 else { return nil }
            }
        }

        var identityColumns: [Int] { [id, name, either].compactMap { $0 } }
    }

    /// The date of every day column. Throws for a header that is not a day, a date outside the period,
    /// a date given twice, or a weekday that does not match its date.
    static func dates(_ header: Header, context: RosterContext) throws -> [(column: Int, date: CivilDate)] {
        let period = context.scenario.period
        let row = header.record.row
        var numbers: [(index: Int, day: Int)] = []
        var dates: [CivilDate?] = Array(repeating: nil, count: header.days.count)
        for (k, day) in header.days.enumerated() {
            switch day.day {
            case .date(let date, _): dates[k] = date
            case .dayNumber(let n, _): numbers.append((k, n))
            case .invalid(let reason): throw context.error(row: row, column: day.column, "the header " + reason)
            }
        }

        // Day numbers: walk the month forward from the period's first month, or (previous roster)
        // backward from the month of the day before the period.
        func monthBefore(_ ym: (Int, Int)) -> (Int, Int) { ym.1 == 1 ? (ym.0 - 1, 12) : (ym.0, ym.1 - 1) }
        func monthAfter(_ ym: (Int, Int)) -> (Int, Int) { ym.1 == 12 ? (ym.0 + 1, 1) : (ym.0, ym.1 + 1) }
        if context.role == .current {
            var month = (period.start.year, period.start.month)
            var last: Int? = nil
            for (k, n) in numbers {
                if let last, n <= last { month = monthAfter(month) }
                last = n
                guard let date = CivilDate(year: month.0, month: month.1, day: n) else {
                    throw context.error(row: row, column: header.days[k].column,
                                        "the header says day \(n), but \(month.0)-\(month.1 < 10 ? "0" : "")\(month.1) has no day \(n)")
                }
                dates[k] = date
            }
        } else {
            let anchor = period.start.adding(days: -1)
            var month = (anchor.year, anchor.month)
            var next: Int? = nil
            for (k, n) in numbers.reversed() {
                if let next {
                    if n >= next { month = monthBefore(month) }
                } else if n > anchor.day {
                    month = monthBefore(month)
                }
                next = n
                guard let date = CivilDate(year: month.0, month: month.1, day: n) else {
                    throw context.error(row: row, column: header.days[k].column,
                                        "the header says day \(n), but \(month.0)-\(month.1 < 10 ? "0" : "")\(month.1) has no day \(n)")
                }
                dates[k] = date
            }
        }

        var result: [(column: Int, date: CivilDate)] = []
        var columnOf: [CivilDate: Int] = [:]
        for (k, day) in header.days.enumerated() {
            let date = dates[k]!
            try context.checkInPeriod(date, row: row, column: day.column, what: "the column '\(day.text)'")
            if let other = columnOf[date] {
                throw context.error(row: row, column: day.column, "the column '\(day.text)' is \(date.iso), "
                                    + "which column \(Cell.columnName(other)) already is")
            }
            switch day.day {
            case .date(_, let weekday?), .dayNumber(_, let weekday?):
                if weekday != date.weekday {
                    throw context.error(row: row, column: day.column, "the column '\(day.text)' says \(WeekdayText.describe(weekday)), "
                                        + "but \(date.iso) is a \(WeekdayText.describe(date.weekday)): is this the roster of another month?")
                }
            default: break
            }
            columnOf[date] = day.column
            result.append((day.column, date))
        }
        return result
    }

    /// A row of weekdays under the header (一 二 三 / Mon Tue): blank (or 星期) where the names are,
    /// and only weekdays under the days.
    static func isWeekdayRow(_ record: CSVRecord, header: Header) -> Bool {
        let identity = header.identityColumns.map { Cell.trim(record.field($0)) }
        guard identity.allSatisfy({ $0.isEmpty || HeaderWord.isWeekdayLabel($0) }) else { return false }
        let cells = header.days.map { Cell.trim(record.field($0.column)) }.filter { !$0.isEmpty }
        return !cells.isEmpty && cells.allSatisfy { WeekdayText.parse($0) != nil }
    }

    /// The rows after the header. A later row with its own header (工号/姓名 and days) starts a new
    /// block of days: tables kept week by week, one block under the other.
    static func entries(_ rows: [CSVRecord], header first: Header, context: RosterContext) throws
        -> (entries: [RosterReader.Entry], unknown: [String]) {
        var header = first
        var days = try dates(header, context: context)
        var rowOf: [Int: Int] = [:]   // person -> row, in this block
        var headerJustRead = true
        var entries: [RosterReader.Entry] = []
        var unknown: [String] = []
        for record in rows {
            if headerJustRead {
                headerJustRead = false
                if isWeekdayRow(record, header: header) {
                    try checkWeekdays(record, days: days, context: context)
                    continue
                }
            }
            if let next = Header(record, period: context.scenario.period), next.id != nil || next.name != nil {
                header = next
                days = try dates(header, context: context)
                rowOf = [:]
                headerJustRead = true
                continue
            }
            let id = (header.id ?? header.either).map { (text: record.field($0), column: $0) }
            let name = (header.name ?? header.either).map { (text: record.field($0), column: $0) }
            let labels = header.identityColumns.map { Cell.trim(record.field($0)) }.filter { !$0.isEmpty }
            guard !labels.isEmpty else {
                // A row of numbers under the days with no label: daily head counts.
                if days.allSatisfy({ Int(Cell.normalize(record.field($0.column))) != nil || Cell.trim(record.field($0.column)).isEmpty }) {
                    continue
                }
                throw context.error(row: record.row, column: header.identityColumns.first,
                                    "this row has days but no employee id or name")
            }
            let person: Int
            switch try context.person(id: id, name: name, row: record.row) {
            case .person(let p):
                person = p
            case .unknown:
                if labels.contains(where: HeaderWord.isSummaryLabel) { continue }
                // A title between blocks ("第二周"): one cell of text and nothing under the days.
                if record.fields.filter({ !Cell.trim($0).isEmpty }).count == 1
                    && days.allSatisfy({ Cell.trim(record.field($0.column)).isEmpty }) { continue }
                guard context.role == .previous else { throw context.unknownPerson(id: id, name: name, row: record.row) }
                if !unknown.contains(labels[0]) { unknown.append(labels[0]) }
                continue
            }
            if let other = rowOf[person] {
                throw context.error(row: record.row, column: id?.column ?? name?.column,
                                    "\(context.describe(person)) already has a row (row \(other)); a person has one row")
            }
            rowOf[person] = record.row
            for (column, date) in days {
                let value = try context.value(record, column: column)
                entries.append(RosterReader.Entry(person: person, date: date, value: value, row: record.row, column: column))
            }
        }
        return (entries, unknown)
    }

    static func checkWeekdays(_ record: CSVRecord, days: [(column: Int, date: CivilDate)], context: RosterContext) throws {
        for (column, date) in days {
            let text = Cell.trim(record.field(column))
            guard let weekday = WeekdayText.parse(text), weekday != date.weekday else { continue }
            throw context.error(row: record.row, column: column, "the weekday row says \(WeekdayText.describe(weekday)), "
                                + "but \(date.iso) is a \(WeekdayText.describe(date.weekday)): is this the roster of another month?")
        }
    }
}
