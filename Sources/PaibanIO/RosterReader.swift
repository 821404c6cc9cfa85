import Foundation
import Paiban

/// Reads a roster the way people keep it: the long CSV `paiban solve` writes, or the wide table a
/// supervisor keeps in Excel (one row per person, one column per day), saved as CSV or tab-separated
/// text, in UTF-8 (with or without byte-order mark), GBK/GB18030 or UTF-16.
///
/// Every problem is an InputError with the file, the row (as a spreadsheet numbers it) as `line`, the
/// column as `column`, and a message that starts with the cell's name ("cell I5: ..."). Bytes that do
/// not decode are named by the line of the file they sit on (no rows exist yet at that point).
public enum RosterReader {
    /// `.current`: the roster of the scenario's period; every date must fall inside it.
    /// `.previous`: the roster before it (`--previous`): days before the period become history,
    /// day-number columns count back from the day before the period, and people who are not in the
    /// scenario (they left) are skipped.
    public enum Role: Sendable, Hashable {
        case current
        case previous
    }

    public static func read(path: String, scenario: Scenario, encoding: TextEncoding? = nil, role: Role = .current) throws -> RosterFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: path, message: "cannot read the file (does it exist?)")
        }
        return try read(data: data, file: path, scenario: scenario, encoding: encoding, role: role)
    }

    public static func read(data: Data, file: String, scenario: Scenario, encoding: TextEncoding? = nil,
                            role: Role = .current) throws -> RosterFile {
        let decoded = try TextDecoding.decode([UInt8](data), file: file, forced: encoding)
        let table = try CSVParser.parse(decoded.text, file: file)
        let context = RosterContext(file: file, scenario: scenario, role: role)
        let rows = table.records.filter { !$0.isBlank }
        guard let firstRow = rows.first else {
            throw InputError(file: file, line: 1, message: "the file is empty: it has no rows")
        }

        // The header is the first row that names the columns; rows above it (a title such as
        // "2027年3月客服排班表") are skipped.
        var incomplete: (CSVRecord, String)? = nil
        for record in rows.prefix(6) {
            switch LongRoster.Header(record) {
            case .complete(let header)?:
                let body = rows.filter { $0.row > record.row }
                let entries = try LongRoster.entries(body, header: header, context: context)
                return try assemble(entries.entries, layout: .long, decoded: decoded, table: table, headerRow: record.row,
                                    ignoredColumns: header.ignored, peopleNotInScenario: entries.unknown, context: context)
            case .incomplete(let message)?:
                if incomplete == nil { incomplete = (record, message) }
            case nil:
                break
            }
            if let header = WideRoster.Header(record, period: scenario.period) {
                let body = rows.filter { $0.row > record.row }
                let entries = try WideRoster.entries(body, header: header, context: context)
                return try assemble(entries.entries, layout: .wide, decoded: decoded, table: table, headerRow: record.row,
                                    ignoredColumns: header.ignored.map(\.text), peopleNotInScenario: entries.unknown, context: context)
            }
        }
        if let (record, message) = incomplete {
            throw InputError(file: file, line: record.row, message: "row \(record.row): \(message)")
        }
        throw InputError(file: file, line: firstRow.row, message: "row \(firstRow.row) is not a header Paiban understands. "
                         + "A long roster names its columns employee_id (or id, 工号, 员工编号), employee_name (姓名), date (日期) "
                         + "and shift (班次); a wide roster has 工号 and/or 姓名, then one column per day (1, 2, ... or 1日, "
                         + "3/1, 3月1日, 2027-03-01)")
    }

    /// One cell's worth of roster: a person, a date, what they do.
    struct Entry {
        var person: Int
        var date: CivilDate
        var value: CellValue
        var row: Int
        /// The cell to blame for the date (the date cell in the long form, the day's cell in the wide form).
        var column: Int
        /// The meal round's start, long form only.
        var breakStart: MinuteOfDay? = nil
    }

    static func assemble(_ entries: [Entry], layout: RosterFile.Layout, decoded: TextDecoding.Decoded, table: CSVTable,
                         headerRow: Int, ignoredColumns: [String], peopleNotInScenario: [String],
                         context: RosterContext) throws -> RosterFile {
        let scenario = context.scenario, period = scenario.period
        let people = scenario.staff.count
        guard !entries.isEmpty || !peopleNotInScenario.isEmpty else {
            throw InputError(file: context.file, line: headerRow,
                             message: "row \(headerRow) is a header, but no row after it gives a person's days")
        }
        var roster = Roster(people: people, days: period.dayCount)
        var given = Array(repeating: Array(repeating: false, count: period.dayCount), count: people)
        var leaveKinds = Array(repeating: [Int: String](), count: people)
        var earlier = Array(repeating: [DatedAssignment](), count: people)
        var seen = Array(repeating: [Int: Int](), count: people)   // date's day number -> row
        var hasRows = Array(repeating: false, count: people)

        for entry in entries {
            let p = entry.person
            hasRows[p] = true
            if let row = seen[p][entry.date.dayNumber] {
                throw context.error(row: entry.row, column: entry.column,
                                    "\(context.describe(p)) already has \(entry.date.iso) in row \(row); a person has one entry per day")
            }
            seen[p][entry.date.dayNumber] = entry.row
            if let d = period.offset(of: entry.date) {
                roster[p, d] = entry.value.assignment
                roster.breaks[p][d] = entry.breakStart
                given[p][d] = true
                if case .leave(let kind) = entry.value { leaveKinds[p][d] = kind }
            } else {
                try context.checkInPeriod(entry.date, row: entry.row, column: entry.column)
                earlier[p].append(DatedAssignment(date: entry.date, assignment: entry.value.assignment))
            }
        }
        for p in 0..<people { earlier[p].sort { $0.date < $1.date } }
        return RosterFile(file: context.file, layout: layout, encoding: decoded.encoding, delimiter: table.delimiter,
                          headerRow: headerRow, roster: roster, period: period, given: given, leaveKinds: leaveKinds,
                          missingPeople: (0..<people).filter { !hasRows[$0] }, earlier: earlier,
                          peopleNotInScenario: peopleNotInScenario, ignoredColumns: ignoredColumns)
    }
}

