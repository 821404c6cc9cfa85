import Foundation

/// Reads the text form of the Curtois & Qu benchmark instances (`Instance1.txt` … `Instance24.txt`).
///
/// The format: `#` lines are comments and blank lines separate sections, both skipped anywhere;
/// a line `SECTION_<NAME>` opens a section; data rows are comma separated. Sections may come in any
/// order but each at most once; `SECTION_HORIZON`, `SECTION_SHIFTS` and `SECTION_STAFF` are required, the
/// others may be absent (then empty). Every problem is an `InputError` naming the file, the line and,
/// where it helps, the 1-based column of the offending field: an unknown section, a row outside any
/// section, a wrong number of fields, a non-number (or negative number), a day outside the horizon,
/// a duplicate id, and a shift id or staff id that is never declared.
public enum CurtoisParser {
    public static func parse(path: String) throws -> CurtoisInstance {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: path, message: "cannot read the file (does it exist?)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError(file: path, message: "the file is not UTF-8 text")
        }
        return try parse(text: text, file: path)
    }

    public static func parse(text: String, file: String) throws -> CurtoisInstance {
        var reader = Reader(file: file)
        return try reader.read(text)
    }
}

private enum Section: String, CaseIterable {
    case horizon = "SECTION_HORIZON"
    case shifts = "SECTION_SHIFTS"
    case staff = "SECTION_STAFF"
    case daysOff = "SECTION_DAYS_OFF"
    case shiftOnRequests = "SECTION_SHIFT_ON_REQUESTS"
    case shiftOffRequests = "SECTION_SHIFT_OFF_REQUESTS"
    case cover = "SECTION_COVER"
}

/// One comma-separated field with where it starts.
private struct Field {
    var text: String
    var line: Int
    var column: Int
}

/// An id used before (or without) being declared, checked once the whole file is read
/// (successor lists name shifts declared further down).
private struct Reference {
    enum Kind { case shift, staff }
    var kind: Kind
    var field: Field
    var role: String
}

private struct Reader {
    let file: String
    var horizon: Int?
    var horizonField: Field?
    var shifts: [CurtoisInstance.ShiftType] = []
    var staff: [CurtoisInstance.Staff] = []
    var daysOff: [CurtoisInstance.DaysOff] = []
    var onRequests: [CurtoisInstance.ShiftRequest] = []
    var offRequests: [CurtoisInstance.ShiftRequest] = []
    var cover: [CurtoisInstance.CoverRequirement] = []
    var shiftIDs: Set<String> = []
    var staffIDs: Set<String> = []
    var references: [Reference] = []
    /// Day fields, checked against the horizon at the end (the horizon section could come last).
    var days: [(value: Int, field: Field)] = []

    init(file: String) { self.file = file }

    func error(_ message: String, line: Int?, column: Int? = nil) -> InputError {
        InputError(file: file, line: line, column: column, message: message)
    }

    func error(_ message: String, at field: Field) -> InputError {
        InputError(file: file, line: field.line, column: field.column, message: message)
    }

