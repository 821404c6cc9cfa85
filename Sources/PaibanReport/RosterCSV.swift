import Paiban

/// `roster.csv`: one row per person per day, `employee_id,employee_name,date,shift,break_start`, where
/// shift is a shift code, `OFF` or `LEAVE`, and break_start the start of the meal round (empty when none).
/// The long form that `paiban check` reads back.
public enum RosterCSV {
    public static func render(_ roster: Roster, scenario: Scenario) -> String {
        var out = CSV.line(["employee_id", "employee_name", "date", "shift", "break_start"])
        for (p, person) in scenario.staff.enumerated() {
            for d in 0..<scenario.dayCount {
                out += CSV.line([person.id, person.name, scenario.period.date(d).iso, code(roster[p, d], scenario),
                                 roster.breaks[p][d].map(Clock.format) ?? ""])
            }
        }
        return out
    }

    public static func code(_ assignment: Assignment, _ scenario: Scenario) -> String {
        switch assignment {
        case .off: return "OFF"
        case .leave: return "LEAVE"
        case .work(let s): return scenario.shifts[s].code
        }
    }
}
