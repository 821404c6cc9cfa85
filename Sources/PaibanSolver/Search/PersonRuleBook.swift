import Paiban

/// Who the person-by-person dynamic programme (`PersonPlan`) can plan, and each such person's rules and
/// cells. A person qualifies when every hard row they sit in is one of their own period rules (runs,
/// stretches, successions, weekends, caps, minutes) and none of their shifts has meal rounds; anyone
/// else is left to GLPK.
struct PersonRuleBook {
    static let plannedRules: Set<String> = [ConsecutiveWorkDays().id, MinimumRest().id, ForbiddenSuccession().id,
                                            MinimumStretch(.work).id, MinimumStretch(.off).id, WeekendsWorked().id,
                                            ShiftCaps().id, PeriodMinutes().id]

    /// The person's rules, nil for people the programme cannot plan.
    let rules: [PersonRules?]
    /// cellOf[p][d][t]: the column of local shift t of person p on day d.
    let cellOf: [[[Int?]]]
    /// Coefficients of each assignment column, by row (empty for other columns).
    let entries: [[(row: Int, value: Double)]]
    /// Whether a column is an assignment. Its cells have the same columns in the plain and the elastic model
    /// (the assignments are made first in both), so the book serves both.
    let isCell: [Bool]

    init(_ model: RosterModel) {
        let linear = model.linear
        var entries = [[(row: Int, value: Double)]](repeating: [], count: linear.columns.count)
        var isCell = [Bool](repeating: false, count: linear.columns.count)
        for cell in model.x.cells { isCell[cell.column] = true }
        for k in linear.entryRows.indices where isCell[Int(linear.entryColumns[k]) - 1] {
            entries[Int(linear.entryColumns[k]) - 1].append((Int(linear.entryRows[k]) - 1, linear.entryValues[k]))
        }
        var cellOf: [[[Int?]]] = []
        var rules: [PersonRules?] = []
        let hasRounds = Set(model.x.pools.flatMap(\.cells))
        // Whose planned rule each row is: anyone's (no origin), nobody's (a rule the programme does not plan),
        // or one person's. Read once a row rather than once an entry (Curtois Instance24: 4 million entries).
        let anyone = -1, nobody = -2
        let owner = linear.rows.map { row -> Int in
            guard let origin = row.origin else { return anyone }
            guard Self.plannedRules.contains(origin.rule), let person = origin.person else { return nobody }
            return person
        }
        for p in model.scenario.staff.indices {
            let local = model.scenario.shifts.indices.filter { s in (0..<model.scenario.dayCount).contains { model.x.x(p, $0, s) != nil } }
            cellOf.append((0..<model.scenario.dayCount).map { d in local.map { model.x.x(p, d, $0) } })
            let columns = cellOf[p].flatMap { $0.compactMap { $0 } }
            let ownRules = columns.allSatisfy { j in
                !hasRounds.contains(j) && entries[j].allSatisfy { owner[$0.row] == anyone || owner[$0.row] == p }
            }
            rules.append(ownRules && !local.isEmpty ? Self.rules(of: p, shifts: local, open: cellOf[p].map { $0.map { $0 != nil } }, in: model.scenario) : nil)
        }
        self.cellOf = cellOf
        self.rules = rules
        self.entries = entries
        self.isCell = isCell
    }

    /// The decision values of a plan: every cell of person p, 1 where the plan works it.
    func values(of plan: [Int?], person p: Int) -> [(column: Int, value: Double)] {
        cellOf[p].enumerated().flatMap { d, day in
            day.enumerated().compactMap { t, cell in cell.map { ($0, plan[d] == t ? 1.0 : 0.0) } }
        }
    }

    /// The programme's view of one person's contract, history and the scenario's successions.
    static func rules(of p: Int, shifts: [Int], open: [[Bool]], in scenario: Scenario) -> PersonRules {
        let contract = scenario.staff[p].contract
        let successions = scenario.ruleBook.compactMap { $0 as? any SuccessionRule }
        let follows = shifts.map { a in shifts.map { b in successions.allSatisfy { $0.forbids(a, then: b, in: scenario) == nil } } }
        var weekendDay = [UInt8](repeating: 0, count: scenario.dayCount)
        for days in WeekendsWorked.weekends(in: scenario) {
            for (k, d) in days.enumerated() { weekendDay[d] = UInt8(k + 1) }
        }
        var rules = PersonRules(dayCount: scenario.dayCount, shifts: shifts, minutes: shifts.map { scenario.shifts[$0].paidMinutes },
                                open: open, follows: follows, maxWork: min(contract.consecutiveHard, scenario.dayCount + 1),
                                weekendDay: weekendDay, caps: shifts.map { contract.maxShifts[$0] })
        rules.minWork = contract.minConsecutiveWork
        rules.minOff = contract.minConsecutiveOff
        if contract.consecutiveSoft < contract.consecutiveHard {
            rules.softWork = contract.consecutiveSoft
            rules.softPrice = scenario.rules.weights.consecutiveSoft
        }
        rules.maxWeekends = contract.maxWeekends
        rules.minutesMin = contract.periodMinutesMin
        rules.minutesMax = contract.periodMinutesMax
        let history = scenario.staff[p].history
        if let last = history.last {
            let worked = last != nil
            let run = history.reversed().prefix { ($0 != nil) == worked }.count
            let follows = shifts.map { b in last.map { a in successions.allSatisfy { $0.forbids(a, then: b, in: scenario) == nil } } ?? true }
            rules.before = PersonRules.Before(follows: follows, worked: worked, run: run, judged: run < history.count)
            // A run carried in from the history may go on through the whole period.
            if worked { rules.maxWork = min(contract.consecutiveHard, scenario.dayCount + run + 1) }
        }
        return rules
    }
}