    mutating func read(_ text: String) throws -> CurtoisInstance {
        var section: Section?
        var seen: [Section: Int] = [:]
        // "\r\n" is one Character in Swift, so it is matched whole; a lone "\r" also ends a line.
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        for (index, raw) in lines.enumerated() {
            let lineNumber = index + 1
            var line = Substring(raw)
            if lineNumber == 1, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
            let content = line.trimmingCharacters(in: .whitespaces)
            if content.isEmpty || content.hasPrefix("#") { continue }
            if content.hasPrefix("SECTION_") {
                guard let next = Section(rawValue: content) else {
                    let known = Section.allCases.map(\.rawValue).joined(separator: ", ")
                    throw error("unknown section '\(content)' (known: \(known))", line: lineNumber, column: 1)
                }
                if let earlier = seen[next] {
                    throw error("\(next.rawValue) appears a second time (first on line \(earlier))", line: lineNumber, column: 1)
                }
                seen[next] = lineNumber
                section = next
                continue
            }
            guard let section else {
                throw error("data before the first SECTION_ line", line: lineNumber, column: 1)
            }
            let fields = Self.split(line, line: lineNumber)
            switch section {
            case .horizon: try readHorizon(fields, line: lineNumber)
            case .shifts: try readShift(fields, line: lineNumber)
            case .staff: try readStaff(fields, line: lineNumber)
            case .daysOff: try readDaysOff(fields, line: lineNumber)
            case .shiftOnRequests: onRequests.append(try readRequest(fields, line: lineNumber, section: section))
            case .shiftOffRequests: offRequests.append(try readRequest(fields, line: lineNumber, section: section))
            case .cover: try readCover(fields, line: lineNumber)
            }
        }
        let end = lines.count
        for required in [Section.horizon, .shifts, .staff] where seen[required] == nil {
            throw error("missing \(required.rawValue)", line: end)
        }
        guard let horizon else { throw error("SECTION_HORIZON has no value", line: seen[.horizon]) }
        for reference in references {
            switch reference.kind {
            case .shift where !shiftIDs.contains(reference.field.text):
                throw error("\(reference.role) '\(reference.field.text)' is not declared in SECTION_SHIFTS", at: reference.field)
            case .staff where !staffIDs.contains(reference.field.text):
                throw error("\(reference.role) '\(reference.field.text)' is not declared in SECTION_STAFF", at: reference.field)
            default: break
            }
        }
        for (value, field) in days where value >= horizon {
            throw error("day \(value) is outside the horizon of \(horizon) days (days 0 to \(horizon - 1))", at: field)
        }
        return CurtoisInstance(horizonDays: horizon, shiftTypes: shifts, staff: staff, daysOff: daysOff,
                               shiftOnRequests: onRequests, shiftOffRequests: offRequests, cover: cover)
    }

    /// Comma-separated fields, trimmed, each with its 1-based column.
    static func split(_ line: Substring, line number: Int) -> [Field] {
        var fields: [Field] = []
        var column = 1
        for part in line.split(separator: ",", omittingEmptySubsequences: false) {
            let leading = part.prefix { $0 == " " || $0 == "\t" }.count
            fields.append(Field(text: part.trimmingCharacters(in: .whitespaces), line: number, column: column + leading))
            column += part.count + 1
        }
        return fields
    }

    func expectCount(_ fields: [Field], _ count: Int, _ layout: String, line: Int) throws {
        guard fields.count == count else {
            throw error("expected \(count) fields (\(layout)), found \(fields.count)", line: line)
        }
    }

    func number(_ field: Field, _ what: String) throws -> Int {
        guard !field.text.isEmpty else { throw error("\(what) is empty, expected a whole number", at: field) }
        guard field.text.allSatisfy(\.isASCII), let value = Int(field.text), value >= 0 else {
            throw error("\(what) '\(field.text)' is not a whole number of 0 or more", at: field)
        }
        return value
    }

    func identifier(_ field: Field, _ what: String) throws -> String {
        guard !field.text.isEmpty else { throw error("\(what) is empty", at: field) }
        return field.text
    }

    mutating func day(_ field: Field) throws -> Int {
        let value = try number(field, "day")
        days.append((value, field))
        return value
    }

    mutating func refer(_ kind: Reference.Kind, _ field: Field, _ role: String) throws -> String {
        let id = try identifier(field, role)
        references.append(Reference(kind: kind, field: field, role: role))
        return id
    }

    mutating func readHorizon(_ fields: [Field], line: Int) throws {
        if let horizonField {
            throw error("SECTION_HORIZON holds one number, but has a second value (the first is on line \(horizonField.line))", line: line)
        }
        try expectCount(fields, 1, "the number of days", line: line)
        let value = try number(fields[0], "horizon")
        guard value > 0 else { throw error("horizon must be at least 1 day", at: fields[0]) }
        horizon = value
        horizonField = fields[0]
    }

    mutating func readShift(_ fields: [Field], line: Int) throws {
        try expectCount(fields, 3, "ShiftID, Length in mins, Shifts which cannot follow this shift", line: line)
        let id = try identifier(fields[0], "shift id")
        guard shiftIDs.insert(id).inserted else { throw error("shift id '\(id)' is declared twice", at: fields[0]) }
        let length = try number(fields[1], "shift length in minutes")
        // Paiban's shifts last less than a day (a shift is a start and an end on the clock).
        guard (1...1439).contains(length) else { throw error("shift '\(id)' lasts \(length) minutes; Paiban supports 1 to 1439", at: fields[1]) }
        var successors: [String] = []
        let list = fields[2]
        if !list.text.isEmpty {
            var column = list.column
            for part in list.text.split(separator: "|", omittingEmptySubsequences: false) {
                let text = part.trimmingCharacters(in: .whitespaces)
                let leading = part.prefix { $0 == " " || $0 == "\t" }.count
                let field = Field(text: text, line: line, column: column + leading)
                successors.append(try refer(.shift, field, "forbidden successor of shift '\(id)'"))
                column += part.count + 1
            }
        }
        shifts.append(.init(id: id, lengthMinutes: length, forbiddenSuccessors: successors))
    }

