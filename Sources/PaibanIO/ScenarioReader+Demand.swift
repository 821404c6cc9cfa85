import Foundation
import Paiban

extension ScenarioReader {
    /// Demand lines: `{days, group, from, to, required, weight}`; weight multiplies the under-cover price. A later line overrides earlier ones for the
    /// same group in the slots it covers, so write the general rule first and the exceptions after.
    static func readDemand(_ node: YAMLNode?, slotMinutes: Int, context: Context) throws -> Demand {
        struct Line { var days: [Int]; var group: String; var slots: Range<Int>; var required: Int; var weight: Double }
        var lines: [Line] = []
        for item in try node?.list() ?? [] {
            let f = try item.fields(allowed: ["days", "group", "from", "to", "required", "weight"])
            let group = try f["group"].map(context.group) ?? Demand.anyGroup
            let from = try f.required("from").time(), to = try f.required("to").time()
            guard to > from else {
                throw try f.required("to").error("demand must end after it starts on the same day; write a range across midnight as two lines (to 24:00, from 00:00)")
            }
            for (name, minute) in [("from", from), ("to", to)] where minute % slotMinutes != 0 {
                throw try f.required(name).error("\(Clock.format(minute)) is not on the \(slotMinutes)-minute slot grid")
            }
            lines.append(Line(days: try readDays(f["days"], context: context), group: group,
                              slots: (from / slotMinutes)..<(to / slotMinutes), required: try f.required("required").int(in: 0...10_000),
                              weight: try f["weight"]?.double(in: 0...1_000) ?? 1))
        }
        let used = Set(lines.map(\.group))
        let groups = ([Demand.anyGroup] + context.groups).filter(used.contains)
        var demand = Demand(days: context.period.dayCount, slotMinutes: slotMinutes, groups: groups)
        demand.reportMinutes = max(slotMinutes, context.declaredSlotMinutes)
        for line in lines {
            let g = groups.firstIndex(of: line.group)!
            for d in line.days { for slot in line.slots { demand.set(day: d, slot: slot, group: g, to: line.required, weight: line.weight) } }
        }
        return demand
    }

    /// Shift-cover lines: `{days, shift, required, under_weight, over_weight}`. A missing person costs
    /// `under_weight` (by default the under-cover price of the shift's paid hours), an extra one
    /// `over_weight` (by default nothing). A later line overrides earlier ones for the same day and shift.
    static func readShiftCover(_ node: YAMLNode?, weights: RuleSet.Weights, context: Context) throws -> [ShiftCover] {
        var lines: [Int: ShiftCover] = [:]   // keyed by day * shifts + shift
        for item in try node?.list() ?? [] {
            let f = try item.fields(allowed: ["days", "shift", "required", "under_weight", "over_weight"])
            let s = try context.shift(try f.required("shift"))
            let required = try f.required("required").int(in: 0...10_000)
            let under = try f["under_weight"]?.double(in: 0...1_000_000) ?? weights.underCover * Double(context.shifts[s].paidMinutes) / 60
            let over = try f["over_weight"]?.double(in: 0...1_000_000) ?? 0
            for d in try readDays(f["days"], context: context) {
                lines[d * context.shifts.count + s] = ShiftCover(day: d, shift: s, required: required, underWeight: under, overWeight: over)
            }
        }
        return lines.keys.sorted().map { lines[$0]! }
    }

    /// `all` (default), `weekdays`, `weekends`, weekday names, or dates in the period.
    static func readDays(_ node: YAMLNode?, context: Context) throws -> [Int] {
        let period = context.period
        let all = Array(0..<period.dayCount)
        guard let node else { return all }
        var days = Set<Int>()
        for item in try node.list() {
            let text = try item.string().lowercased()
            switch text {
            case "all", "daily", "每天": days.formUnion(all)
            case "weekdays", "工作日": days.formUnion(all.filter { !period.date($0).isWeekend })
            case "weekends", "周末": days.formUnion(all.filter { period.date($0).isWeekend })
            default:
                if let weekday = Weekday.parse(text) {
                    days.formUnion(all.filter { period.date($0).weekday == weekday })
                } else if CivilDate(iso: text) != nil {
                    days.insert(try context.dayInPeriod(item))
                } else {
                    throw item.error("'\(text)' is not a day selector (all, weekdays, weekends, a weekday or a date)")
                }
            }
        }
        return days.sorted()
    }
}
