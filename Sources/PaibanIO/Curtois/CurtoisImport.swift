import Foundation
import Paiban

/// Turns a Curtois & Qu instance into a Paiban scenario, written as scenario YAML: `paiban import curtois`
/// prints it, and `paiban solve InstanceN.txt` reads the same text, so there is one mapping only.
///
/// Every feature of the format becomes a general Paiban rule (see the README's rules table):
/// per-type caps → `max_shifts`, total minutes → `period_minutes_min/max`, max/min consecutive shifts →
/// `consecutive_hard` (= `consecutive_soft`, so nothing is priced) and `consecutive_min`, min consecutive
/// days off → `days_off_min`, max weekends → `max_weekends`, days off → `days_off`, "cannot follow" →
/// `forbidden_successions`, shift on/off requests → weighted requests, cover → `shift_cover` lines with the
/// file's under/over weights. Paiban's own labour rules that the benchmark lacks are switched off (no
/// monthly rest days or hours band, no minimum rest, no holiday calendar, no nights), so a roster's
/// penalty in Paiban is exactly the benchmark's objective.
public enum CurtoisImport {
    /// Day 0 of every instance is a Monday; the benchmark's XML files start on 6 January 2014.
    public static let firstDay = CivilDate(iso: "2014-01-06")!

    public static func scenario(from instance: CurtoisInstance, name: String, file: String) throws -> Scenario {
        try ScenarioReader.read(data: Data(yaml(instance, name: name).utf8), file: file)
    }

    /// Reads an instance file and returns its scenario; errors name the instance file and line.
    public static func scenario(path: String) throws -> (CurtoisInstance, Scenario) {
        let instance = try CurtoisParser.parse(path: path)
        return (instance, try scenario(from: instance, name: instanceName(path: path), file: path + " (imported)"))
    }

    /// "Instance7" for ".../Instance7.txt": the scenario's name, and the stem of the instance's XML file.
    public static func instanceName(path: String) -> String {
        ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    }

    /// Whether a path names a benchmark instance rather than a scenario YAML.
    public static func isInstance(path: String) -> Bool { (path as NSString).pathExtension.lowercased() == "txt" }

    public static func yaml(_ instance: CurtoisInstance, name: String) -> String {
        func date(_ d: Int) -> String { firstDay.adding(days: d).iso }
        func quoted(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
        var out = """
        # \(name): Curtois & Qu employee shift scheduling benchmark, imported by `paiban import curtois`.
        # Day 0 is \(firstDay.iso). Shift times are not part of the format: every shift starts at 00:00 and
        # lasts its length; with no minimum rest and no nights, the times change nothing.
        name: \(quoted(name))
        period: {start: \(date(0)), end: \(date(instance.horizonDays - 1))}
        calendar: none
        groups: [staff]
        shifts:

        """
        for shift in instance.shiftTypes {
            out += "  - {code: \(quoted(shift.id)), start: \"00:00\", end: \"\(Clock.format(shift.lengthMinutes % 1440))\", night: none}\n"
        }
        out += "rules:\n  min_rest_hours: none\n  forbidden_successions: ["
        out += instance.shiftTypes.flatMap { shift in shift.forbiddenSuccessors.map { "[\(quoted(shift.id)), \(quoted($0))]" } }.joined(separator: ", ")
        out += "]\nstaff:\n"
        for person in instance.staff {
            out += "  - id: \(quoted(person.id))\n    group: staff\n"
            out += "    rest_days_per_month: 0\n    hours_target: 0\n"
            out += "    consecutive_hard: \(person.maxConsecutiveShifts)\n    consecutive_soft: \(person.maxConsecutiveShifts)\n"
            out += "    consecutive_min: \(max(1, person.minConsecutiveShifts))\n    days_off_min: \(max(1, person.minConsecutiveDaysOff))\n"
            out += "    max_weekends: \(person.maxWeekends)\n"
            out += "    period_minutes_min: \(person.minTotalMinutes)\n    period_minutes_max: \(person.maxTotalMinutes)\n"
            let caps = instance.shiftTypes.compactMap { shift in person.maxShifts[shift.id].map { "\(quoted(shift.id)): \($0)" } }
            out += "    max_shifts: {\(caps.joined(separator: ", "))}\n"
            let off = instance.fixedDaysOff(of: person.id)
            if !off.isEmpty { out += "    days_off: [\(off.map(date).joined(separator: ", "))]\n" }
            let on = instance.shiftOnRequests.filter { $0.staff == person.id }
            let avoid = instance.shiftOffRequests.filter { $0.staff == person.id }
            if !on.isEmpty || !avoid.isEmpty { out += "    requests:\n" }
            for r in on { out += "      - {date: \(date(r.day)), shift: \(quoted(r.shift)), weight: \(r.weight)}\n" }
            for r in avoid { out += "      - {date: \(date(r.day)), avoid: \(quoted(r.shift)), weight: \(r.weight)}\n" }
        }
        out += "shift_cover:\n"
        for c in instance.cover {
            out += "  - {days: [\(date(c.day))], shift: \(quoted(c.shift)), required: \(c.requirement), under_weight: \(c.underWeight), over_weight: \(c.overWeight)}\n"
        }
        return out
    }
}

/// A scenario named on the command line: Paiban's YAML, or a benchmark instance imported on the fly.
public enum ScenarioSource {
    public static func read(path: String) throws -> (scenario: Scenario, instance: CurtoisInstance?) {
        guard CurtoisImport.isInstance(path: path) else { return (try ScenarioReader.read(path: path), nil) }
        let (instance, scenario) = try CurtoisImport.scenario(path: path)
        return (scenario, instance)
    }
}