    mutating func readStaff(_ fields: [Field], line: Int) throws {
        try expectCount(fields, 8, "ID, MaxShifts, MaxTotalMinutes, MinTotalMinutes, MaxConsecutiveShifts, MinConsecutiveShifts, MinConsecutiveDaysOff, MaxWeekends", line: line)
        let id = try identifier(fields[0], "staff id")
        guard staffIDs.insert(id).inserted else { throw error("staff id '\(id)' is declared twice", at: fields[0]) }
        var caps: [String: Int] = [:]
        let list = fields[1]
        if !list.text.isEmpty {
            var column = list.column
            for part in list.text.split(separator: "|", omittingEmptySubsequences: false) {
                let pieces = part.split(separator: "=", omittingEmptySubsequences: false)
                let leading = part.prefix { $0 == " " || $0 == "\t" }.count
                guard pieces.count == 2 else {
                    throw error("MaxShifts entry '\(part)' should be ShiftID=number", line: line, column: column + leading)
                }
                let shiftField = Field(text: pieces[0].trimmingCharacters(in: .whitespaces), line: line, column: column + leading)
                let valueField = Field(text: pieces[1].trimmingCharacters(in: .whitespaces), line: line,
                                       column: column + pieces[0].count + 1 + pieces[1].prefix { $0 == " " || $0 == "\t" }.count)
                let shift = try refer(.shift, shiftField, "shift in the MaxShifts of '\(id)'")
                guard caps[shift] == nil else { throw error("MaxShifts of '\(id)' names shift '\(shift)' twice", at: shiftField) }
                caps[shift] = try number(valueField, "MaxShifts for shift '\(shift)'")
                column += part.count + 1
            }
        }
        staff.append(.init(id: id, maxShifts: caps,
                           maxTotalMinutes: try number(fields[2], "MaxTotalMinutes"),
                           minTotalMinutes: try number(fields[3], "MinTotalMinutes"),
                           maxConsecutiveShifts: try number(fields[4], "MaxConsecutiveShifts"),
                           minConsecutiveShifts: try number(fields[5], "MinConsecutiveShifts"),
                           minConsecutiveDaysOff: try number(fields[6], "MinConsecutiveDaysOff"),
                           maxWeekends: try number(fields[7], "MaxWeekends")))
    }

    mutating func readDaysOff(_ fields: [Field], line: Int) throws {
        guard fields.count >= 2 else {
            throw error("expected an employee id and at least one day (EmployeeID, DayIndexes), found \(fields.count) field(s)", line: line)
        }
        let id = try refer(.staff, fields[0], "employee")
        var list: [Int] = []
        for field in fields.dropFirst() { list.append(try day(field)) }
        daysOff.append(.init(staff: id, days: list))
    }

    mutating func readRequest(_ fields: [Field], line: Int, section: Section) throws -> CurtoisInstance.ShiftRequest {
        try expectCount(fields, 4, "EmployeeID, Day, ShiftID, Weight", line: line)
        let who = try refer(.staff, fields[0], "employee")
        let when = try day(fields[1])
        let shift = try refer(.shift, fields[2], "shift")
        return .init(staff: who, day: when, shift: shift, weight: try number(fields[3], "weight"))
    }

    mutating func readCover(_ fields: [Field], line: Int) throws {
        try expectCount(fields, 5, "Day, ShiftID, Requirement, Weight for under, Weight for over", line: line)
        let when = try day(fields[0])
        let shift = try refer(.shift, fields[1], "shift")
        // The objective charges every row; a second row for the same day and shift is almost surely a mistake.
        guard !cover.contains(where: { $0.day == when && $0.shift == shift }) else {
            throw error("a second cover row for day \(when) and shift '\(shift)'", at: fields[0])
        }
        cover.append(.init(day: when, shift: shift, requirement: try number(fields[2], "requirement"),
                           underWeight: try number(fields[3], "weight for under"),
                           overWeight: try number(fields[4], "weight for over")))
    }
}
