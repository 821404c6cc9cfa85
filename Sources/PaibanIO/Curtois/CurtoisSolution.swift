import Foundation

/// A roster in the benchmark's terms: for every employee of the instance (file order) and every day, a shift id or nil for a day off.
///
/// It is written and read in the two layouts the benchmark's own verification route accepts, so a
/// roster found here can be checked by RosterViewer, the benchmark's validator (it shows the penalty
/// and whether the hard constraints hold).
///
/// **(a) Text, for the `.txt` instances** — `text()`. One line per employee, in the order of the
/// instance's `SECTION_STAFF`; on each line one field per day, separated by tabs, the shift id or an
/// empty field for a day off; no employee ids, no header.
/// Confirmed: schedulingbenchmarks.org/nrp/verify.html ("How to Verify New Solutions") says solutions
/// "formatted in a tab separated text format" are pasted into RosterViewer's assigned-shift grid from
/// its top-left cell; its example has one row per employee, one cell per day, empty cells for days
/// off, and tabs only between cells (each of its 11 rows has 7 tabs: 8 cells). The grid's row order is
/// the problem file's employee order; all 24 `ros/InstanceN.ros` files here list their employees in
/// the same order as `SECTION_STAFF` of `InstanceN.txt` (checked), so the order carries over.
///
/// **(b) XML, for the `.ros` instances** — `xml(periodFile:penalty:)`:
/// ```
/// <Roster xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="Roster.xsd">
///   <SchedulingPeriodFile>Instance1.ros</SchedulingPeriodFile>
///   <Penalty>607</Penalty>
///   <Employee ID="A">
///     <Assign><Day>1</Day><Shift>D</Shift></Assign>
///   </Employee>
/// </Roster>
/// ```
/// Confirmed: verify.html says the solution "can be encoded in an XML format and opened directly in
/// RosterViewer"; staffrostersolutions.com/support/autoroster-solution-data.php (RosterViewer's
/// maker) documents the `<Roster>` root (schema `Roster.xsd`), `<SchedulingPeriodFile>` as the path of
/// the problem file, absolute or relative to the solution file, and per `<Employee ID>` its
/// `<Assign><Day>n</Day><Shift>id</Shift></Assign>` elements, with `Day` the 0-based day index. The
/// benchmark's own `.ros` files use that same `<Assign>` shape with 0-based `<Day>` (in
/// `<FixedAssignments>`, where shift `-` means "no shift", and with `<Shift>` before `<Day>`).
/// `<Penalty>` right after `<SchedulingPeriodFile>`, and `<Date>` (an ISO date) in place of `<Day>`,
/// are as GitHub code that writes or reads these files has them: antoine-agre/nurse_rostering
/// `nurse_rostering/io/export_solution.py` (writes `SchedulingPeriodFile`, `Penalty`, then `DateFound`,
/// `FoundBy`, `Algorithm`, … before the employees) and shs-it/prolothar-constraint-acquisition
/// `prolothar_ca/model/rostering/xml_parsing.py` (`parse_solution`: `Roster` holding
/// `SchedulingPeriodFile`, `Penalty` and `Employee`s; an `Assign` has either `Day` or `Date`).
///
/// **Unconfirmed**: `Roster.xsd` itself was not read, so whether `<Penalty>` (and `DateFound` etc.)
/// are schema elements or tolerated extras, and which element order it demands, is taken from the code
/// above only. No roster written here has been opened in RosterViewer (not available on this machine).
/// Whether the paste accepts commas instead of tabs is unknown: `read` accepts commas as our own
/// leniency, `text()` writes tabs only. Published solutions appear in code as
/// `InstanceN.Solution.<penalty>.roster`; no such file was seen.
///
/// Reading (`read`) takes either layout: text that starts with `<` is read as (b), anything else as (a).
public struct CurtoisSolution: Sendable, Hashable {
    public var instance: CurtoisInstance
    /// `[employee][day]`, employees in `instance.staff` order, days `0 ..< instance.horizonDays`.
    public var shifts: [[String?]]

    /// A wrong shape is a programming error, not bad input (that is `read`'s job), hence a precondition.
    public init(instance: CurtoisInstance, shifts: [[String?]]) {
        precondition(shifts.count == instance.staff.count && shifts.allSatisfy { $0.count == instance.horizonDays },
                     "a CurtoisSolution needs \(instance.staff.count) rows (employees) of \(instance.horizonDays) days")
        self.instance = instance
        self.shifts = shifts
    }

    /// The text layout (a) above; ends with a newline.
    public func text() -> String {
        shifts.map { row in row.map { $0 ?? "" }.joined(separator: "\t") + "\n" }.joined()
    }