/// What reading one file needs to know: the scenario, the role of the file, and how to name things.
struct RosterContext {
    let file: String
    let scenario: Scenario
    let role: RosterReader.Role
    let vocabulary: ShiftVocabulary
    private let ids: [String: [Int]]
    private let numericIDs: [String: [Int]]
    private let names: [String: [Int]]
    private let compactNames: [String: [Int]]

    init(file: String, scenario: Scenario, role: RosterReader.Role) {
        self.file = file
        self.scenario = scenario
        self.role = role
        vocabulary = ShiftVocabulary(shifts: scenario.shifts)
        var ids: [String: [Int]] = [:], numericIDs: [String: [Int]] = [:], names: [String: [Int]] = [:], compactNames: [String: [Int]] = [:]
        for (p, person) in scenario.staff.enumerated() {
            ids[Cell.normalize(person.id), default: []].append(p)
            if let numeric = Self.numeric(person.id) { numericIDs[numeric, default: []].append(p) }
            names[Cell.normalize(person.name), default: []].append(p)
            compactNames[Self.compact(person.name), default: []].append(p)
        }
        self.ids = ids
        self.numericIDs = numericIDs
        self.names = names
        self.compactNames = compactNames
    }

    /// "007" and "7" are the same id: Excel drops leading zeros when it saves a number.
    private static func numeric(_ id: String) -> String? {
        let t = Cell.normalize(id)
        guard !t.isEmpty, t.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let stripped = t.drop { $0 == "0" }
        return stripped.isEmpty ? "0" : String(stripped)
    }

    /// "张  三" is 张三: names are padded with spaces to line up two- and three-character names.
    private static func compact(_ name: String) -> String { String(Cell.normalize(name).unicodeScalars.filter { !Cell.isSpace($0) }) }

    func error(row: Int, column: Int?, _ message: String) -> InputError {
        guard let column else { return InputError(file: file, line: row, message: "row \(row): \(message)") }
        return InputError(file: file, line: row, column: column, message: "cell \(Cell.reference(row: row, column: column)): \(message)")
    }

    func describe(_ person: Int) -> String {
        let s = scenario.staff[person]
        return s.name.isEmpty || s.name == s.id ? s.id : "\(s.name) (\(s.id))"
    }

    enum PersonMatch {
        case person(Int)
        /// Nobody in the scenario has that id or name.
        case unknown
    }

    /// By id first, else by exact name (then by name without spaces). A name two people share is an error.
    func person(id: (text: String, column: Int)?, name: (text: String, column: Int)?, row: Int) throws -> PersonMatch {
        if let id, !Cell.trim(id.text).isEmpty {
            if let found = ids[Cell.normalize(id.text)], found.count == 1 { return .person(found[0]) }
            if let key = Self.numeric(id.text), let found = numericIDs[key], found.count == 1 { return .person(found[0]) }
        }
        if let name, !Cell.trim(name.text).isEmpty {
            for found in [names[Cell.normalize(name.text)], compactNames[Self.compact(name.text)]] {
                guard let found else { continue }
                if found.count == 1 { return .person(found[0]) }
                throw error(row: row, column: name.column, "\(found.count) people in the scenario are called '\(Cell.trim(name.text))' "
                            + "(\(found.map { scenario.staff[$0].id }.joined(separator: ", "))); give the employee id")
            }
        }
        return .unknown
    }

    /// The error for a row whose person the scenario does not have.
    func unknownPerson(id: (text: String, column: Int)?, name: (text: String, column: Int)?, row: Int) -> InputError {
        let idText = id.map { Cell.trim($0.text) } ?? "", nameText = name.map { Cell.trim($0.text) } ?? ""
        let column = !idText.isEmpty ? id?.column : name?.column
        var what: [String] = []
        if !idText.isEmpty { what.append("id '\(idText)'") }
        if !nameText.isEmpty && nameText != idText { what.append("name '\(nameText)'") }
        return error(row: row, column: column, "no person with \(what.joined(separator: " or ")) in the scenario")
    }

    /// The cell as a roster value; an unknown word is an error naming the scenario's shift codes.
    func value(_ record: CSVRecord, column: Int) throws -> CellValue {
        let text = record.field(column)
        guard let value = vocabulary.value(text) else {
            throw error(row: record.row, column: column,
                        "'\(Cell.trim(text))' is not a shift code of the scenario (\(vocabulary.codeList)); "
                        + "a rest day is blank, 休 or OFF, leave is 假 or LEAVE")
        }
        return value
    }

    /// Dates after the period are always an error; dates before it only in the `.current` role.
    /// `what` names the thing that has the date ("the column '1日'"), if it is not the cell itself.
    func checkInPeriod(_ date: CivilDate, row: Int, column: Int, what: String? = nil) throws {
        let period = scenario.period
        guard date > period.end || (date < period.start && role == .current) else { return }
        let subject = what.map { "\($0) is \(date.iso)," } ?? "\(date.iso) is"
        var message = "\(subject) outside the period \(period.start.iso) to \(period.end.iso)"
        if date < period.start { message += "; a roster of the days before the period is read as the previous roster" }
        throw error(row: row, column: column, message)
    }
}
