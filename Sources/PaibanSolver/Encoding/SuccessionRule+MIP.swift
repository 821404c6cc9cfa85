import Paiban

/// One row per person, day d and class of forbidden pairs: the earlier shifts E on day d and the later shifts L
/// on day d+1, where every shift of E forbids every shift of L: sum of x[d][E] + sum of x[d+1][L] <= 1 (a person
/// works one shift a day, so at most one of each side, and never one of both).
///
/// The classes: each later shift b has the set P(b) of the shifts it may not follow; each distinct P gives E = P
/// and L = every b whose P(b) contains P. They cover every forbidden pair (a, b) (by the class P(b)), and a row
/// per class is both fewer and tighter than a row per earlier shift: Curtois Instance13 (18 shifts, late ones
/// forbidding early ones the next day) has 6 classes against 14 shifts with forbidden successors.
/// After the history's last shift the forbidden successors are simply closed on day 0.
extension SuccessionRule {
    func encodeSuccessions(into model: inout LinearModel, _ x: AssignmentVariables, _ scenario: Scenario) {
        let shifts = scenario.shifts.indices
        let successors = shifts.map { a in shifts.filter { forbids(a, then: $0, in: scenario) != nil } }
        let classes = Self.forbiddenClasses(successors, shiftCount: scenario.shifts.count)
        let empty = Roster(people: scenario.staff.count, days: 0)
        // The words of the rows' sentences, made once: a year of 150 people and 32 shifts has a million rows.
        func codes(_ list: [Int]) -> String { list.map { scenario.shifts[$0].code }.joined(separator: "/") }
        let classCodes = classes.map { (earlier: codes($0.earlier), later: codes($0.later)) }
        let historyCodes = successors.map(codes)
        for p in scenario.staff.indices {
            let person = scenario.personName(p)
            func origin(_ d: Int, earlier: String, later: String) -> RowOrigin {
                RowOrigin(rule: id, person: p, days: [d, d + 1], text: Text(.rowSuccession, [
                    "person": .verbatim(person), "earlier": .verbatim(earlier), "later": .verbatim(later),
                    "date": .date(scenario.period.date(d + 1))]))
            }
            if let a = empty.shift(p, -1, in: scenario), !successors[a].isEmpty {
                let later = successors[a].compactMap { x.x(p, 0, $0) }.map { ($0, 1.0) }
                if !later.isEmpty {
                    model.addRow("\(id)_\(p)_h", later, upper: 0, origin: origin(-1, earlier: scenario.shifts[a].code, later: historyCodes[a]))
                }
            }
            for d in 0..<max(0, scenario.dayCount - 1) {
                for (k, forbidden) in classes.enumerated() {
                    let earlier = forbidden.earlier.compactMap { x.x(p, d, $0) }
                    let later = forbidden.later.compactMap { x.x(p, d + 1, $0) }
                    // Without one side the row says only "one shift a day", which holds already.
                    guard !earlier.isEmpty, !later.isEmpty else { continue }
                    model.addRow("\(id)_\(p)_\(d)_\(k)", (earlier + later).map { ($0, 1.0) }, upper: 1,
                                 origin: origin(d, earlier: classCodes[k].earlier, later: classCodes[k].later))
                }
            }
        }
    }

    /// The classes of forbidden pairs described above, from each shift's forbidden successors; shifts in order.
    static func forbiddenClasses(_ successors: [[Int]], shiftCount: Int) -> [(earlier: [Int], later: [Int])] {
        let predecessors = (0..<shiftCount).map { b in (0..<shiftCount).filter { successors[$0].contains(b) } }
        var seen = Set<[Int]>()
        return predecessors.compactMap { earlier in
            guard !earlier.isEmpty, seen.insert(earlier).inserted else { return nil }
            let later = (0..<shiftCount).filter { Set(predecessors[$0]).isSuperset(of: earlier) }
            return (earlier, later)
        }
    }
}

extension MinimumRest: MIPEncodable {
    func encode(into model: inout LinearModel, _ x: AssignmentVariables, _ scenario: Scenario) {
        encodeSuccessions(into: &model, x, scenario)
    }
}

extension ForbiddenSuccession: MIPEncodable {
    func encode(into model: inout LinearModel, _ x: AssignmentVariables, _ scenario: Scenario) {
        encodeSuccessions(into: &model, x, scenario)
    }
}