    /// The XML layout (b) above, naming `periodFile` (e.g. "Instance1.ros") and the penalty if given.
    /// Every employee is written, those without a shift as an empty `<Employee ID="…"/>`.
    public func xml(periodFile: String, penalty: Int?) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<Roster xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:noNamespaceSchemaLocation=\"Roster.xsd\">\n"
        out += "  <SchedulingPeriodFile>\(xmlEscaped(periodFile))</SchedulingPeriodFile>\n"
        if let penalty { out += "  <Penalty>\(penalty)</Penalty>\n" }
        for (member, row) in zip(instance.staff, shifts) {
            let assigns = row.enumerated().compactMap { day, shift in
                shift.map { "    <Assign><Day>\(day)</Day><Shift>\(xmlEscaped($0))</Shift></Assign>\n" }
            }
            if assigns.isEmpty {
                out += "  <Employee ID=\"\(xmlEscaped(member.id))\"/>\n"
            } else {
                out += "  <Employee ID=\"\(xmlEscaped(member.id))\">\n" + assigns.joined() + "  </Employee>\n"
            }
        }
        return out + "</Roster>\n"
    }

    /// Reads layout (a) or, when the text starts with `<`, layout (b). Layout (a) may also separate its
    /// fields by commas (a file without any tab is read that way), end with or without a newline, and
    /// use CRLF. Every problem is an `InputError` naming the file and line: a wrong number of lines
    /// (employees) or of fields on a line (days), an unknown shift id; in XML also an unknown employee,
    /// a day outside the horizon, a second shift on one day, or a root that is not `<Roster>`.
    public static func read(text: String, file: String, instance: CurtoisInstance) throws -> CurtoisSolution {
        var body = Substring(text)
        if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
        if body.drop(while: \.isWhitespace).hasPrefix("<") {
            var reader = RosterXMLReader(file: file, instance: instance, bytes: Array(body.utf8))
            return CurtoisSolution(instance: instance, shifts: try reader.read())
        }
        return CurtoisSolution(instance: instance, shifts: try readGrid(body, file: file, instance: instance))
    }

    private static func readGrid(_ text: Substring, file: String, instance: CurtoisInstance) throws -> [[String?]] {
        let staff = instance.staff
        // "\r\n" is one Character in Swift, so it is matched whole; a lone "\r" also ends a line.
        var lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        // The newline ending the last line leaves an empty piece behind it, which is not a line.
        if lines.last?.isEmpty == true { lines.removeLast() }
        // Surplus blank lines at the end (an editor's extra newline) are dropped. Only surplus ones:
        // with a one-day horizon a blank line is a real row, an employee's day off.
        while lines.count > staff.count, lines.last?.allSatisfy(\.isWhitespace) == true { lines.removeLast() }

        if lines.count < staff.count {
            throw InputError(file: file, line: lines.count + 1, message:
                "expected \(staff.count) lines, one per employee of the instance, found \(lines.count): no line for employee '\(staff[lines.count].id)'")
        }
        if lines.count > staff.count {
            throw InputError(file: file, line: staff.count + 1, message:
                "expected \(staff.count) lines, one per employee of the instance, found \(lines.count): this line has no employee")
        }

        // The benchmark's layout separates by tabs; commas are accepted for files without a single tab.
        let separator: Character = text.contains("\t") ? "\t" : ","
        let separatorName = separator == "\t" ? "tabs" : "commas"
        let known = Set(instance.shiftTypes.map(\.id))
        var grid: [[String?]] = []
        for (index, line) in lines.enumerated() {
            let fields = line.split(separator: separator, omittingEmptySubsequences: false)
            guard fields.count == instance.horizonDays else {
                throw InputError(file: file, line: index + 1, message:
                    "expected \(instance.horizonDays) fields (one per day, separated by \(separatorName)) for employee '\(staff[index].id)', found \(fields.count)")
            }
            var row: [String?] = []
            var column = 1
            for (day, field) in fields.enumerated() {
                let id = field.trimmingCharacters(in: .whitespaces)
                if id.isEmpty {
                    row.append(nil)
                } else {
                    guard known.contains(id) else {
                        let leading = field.prefix { $0.isWhitespace }.count
                        throw InputError(file: file, line: index + 1, column: column + leading,
                                         message: unknownShift(id, employee: staff[index].id, day: day, instance: instance))
                    }
                    row.append(id)
                }
                column += field.count + 1
            }
            grid.append(row)
        }
        return grid
    }
}

private func unknownShift(_ id: String, employee: String, day: Int, instance: CurtoisInstance) -> String {
    "unknown shift id '\(id)' (employee '\(employee)', day \(day)); the instance's shift ids are "
        + instance.shiftTypes.map(\.id).joined(separator: ", ")
}

