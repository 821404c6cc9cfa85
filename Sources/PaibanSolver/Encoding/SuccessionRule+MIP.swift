import Paiban

/// One row per person, day d and class of forbidden pairs: the earlier shifts E on day d and the later shifts L
/// on day d+1, where every shift of E forbids every shift of L: sum of x[d][E] + sum of x[d+1][L] <= 1 (a person
/// works one shift a day, so at most one of each side, and never one of both).
///
/// The classes: each distinct set F of forbidden successors gives L = F and E = every shift whose forbidden
/// successors include F. Each shift a's pairs are in the class of its own set, whose row holds the row
/// x[d][a] + sum of x[d+1][F(a)] <= 1 and more: never looser than a row per shift with successors, and fewer
/// rows where shifts share their successors. Curtois Instance13 (18 shifts, late starts forbidding earlier ones
/// the next day) has 6 such sets against 14 shifts with successors: 26,342 rows against 41,604, and Instance24
/// 529,987 against 1,083,828, built in 2.6 s against 4.1 s. (Classes by the later side instead, one per set of
/// shifts that a later shift may not follow, gave 30,051 rows on 13 and more rows than shifts on Curtois 3 and 6-9.)
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
                // Each class's shifts open to the person on the two days (in shift order).
                let open = classes.map { forbidden in
                    (earlier: forbidden.earlier.filter { x.x(p, d, $0) != nil }, later: forbidden.later.filter { x.x(p, d + 1, $0) != nil })
                }
                for (k, row) in open.enumerated() {
                    // Without one side the row says only "one shift a day", which holds already. A closed shift
                    // can leave a class's row inside another's (Curtois 3, with days off): it would add nothing.
                    guard !row.earlier.isEmpty, !row.later.isEmpty,
                          !open.indices.contains(where: { $0 != k && Self.holds(open[$0], row, tie: $0 < k) }) else { continue }
                    let terms = row.earlier.map { (x.x(p, d, $0)!, 1.0) } + row.later.map { (x.x(p, d + 1, $0)!, 1.0) }
                    model.addRow("\(id)_\(p)_\(d)_\(k)", terms, upper: 1,
                                 origin: origin(d, earlier: classCodes[k].earlier, later: classCodes[k].later))
                }
            }
        }
    }

    /// Whether row `outer` holds every shift of row `inner` on both sides (and, where the two are the same, `tie`
    /// says that `outer` is the one kept). The lists are in shift order.
    static func holds(_ outer: (earlier: [Int], later: [Int]), _ inner: (earlier: [Int], later: [Int]), tie: Bool) -> Bool {
        func contains(_ big: [Int], _ small: [Int]) -> Bool {
            var i = 0
            for s in small {
                while i < big.count, big[i] < s { i += 1 }
                guard i < big.count, big[i] == s else { return false }
            }
            return true
        }
        guard contains(outer.earlier, inner.earlier), contains(outer.later, inner.later) else { return false }
        return tie || outer.earlier.count + outer.later.count > inner.earlier.count + inner.later.count
    }

    /// The classes of forbidden pairs described above, from each shift's forbidden successors; shifts in order.
    /// Where no two shifts have the same successors, the classes save no row, and each shift keeps a row of
    /// its own: the class rows, tighter there, left Curtois Instance7 (D forbids E, L forbids E and D) at its
    /// best known 1056 in 3 of 14 runs at `--work-limit 60` against 8 of 14 with the rows per shift.
    static func forbiddenClasses(_ successors: [[Int]], shiftCount: Int) -> [(earlier: [Int], later: [Int])] {
        var seen = Set<[Int]>()
        let merged = successors.compactMap { later -> (earlier: [Int], later: [Int])? in
            guard !later.isEmpty, seen.insert(later).inserted else { return nil }
            let earlier = (0..<shiftCount).filter { Set(successors[$0]).isSuperset(of: later) }
            return (earlier, later)
        }
        let own = successors.indices.filter { !successors[$0].isEmpty }.map { (earlier: [$0], later: successors[$0]) }
        return merged.count < own.count ? merged : own
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
