import Paiban

/// One assignment on a date: what a roster file says about a day outside the scenario's period.
public struct DatedAssignment: Hashable, Sendable {
    public var date: CivilDate
    public var assignment: Assignment

    public init(date: CivilDate, assignment: Assignment) {
        self.date = date
        self.assignment = assignment
    }
}

/// A roster file read against a scenario: the roster for the scenario's period, and what the reader
/// found out about the file on the way.
public struct RosterFile: Sendable {
    /// Long: one row per person per day (what `paiban solve` writes). Wide: one row per person and one
    /// column per day (the table supervisors keep in Excel).
    public enum Layout: String, Sendable, Hashable {
        case long
        case wide
        /// The Curtois & Qu benchmark's solution layout (a line of tab-separated shift ids per employee, or its XML).
        case benchmark
    }

    public var file: String
    public var layout: Layout
    /// The encoding the bytes were read in (detected or forced).
    public var encoding: TextEncoding
    /// "," or "\t".
    public var delimiter: Character
    /// The row holding the column names (rows above it, such as a title, are skipped).
    public var headerRow: Int
    /// People and days of the scenario: cells[person][day offset in the period]. Days the file says
    /// nothing about stay `.off`.
    public var roster: Roster
    /// given[person][day]: whether the file says something about that person-day. In the wide form a
    /// blank cell says "rest"; in the long form a missing row says nothing.
    public var given: [[Bool]]
    /// The words of leave cells ("年假", "病假", "LEAVE"), per person: day offset -> word.
    public var leaveKinds: [[Int: String]]
    /// Scenario people (indices) with no row in the file; their days stay `.off`.
    public var missingPeople: [Int]
    /// Assignments before the period, per scenario person, oldest first (only a file read in the
    /// `.previous` role has them).
    public var earlier: [[DatedAssignment]]
    /// People in a `.previous` file who are not in the scenario (they have left the team): id or name as written.
    public var peopleNotInScenario: [String]
    /// Header texts of columns the reader did not use ("合计", "工时", "部门", a weekday column).
    public var ignoredColumns: [String]

    /// The scenario's period, which `roster` covers.
    public var period: Period

    /// For tests and tools that build a roster file in code: defaults say "everything given, nothing else".
    public init(file: String, layout: Layout, encoding: TextEncoding = .utf8, delimiter: Character = ",", headerRow: Int = 1,
                roster: Roster, period: Period, given: [[Bool]]? = nil, leaveKinds: [[Int: String]]? = nil,
                missingPeople: [Int] = [], earlier: [[DatedAssignment]]? = nil, peopleNotInScenario: [String] = [],
                ignoredColumns: [String] = []) {
        self.file = file
        self.layout = layout
        self.encoding = encoding
        self.delimiter = delimiter
        self.headerRow = headerRow
        self.roster = roster
        self.period = period
        self.given = given ?? roster.cells.map { $0.map { _ in true } }
        self.leaveKinds = leaveKinds ?? roster.cells.map { _ in [:] }
        self.missingPeople = missingPeople
        self.earlier = earlier ?? roster.cells.map { _ in [] }
        self.peopleNotInScenario = peopleNotInScenario
        self.ignoredColumns = ignoredColumns
    }

    /// The shifts of the days just before the period, oldest first, nil for a rest day or leave: the
    /// unbroken run of days the file gives that ends the day before the period starts (empty if the file
    /// says nothing about that day). Fits `Staff.history`.
    public func history(for person: Int) -> [Int?] {
        guard person >= 0, person < earlier.count else { return [] }
        var run: [Int?] = []
        var expected = period.start.adding(days: -1)
        for entry in earlier[person].reversed() {
            guard entry.date == expected else { break }
            run.append(entry.assignment.shift)
            expected = expected.adding(days: -1)
        }
        return run.reversed()
    }
}