private func xmlEscaped(_ text: String) -> String {
    var out = ""
    for character in text {
        switch character {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&apos;"
        default: out.append(character)
        }
    }
    return out
}

private func xmlUnescaped(_ text: some StringProtocol) -> String {
    // "&amp;" last, so that an escaped entity such as "&amp;lt;" stays the text "&lt;".
    String(text).replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
        .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
        .replacingOccurrences(of: "&amp;", with: "&")
}

/// A small scan of layout (b), enough for files written by hand or by other solvers without pulling in
/// an XML library: only `<Employee ID>` and the `<Assign>` elements inside it are read; every other
/// element (`SchedulingPeriodFile`, `Penalty`, `DateFound`, `Violations`, …) is skipped. Employees
/// without an element have no shifts. Works on UTF-8 bytes: all markup is ASCII.
private struct RosterXMLReader {
    let file: String
    let instance: CurtoisInstance
    let bytes: [UInt8]
    var position = 0
    var line = 1

    /// Every `.ros` file of the benchmark starts on 2014-01-06 (checked on all 24), and `CurtoisInstance`
    /// carries no date, so a `<Date>` is counted from there.
    static let startDate = "2014-01-06"

    /// An `<Assign>` being read: each child's text with the line it is on.
    struct Assign {
        var line: Int
        var day: (text: String, line: Int)?
        var date: (text: String, line: Int)?
        var shift: (text: String, line: Int)?
    }

    struct Tag {
        var name: String
        var body: Substring
        var closing: Bool
        var selfClosing: Bool
    }

    func error(_ message: String, line: Int) -> InputError {
        InputError(file: file, line: line, message: message)
    }

    mutating func read() throws -> [[String?]] {
        let staffRows = Dictionary(instance.staff.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var grid = Array(repeating: Array(repeating: String?.none, count: instance.horizonDays), count: instance.staff.count)
        var assigned = Array(repeating: Array(repeating: false, count: instance.horizonDays), count: instance.staff.count)
        var sawRoot = false
        var employee: Int?
        var assign: Assign?
        var content: [UInt8] = []
        var contentLine = line

        while position < bytes.count {
            guard bytes[position] == UInt8(ascii: "<") else {
                content.append(bytes[position])
                advance()
                continue
            }
            if starts(with: "<!--") { try skip(past: "-->"); continue }
            if starts(with: "<?") { try skip(past: "?>"); continue }
            if starts(with: "<!") { try skip(past: ">"); continue }

            let tagLine = line
            let tag = try readTag()
            if !sawRoot {
                guard !tag.closing, tag.name == "Roster" else {
                    throw error("expected a <Roster> solution, but the first element is <\(tag.name)>"
                                + (tag.name == "SchedulingPeriod" ? " (is this the instance file?)" : ""), line: tagLine)
                }
                sawRoot = true
                continue
            }
            let text = String(decoding: content, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            content.removeAll()
            switch (tag.name, tag.closing) {
            case ("Employee", false):
                guard let id = Self.attribute("ID", in: tag.body) else {
                    throw error("<Employee> has no ID attribute", line: tagLine)
                }
                guard let row = staffRows[id] else {
                    throw error("employee '\(id)' is not in the instance (its employees: "
                                + instance.staff.map(\.id).joined(separator: ", ") + ")", line: tagLine)
                }
                employee = tag.selfClosing ? nil : row
            case ("Employee", true):
                employee = nil
            case ("Assign", false):
                guard employee != nil else { throw error("<Assign> outside an <Employee ID=\"…\">", line: tagLine) }
                guard !tag.selfClosing else { throw error("<Assign/> is empty: it needs a <Shift> and a <Day>", line: tagLine) }
                assign = Assign(line: tagLine)
            case ("Assign", true):
                if let current = assign, let row = employee {
                    try record(current, row: row, into: &grid, assigned: &assigned)
                }
                assign = nil
            case ("Day", false), ("Date", false), ("Shift", false):
                contentLine = tagLine
            case ("Day", true): assign?.day = (text, contentLine)
            case ("Date", true): assign?.date = (text, contentLine)
            case ("Shift", true): assign?.shift = (text, contentLine)
            default: break
            }
        }
        if !sawRoot { throw error("no <Roster> element found", line: line) }
        if let assign { throw error("the file ends inside the <Assign> opened on line \(assign.line)", line: line) }
        return grid
    }

    /// Checks one `<Assign>` against the instance and writes it into the grid.
    func record(_ assign: Assign, row: Int, into grid: inout [[String?]], assigned: inout [[Bool]]) throws {
        let horizon = instance.horizonDays
        guard let shift = assign.shift else { throw error("<Assign> has no <Shift>", line: assign.line) }
        let day: Int
        if let given = assign.day {
            guard let value = Int(given.text), (0 ..< horizon).contains(value) else {
                throw error("day '\(given.text)' is not a day of the horizon (0 to \(horizon - 1))", line: given.line)
            }
            day = value
        } else if let given = assign.date {
            guard let value = Self.dayIndex(ofDate: given.text), (0 ..< horizon).contains(value) else {
                throw error("date '\(given.text)' is not a date of the horizon (\(horizon) days from \(Self.startDate))", line: given.line)
            }
            day = value
        } else {
            throw error("<Assign> has neither a <Day> nor a <Date>", line: assign.line)
        }
        // "-" is how the benchmark's own .ros files write "no shift" in an <Assign>.
        let id: String? = shift.text == "-" ? nil : shift.text
        if let id, instance.shiftType(id) == nil {
            throw error(unknownShift(id, employee: instance.staff[row].id, day: day, instance: instance), line: shift.line)
        }
        guard !assigned[row][day] else {
            throw error("employee '\(instance.staff[row].id)' has a second <Assign> on day \(day) (one shift a day at most)", line: assign.line)
        }
        assigned[row][day] = true
        grid[row][day] = id
    }

    // MARK: - Scanning

    mutating func advance() {
        // A line ends at "\n", at "\r\n" (counted at its "\n") and at a lone "\r".
        let byte = bytes[position]
        if byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: "\r") && (position + 1 == bytes.count || bytes[position + 1] != UInt8(ascii: "\n"))) {
            line += 1
        }
        position += 1
    }

