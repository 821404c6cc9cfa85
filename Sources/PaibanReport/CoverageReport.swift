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
        // Finer slots (from meal rounds) are merged back into the scenario's own slots wherever nothing
        // differs inside one, so the file is fine-grained only around the lunch window.
        let perReport = max(1, demand.reportMinutes / demand.slotMinutes)
        for d in 0..<scenario.dayCount {
            for first in stride(from: 0, to: demand.slotsPerDay, by: perReport) {
                for (g, group) in demand.groups.enumerated() {
                    let slots = first..<min(demand.slotsPerDay, first + perReport)
                    let uniform = slots.allSatisfy { demand.required[d][$0][g] == demand.required[d][first][g] && grid.assigned[d][$0][g] == grid.assigned[d][first][g] }
                    for part in uniform ? [slots] : slots.map { $0..<($0 + 1) } {
                        rows.append(Row(date: scenario.period.date(d), slotStart: demand.slotStart(part.lowerBound),
                                        slotEnd: demand.slotStart(part.upperBound), group: group == Demand.anyGroup ? "all" : group,
                                        required: demand.required[d][part.lowerBound][g], assigned: grid.assigned[d][part.lowerBound][g]))
                    }
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
        return (total.isEmpty ? rows : total).reduce(0.0) { $0 + Double($1.short * ($1.slotEnd - $1.slotStart)) } / 60
    }

    /// Missing person-hours per group.
    public var shortHoursByGroup: [String: Double] {
        Dictionary(grouping: rows, by: \.group).mapValues { $0.reduce(0.0) { $0 + Double($1.short * ($1.slotEnd - $1.slotStart)) } / 60 }
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
