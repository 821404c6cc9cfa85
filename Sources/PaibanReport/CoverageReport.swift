import Paiban

/// Required against assigned headcount per day, slot and demand group: `coverage.csv`, and the
/// totals the summary and the terminal report quote.
public struct CoverageReport: Sendable {
    public struct Row: Sendable {
        public var date: CivilDate
        public var slotStart: MinuteOfDay
        public var slotEnd: MinuteOfDay
        public var group: String
        public var required: Int
        public var assigned: Int
        public var short: Int { max(0, required - assigned) }
        public var over: Int { max(0, assigned - required) }
    }

    public let rows: [Row]
    public let slotMinutes: Int

    public init(_ roster: Roster, scenario: Scenario) {
        let grid = CoverageGrid(roster, in: scenario)
        let demand = scenario.demand
        var rows: [Row] = []
        for d in 0..<scenario.dayCount {
            for slot in 0..<demand.slotsPerDay {
                for (g, group) in demand.groups.enumerated() {
                    rows.append(Row(date: scenario.period.date(d), slotStart: demand.slotStart(slot),
                                    slotEnd: demand.slotStart(slot) + demand.slotMinutes,
                                    group: group == Demand.anyGroup ? "all" : group,
                                    required: demand.required[d][slot][g], assigned: grid.assigned[d][slot][g]))
                }
            }
        }
        self.rows = rows
        slotMinutes = demand.slotMinutes
    }

    /// Missing person-hours: of the total headcount where demand gives one (group lines count the same
    /// people again), else of all group lines together.
    public var shortHours: Double {
        let total = rows.filter { $0.group == "all" }
        return Double((total.isEmpty ? rows : total).reduce(0) { $0 + $1.short } * slotMinutes) / 60
    }

    /// Missing person-hours per group.
    public var shortHoursByGroup: [String: Double] {
        Dictionary(grouping: rows, by: \.group).mapValues { Double($0.reduce(0) { $0 + $1.short } * slotMinutes) / 60 }
    }

    public func renderCSV() -> String {
        var out = CSV.line(["date", "slot_start", "slot_end", "group", "required", "assigned", "short", "over"])
        for r in rows {
            out += CSV.line([r.date.iso, Clock.format(r.slotStart), Clock.format(r.slotEnd), r.group,
                             String(r.required), String(r.assigned), String(r.short), String(r.over)])
        }
        return out
    }
}
