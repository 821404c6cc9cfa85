/// README hard constraints 2-9 (1, one shift a day, holds by construction: a roster is one cell per
/// employee and day) with the Paiban rule id that must report each.
public enum Constraint: Int, CaseIterable, CustomStringConvertible, Sendable {
    case daysOff = 2, typeCap, totalMinutes, succession, maxRun, minRun, minOff, maxWeekends

    public var rule: String {
        switch self {
        case .daysOff: "availability"
        case .typeCap: "shift-caps"
        case .totalMinutes: "period-minutes"
        case .succession: "forbidden-succession"
        case .maxRun: "consecutive-days"
        case .minRun: "min-work-stretch"
        case .minOff: "min-off-stretch"
        case .maxWeekends: "weekends"
        }
    }

    public var description: String { "\(rawValue) (\(rule))" }
}

/// A hard constraint broken by one employee, named by Paiban's rule id: "rule:employee".
public struct Breach: Hashable, CustomStringConvertible, Sendable {
    public var rule: String
    public var employee: String
    public init(rule: String, employee: String) { self.rule = rule; self.employee = employee }
    public var description: String { "\(rule):\(employee)" }
}

public struct Verdict: Sendable {
    public var breaches: Set<Breach>
    public var objective: Int
    public var feasible: Bool { breaches.isEmpty }
}

extension ReferenceInstance {
    /// The hard constraints one employee's row breaks (all of 2-9 are about one employee at a time).
    public func breaches(of row: [String?], by person: Employee) -> Set<Constraint> {
        var broken = Set<Constraint>()
        // 2. no shift on a listed day off
        if daysOff[person.id, default: []].contains(where: { row[$0] != nil }) { broken.insert(.daysOff) }
        // 3. per type, at most the cap
        for (shift, cap) in person.caps where row.filter({ $0 == shift }).count > cap { broken.insert(.typeCap) }
        // 4. total minutes within [min, max]
        let minutes = row.compactMap { $0 }.reduce(0) { $0 + shift($1)!.minutes }
        if minutes < person.minMinutes || minutes > person.maxMinutes { broken.insert(.totalMinutes) }
        // 5. forbidden successions on consecutive days
        for d in 0 ..< horizon - 1 {
            if let a = row[d], let b = row[d + 1], shift(a)!.cannotFollow.contains(b) { broken.insert(.succession) }
        }
        // 6-8. maximal stretches of working days and of days off
        var start = 0
        while start < horizon {
            let working = row[start] != nil
            var end = start
            while end + 1 < horizon, (row[end + 1] != nil) == working { end += 1 }
            let length = end - start + 1
            // Boundary rule: only a stretch with a neighbouring day on both sides inside the horizon is judged.
            let inside = start > 0 && end < horizon - 1
            if working, length > person.maxRun { broken.insert(.maxRun) }
            if working, inside, length < person.minRun { broken.insert(.minRun) }
            if !working, inside, length < person.minOff { broken.insert(.minOff) }
            start = end + 1
        }
        // 9. weekends worked: Saturday (day % 7 == 5) + Sunday, worked if either day has a shift
        let weekends = (0 ..< horizon / 7).filter { w in row[7 * w + 5] != nil || row[7 * w + 6] != nil }.count
        if weekends > person.maxWeekends { broken.insert(.maxWeekends) }
        return broken
    }

    /// Judges `grid[employee][day]` (a shift id, nil for a day off) as the README defines it.
    public func judge(_ grid: [[String?]]) -> Verdict {
        var all = Set<Breach>()
        for (e, person) in staff.enumerated() {
            for c in breaches(of: grid[e], by: person) { all.insert(Breach(rule: c.rule, employee: person.id)) }
        }
        var objective = 0
        let index = Dictionary(uniqueKeysWithValues: staff.enumerated().map { ($1.id, $0) })
        for wish in on where grid[index[wish.staff]!][wish.day] != wish.shift { objective += wish.weight }
        for wish in off where grid[index[wish.staff]!][wish.day] == wish.shift { objective += wish.weight }
        for line in cover {
            let assigned = grid.filter { $0[line.day] == line.shift }.count
            objective += line.under * max(0, line.required - assigned) + line.over * max(0, assigned - line.required)
        }
        return Verdict(breaches: all, objective: objective)
    }
}
