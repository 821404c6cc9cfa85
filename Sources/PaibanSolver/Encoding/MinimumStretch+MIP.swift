import Paiban

/// No stretch of `length` days (shorter than the minimum) with the other kind on both sides. Writing K(d) for
/// "day d is of the stretch's kind" (W(d) for work, 1 - W(d) for off), the forbidden pattern is cut off by
///     K(first) + ... + K(last) - K(first - 1) - K(last + 1) <= length - 1,
/// one row per person, start day and short length. History days enter as constants; rows whose pattern
/// cannot occur at all (a day of it cannot be worked) are left out.
extension MinimumStretch: MIPEncodable {
    func encode(into model: inout LinearModel, _ x: AssignmentVariables, _ scenario: Scenario) {
        let sign: Double = kind == .work ? 1 : -1
        let empty = Roster(people: scenario.staff.count, days: 0)
        for p in scenario.staff.indices {
            let least = minimum(scenario.staff[p].contract)
            let known = -scenario.staff[p].history.count
            for length in 1..<max(least, 1) {
                // The day before the stretch is known, the day after lies inside the period.
                guard known + 1 <= scenario.dayCount - 1 - length else { continue }
                for first in (known + 1)...(scenario.dayCount - 1 - length) where first + length - 1 >= 0 {
                    let last = first + length - 1
                    var terms: [(Int, Double)] = []
                    var constant = 0.0, most = 0.0
                    for d in (first - 1)...(last + 1) {
                        let outer: Double = d == first - 1 || d == last + 1 ? -1 : 1
                        if kind == .off { constant += outer }          // K = 1 - W
                        if d < 0 {
                            if empty.works(p, d, in: scenario) { constant += outer * sign }
                        } else {
                            let work = x.work(p, d)
                            terms += work.map { ($0.0, outer * sign) }
                            if outer * sign > 0, !work.isEmpty { most += 1 }
                        }
                    }
                    let rhs = Double(length - 1) - constant
                    guard most > rhs + 1e-9 else { continue }
                    model.addRow("\(kind == .work ? "minwork" : "minoff")_\(p)_\(first)_\(length)", terms, upper: rhs,
                                 origin: RowOrigin(rule: id, person: p, days: Array(max(first, 0)...last), text: Text(
                                    kind == .work ? .rowShortWorkStretch : .rowShortOffStretch, [
                                        "person": .verbatim(scenario.personName(p)), "count": .number(length),
                                        "date": .date(scenario.period.date(first))])))
                }
            }
        }
    }
}
