import Paiban

/// The long form: a header naming the columns, then one row per person per day.
///
///     employee_id,employee_name,date,shift        工号,姓名,日期,班次
///     P1,张三,2027-03-01,M                          P1,张三,2027/3/1,休
///
/// The id or the name may be left out (not both); other columns are ignored.
enum LongRoster {
    struct Columns {
        var id: Int?
        var name: Int?
        var date: Int
        var shift: Int
        /// The meal round's start, when the file has the column.
        var breakStart: Int?
        /// Header texts of the columns not used.
        var ignored: [String]
    }

    enum Header {
        case complete(Columns)
        /// Some long-form columns, not all: what is missing.
        case incomplete(String)

        /// nil when the row names no date or shift column at all.
        init?(_ record: CSVRecord) {
            var found: [HeaderWord: Int] = [:]
            var ignored: [String] = []
            for (i, text) in record.fields.enumerated() {
                if let word = HeaderWord.of(text), found[word] == nil {
                    found[word] = i + 1
                } else if !Cell.trim(text).isEmpty {
                    ignored.append(Cell.trim(text))
                }
            }
            let person = found[.id] != nil || found[.name] != nil
            switch (found[.date], found[.shift]) {
            case let (date?, shift?):
                guard person else {
                    self = .incomplete("the header has date and shift columns but no employee column "
                                       + "(employee_id, id, 工号, 员工编号 or employee_name, 姓名)")
                    return
                }
                self = .complete(Columns(id: found[.id], name: found[.name], date: date, shift: shift, breakStart: found[.breakStart], ignored: ignored))
            case (_?, nil) where person:
                self = .incomplete("the header has a date column but no shift column (shift, 班次)")
            case (nil, _?) where person:
                self = .incomplete("the header has a shift column but no date column (date, 日期)")
            default:
                return nil
            }
        }
    }

    static func entries(_ rows: [CSVRecord], header: Columns, context: RosterContext) throws
        -> (entries: [RosterReader.Entry], unknown: [String]) {
        var entries: [RosterReader.Entry] = []
        var unknown: [String] = []
        for record in rows {
            let id = header.id.map { (text: record.field($0), column: $0) }
            let name = header.name.map { (text: record.field($0), column: $0) }
            let idText = Cell.trim(id?.text ?? ""), nameText = Cell.trim(name?.text ?? "")
            guard !idText.isEmpty || !nameText.isEmpty else {
                throw context.error(row: record.row, column: header.id ?? header.name, "this row has no employee id or name")
            }
            let person: Int
            switch try context.person(id: id, name: name, row: record.row) {
            case .person(let p):
                person = p
            case .unknown:
                guard context.role == .previous else { throw context.unknownPerson(id: id, name: name, row: record.row) }
                let label = idText.isEmpty ? nameText : idText
                if !unknown.contains(label) { unknown.append(label) }
                continue
            }
            let date = try self.date(record, column: header.date, context: context)
            let value = try context.value(record, column: header.shift)
            var breakStart: MinuteOfDay?
            if let column = header.breakStart, case let text = Cell.trim(record.field(column)), !text.isEmpty {
                guard let minute = Clock.parse(text) else {
                    throw context.error(row: record.row, column: column, "'\(text)' is not a time of day (HH:MM) for the meal round")
                }
                // A round after midnight belongs to the night shift of the day before it started.
                if case .work(let s) = value.assignment, minute < context.scenario.shifts[s].start { breakStart = minute + 1440 } else { breakStart = minute }
            }
            entries.append(RosterReader.Entry(person: person, date: date, value: value, row: record.row, column: header.date, breakStart: breakStart))
        }
        return (entries, unknown)
    }

    static func date(_ record: CSVRecord, column: Int, context: RosterContext) throws -> CivilDate {
        let text = Cell.trim(record.field(column))
        switch DayText.parse(text, near: context.scenario.period) {
        case .date(let date, let weekday)?:
            if let weekday, weekday != date.weekday {
                throw context.error(row: record.row, column: column, "'\(text)' says \(WeekdayText.describe(weekday)), "
                                    + "but \(date.iso) is a \(WeekdayText.describe(date.weekday))")
            }
            return date
        case .dayNumber?:
            throw context.error(row: record.row, column: column, "'\(text)' is a day of the month without the month; "
                                + "write the whole date (2027-03-01)")
        case .invalid(let reason)?:
            throw context.error(row: record.row, column: column, reason)
        case nil:
            throw context.error(row: record.row, column: column, text.isEmpty ? "the date is missing"
                                : "'\(text)' is not a date (2027-03-01, 2027/3/1 or 3月1日)")
        }
    }
}
