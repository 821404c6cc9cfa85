import Paiban
import PaibanSolver
import Testing

/// Tiny scenarios in code. Defaults switch every rule off that a test does not name, so each test
/// states only what matters to it:
/// - one day shift D 09:00-17:00 (8 paid hours), hourly demand slots, demand group "*" only;
/// - contracts with no rest days, no hours band (target 0), run limits far beyond the period,
///   night-eligible, no night cap;
/// - no minimum rest, no forbidden successions, night fairness priced at 0.
/// The default period is Monday 3 March 2025 for 7 days.
struct ScenarioBuilder {
    var start = day(2025, 3, 3)
    var days = 7
    var shifts: [ShiftType] = [Shifts.day]
    var slotMinutes = 60
    var groups: [String] = [Demand.anyGroup]
    var staff: [Staff] = []
    var requests: [Request] = []
    var rules: RuleSet = {
        var r = RuleSet()
        r.minRestHours = nil
        r.forbiddenSuccessions = []
        r.weights.nightFairness = 0
        return r
    }()
    /// (day offsets, first slot, end slot (exclusive), group, headcount), applied in order.
    private var demandLines: [(days: [Int], from: Int, to: Int, group: String, count: Int)] = []

    /// A contract with every limit off; tests switch on the one they exercise.
    static var freeContract: Contract {
        var c = Contract()
        c.restDaysPerMonth = 0
        c.hoursTarget = 0
        c.hoursTolerance = 0
        c.consecutiveSoft = 100
        c.consecutiveHard = 100
        c.nightEligible = true
        c.maxNights = nil
        return c
    }

    init(start: CivilDate = day(2025, 3, 3), days: Int = 7) {
        self.start = start
        self.days = days
    }

    /// Adds a person with the free contract, edited by `configure`. Returns the person's index.
    @discardableResult
    mutating func person(_ id: String, group: String = "team", _ configure: (inout Staff) -> Void = { _ in }) -> Int {
        var s = Staff(id: id, name: id, group: group, contract: Self.freeContract)
        configure(&s)
        staff.append(s)
        return staff.count - 1
    }

    /// `count` people needed from `from` to `to` (clock hours; `to` may be 24) on the given days.
    mutating func need(_ count: Int, from: Int, to: Int, on days: [Int]? = nil, group: String = Demand.anyGroup) {
        let perHour = 60 / slotMinutes
        demandLines.append((days ?? Array(0..<self.days), from * perHour, to * perHour, group, count))
    }

    func shift(_ code: String) -> Int { shifts.firstIndex { $0.code == code }! }
    func date(_ offset: Int) -> CivilDate { start.adding(days: offset) }

    func build() -> Scenario {
        var demand = Demand(days: days, slotMinutes: slotMinutes, groups: groups)
        for line in demandLines {
            let g = groups.firstIndex(of: line.group)!
            for d in line.days { for slot in line.from..<line.to { demand.set(day: d, slot: slot, group: g, to: line.count) } }
        }
        return Scenario(name: "test", period: Period(start: start, end: start.adding(days: days - 1)), shifts: shifts,
                        staff: staff, requests: requests, demand: demand, rules: rules)
    }
}

/// Shifts used across the tests (times in minutes since midnight).
enum Shifts {
    /// 09:00-17:00, no night.
    static let day = ShiftType(code: "D", name: "Day", start: 9 * 60, end: 17 * 60)
    /// 06:00-14:00.
    static let early = ShiftType(code: "E", name: "Early", start: 6 * 60, end: 14 * 60)
    /// 14:00-22:00: ends at 22:00, a small night.
    static let late = ShiftType(code: "L", name: "Late", start: 14 * 60, end: 22 * 60)
    /// 22:00-06:00 next day: crosses midnight, a big night.
    static let night = ShiftType(code: "N", name: "Night", start: 22 * 60, end: 6 * 60)
}

func day(_ y: Int, _ m: Int, _ d: Int) -> CivilDate { CivilDate(year: y, month: m, day: d)! }

extension Scenario {
    /// A roster from one string per person: a shift code per day, "." for off, "#" for leave.
    func roster(_ rows: [String]) -> Roster {
        precondition(rows.count == staff.count, "one row per person")
        var r = Roster(people: staff.count, days: dayCount)
        for (p, row) in rows.enumerated() {
            precondition(row.count == dayCount, "row \(p) has \(row.count) days, the period has \(dayCount)")
            for (d, ch) in row.enumerated() {
                switch ch {
                case ".": r[p, d] = .off
                case "#": r[p, d] = .leave
                default: r[p, d] = .work(shiftIndex(code: String(ch))!)
                }
            }
        }
        return r
    }

    /// The inverse of `roster(_:)`, for readable failure messages.
    func rows(_ roster: Roster) -> [String] {
        staff.indices.map { p in
            String((0..<dayCount).map { d -> Character in
                switch roster[p, d] {
                case .off: return "."
                case .leave: return "#"
                case .work(let s): return Character(shifts[s].code)
                }
            })
        }
    }
}

/// Solves with a small time limit and gap 0; the solver itself throws if its roster and its audit disagree.
func solve(_ scenario: Scenario, timeLimit: Double = 3) throws -> SolveResult {
    try Solver.solve(scenario, options: SolveOptions(timeLimit: timeLimit, gap: 0))
}

/// A solved roster, recording an issue (and returning nil) when the solver found none.
func solvedRoster(_ result: SolveResult, sourceLocation: SourceLocation = #_sourceLocation) -> Roster? {
    #expect(result.status != .infeasible, "expected a roster, got infeasible: \(result.explanation.map(\.message))", sourceLocation: sourceLocation)
    #expect(result.roster != nil, sourceLocation: sourceLocation)
    return result.roster
}

extension AuditReport {
    func findings(_ rule: String) -> [Finding] { findings.filter { $0.rule == rule } }
    func hard(_ rule: String) -> [Finding] { hardFindings.filter { $0.rule == rule } }
    func penalty(_ rule: String) -> Double { penalties[rule] ?? 0 }
}

/// The comparable part of a finding: rule, severity, person, days, penalty (the message is prose).
struct FindingKey: Hashable, CustomStringConvertible {
    var rule: String
    var severity: Finding.Severity
    var person: Int?
    var days: [Int]
    var penalty: Double = 0

    init(_ rule: String, _ severity: Finding.Severity, person: Int?, days: [Int], penalty: Double = 0) {
        self.rule = rule
        self.severity = severity
        self.person = person
        self.days = days
        self.penalty = penalty
    }

    init(_ f: Finding) { self.init(f.rule, f.severity, person: f.person, days: f.days, penalty: f.penalty) }

    var description: String { "\(rule) \(severity) p=\(person.map(String.init) ?? "-") days=\(days) penalty=\(penalty)" }
}

func keys(_ findings: [Finding]) -> [FindingKey] { findings.map(FindingKey.init) }

/// Days worked by person p, in the period only.
func workedDays(_ roster: Roster, _ p: Int) -> [Int] { roster.cells[p].indices.filter { roster[p, $0].shift != nil } }

/// Lengths of maximal runs of worked days, counting `historyRun` worked days just before day 0.
func runLengths(_ roster: Roster, _ p: Int, historyRun: Int = 0) -> [Int] {
    var runs: [Int] = []
    var current = historyRun
    for d in roster.cells[p].indices {
        if roster[p, d].shift != nil { current += 1 } else { if current > 0 { runs.append(current) }; current = 0 }
    }
    if current > 0 { runs.append(current) }
    return runs
}
