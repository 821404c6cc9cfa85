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
    /// Missing person-hours, per slot the larger of the total line's shortfall and the group lines' summed
    /// shortfalls: a group and the total missing the same person count once, two posts each missing their
    /// own person count twice, and a group short while the total is met still counts.
    public let shortHours: Double

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
        var missing = 0
        for d in 0..<scenario.dayCount {
            for slot in 0..<demand.slotsPerDay {
                let short = demand.groups.indices.map { grid.short(day: d, slot: slot, group: $0, demand: demand) }
                let total = demand.groups.firstIndex(of: Demand.anyGroup).map { short[$0] } ?? 0
                missing += max(total, short.reduce(0, +) - total)
            }
        }
        shortHours = Double(missing * demand.slotMinutes) / 60
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