    func starts(with prefix: String) -> Bool {
        bytes[position...].starts(with: prefix.utf8)
    }

    mutating func skip(past end: String) throws {
        let startLine = line
        while position < bytes.count, !starts(with: end) { advance() }
        guard position < bytes.count else { throw error("unterminated markup (no '\(end)' after line \(startLine))", line: startLine) }
        for _ in end.utf8 { advance() }
    }

    /// Reads `<…>` from the `<` at `position`; quoted attribute values may hold `>`.
    mutating func readTag() throws -> Tag {
        let startLine = line
        advance()
        let start = position
        var quote: UInt8?
        while position < bytes.count {
            let byte = bytes[position]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                break
            }
            advance()
        }
        guard position < bytes.count else { throw error("unterminated tag (no '>' after this '<')", line: startLine) }
        var body = Substring(String(decoding: bytes[start ..< position], as: UTF8.self))
        advance()
        let closing = body.hasPrefix("/")
        if closing { body = body.dropFirst() }
        let selfClosing = body.hasSuffix("/")
        if selfClosing { body = body.dropLast() }
        let name = String(body.prefix { !$0.isWhitespace })
        return Tag(name: name, body: body, closing: closing, selfClosing: selfClosing)
    }

    /// The value of attribute `name` in a tag's text (`Employee ID="A"`), quotes removed, entities decoded.
    static func attribute(_ name: String, in body: Substring) -> String? {
        var rest = body.drop { !$0.isWhitespace }   // past the element name
        while let equals = rest.firstIndex(of: "=") {
            let key = rest[..<equals].trimmingCharacters(in: .whitespacesAndNewlines)
            let value = rest[rest.index(after: equals)...].drop { $0.isWhitespace }
            guard let quote = value.first, quote == "\"" || quote == "'",
                  let end = value.dropFirst().firstIndex(of: quote) else { return nil }
            if key == name { return xmlUnescaped(value[value.index(after: value.startIndex) ..< end]) }
            rest = value[value.index(after: end)...]
        }
        return nil
    }

    /// Day index of an ISO date (`2014-01-08` → 2), counted from `startDate`; nil if it is not a valid date.
    static func dayIndex(ofDate text: String) -> Int? {
        guard let date = ordinal(ofDate: text), let start = ordinal(ofDate: startDate) else { return nil }
        return date - start
    }

    /// A running day count of an ISO date (`YYYY-MM-DD`, Gregorian); only differences between two mean anything.
    static func ordinal(ofDate text: String) -> Int? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]), year > 0,
              (1 ... 12).contains(month), (1 ... daysIn(month: month, year: year)).contains(day) else { return nil }
        let before = year - 1
        var count = before * 365 + before / 4 - before / 100 + before / 400 + day
        for earlier in 1 ..< month { count += daysIn(month: earlier, year: year) }
        return count
    }

    static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    static func daysIn(month: Int, year: Int) -> Int {
        month == 2 ? (isLeap(year) ? 29 : 28) : [4, 6, 9, 11].contains(month) ? 30 : 31
    }
}
