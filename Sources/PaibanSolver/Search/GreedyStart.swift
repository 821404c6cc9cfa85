import Paiban

/// A constructive start roster, day by day: each day, the person and shift that close the most
/// uncovered demand are taken first, among those whose hard rules still allow it (one shift a day,
/// consecutive days, rest between shifts, monthly rest days, hours and night caps). People who must work
/// nearly every remaining day to reach their monthly hours are taken even without a cover gain.
/// What it still gets wrong, the elastic search repairs; it only has to be close, and fast.
struct GreedyStart {
    let model: RosterModel
    /// Share of the remaining days a person must work to reach the hours band, above which they work today.
    var urgent = 0.7

    func roster() -> [Double] {
        let scenario = model.scenario
        let x = model.x
        let demand = scenario.demand
        let successions = scenario.ruleBook.compactMap { $0 as? any SuccessionRule }
        let spans = scenario.period.monthSpans
        let spanOf = (0..<scenario.dayCount).map { d in spans.firstIndex { $0.days.contains(d) }! }
        let people = scenario.staff.indices
        // Per person and month: work-day budget, hours band (minutes), night cap.
        var workLeft = people.map { p in spans.map { span -> Int in
            let account = MonthAccount(person: p, span: span, in: scenario)
            return account.availableDays.count - RestDaysPerMonth.required(account, contract: scenario.staff[p].contract)
        } }
        var minutesNeeded = people.map { p in spans.map { span -> Double in
            let account = MonthAccount(person: p, span: span, in: scenario)
            guard let band = MonthlyHours.band(account, contract: scenario.staff[p].contract) else { return 0 }
            return band.lowerBound - MonthlyHours.creditedMinutes(account, in: scenario)
        } }
        var minutesLeft = people.map { p in spans.map { span -> Double in
            let account = MonthAccount(person: p, span: span, in: scenario)
            guard let band = MonthlyHours.band(account, contract: scenario.staff[p].contract) else { return .infinity }
            return band.upperBound - MonthlyHours.creditedMinutes(account, in: scenario)
        } }
        var nightsLeft = people.map { p in spans.map { _ in scenario.staff[p].contract.maxNights ?? Int.max } }
        // The period-wide limits: minutes, shifts per type, weekends; and people's rest stretches so far.
        var periodNeeded = people.map { Double(scenario.staff[$0].contract.periodMinutesMin ?? 0) }
        var periodLeft = people.map { scenario.staff[$0].contract.periodMinutesMax.map(Double.init) ?? .infinity }
        var capLeft = people.map { scenario.staff[$0].contract.maxShifts }
        var weekendsLeft = people.map { scenario.staff[$0].contract.maxWeekends ?? Int.max }
        var weekendOf = [Int?](repeating: nil, count: scenario.dayCount)
        for (w, days) in WeekendsWorked.weekends(in: scenario).enumerated() { for d in days { weekendOf[d] = w } }
        var weekendsWorked = people.map { _ in Set<Int>() }
        var restRun = people.map { p in scenario.staff[p].history.reversed().prefix { $0 == nil }.count }
        // Rest before the period counts only when the history says so (else a stretch at the start is not judged).
        var restJudged = people.map { !scenario.staff[$0].history.isEmpty }
        var cover = [[Int]](repeating: [Int](repeating: 0, count: scenario.shifts.count), count: scenario.dayCount)
        for line in demand.shiftCover { cover[line.day][line.shift] = line.required }
        var run = people.map { p in scenario.staff[p].history.reversed().prefix { $0 != nil }.count }
        var last: [Int?] = people.map { scenario.staff[$0].history.last ?? nil }
        var values = Array(repeating: 0.0, count: model.linear.columns.count)
        // Uncovered demand, carried into the next day by shifts that cross midnight.
        var open = demand.required
        let history = CoverageGrid(Roster(people: scenario.staff.count, days: scenario.dayCount), in: scenario)
        for d in 0..<scenario.dayCount { for t in 0..<demand.slotsPerDay { for g in demand.groups.indices { open[d][t][g] -= history.assigned[d][t][g] } } }

        for d in 0..<scenario.dayCount {
            let span = spanOf[d]
            let daysLeftInSpan = spans[span].days.upperBound - d
            var today: [Int?] = Array(repeating: nil, count: scenario.staff.count)
            func allowed(_ p: Int, _ s: Int) -> Bool {
                let contract = scenario.staff[p].contract
                guard capLeft[p][s] ?? 1 > 0, periodLeft[p] >= Double(scenario.shifts[s].paidMinutes),
                      weekendOf[d].map { weekendsWorked[p].contains($0) || weekendsLeft[p] > 0 } ?? true,
                      run[p] > 0 || !restJudged[p] || restRun[p] >= contract.minConsecutiveOff else { return false }
                guard x.x(p, d, s) != nil, today[p] == nil, workLeft[p][span] > 0,
                      run[p] < scenario.staff[p].contract.consecutiveHard,
                      minutesLeft[p][span] >= Double(scenario.shifts[s].paidMinutes),
                      !scenario.isNight(s) || nightsLeft[p][span] > 0 else { return false }
                if let a = last[p], successions.contains(where: { $0.forbids(a, then: s, in: scenario) != nil }) { return false }
                return true
            }
            func gain(_ p: Int, _ s: Int) -> Double {
                var total = 0.0
                for (offset, slot) in scenario.coveredSlots[s] where d + offset < scenario.dayCount {
                    for g in demand.groups.indices where open[d + offset][slot][g] > 0 && scenario.counts(person: p, shift: s, toward: demand.groups[g]) { total += 1 }
                }
                // A shift-cover line still short is worth the shift's slots: its default price is per hour too.
                if cover[d][s] > 0 { total += Double(max(1, scenario.coveredSlots[s].count)) }
                // Prefer not to run past the soft limit on consecutive days.
                return run[p] >= scenario.staff[p].contract.consecutiveSoft ? total * 0.1 : total
            }
            func urgency(_ p: Int) -> Double {
                let longest = Double(scenario.shifts.map(\.paidMinutes).max() ?? 480)
                let month = (minutesNeeded[p][span] / longest).rounded(.up) / Double(max(1, daysLeftInSpan))
                return max(month, (periodNeeded[p] / longest).rounded(.up) / Double(max(1, scenario.dayCount - d)))
            }
            func take(_ p: Int, _ s: Int) {
                today[p] = s
                values[x.x(p, d, s)!] = 1
                workLeft[p][span] -= 1
                minutesNeeded[p][span] -= Double(scenario.shifts[s].paidMinutes)
                minutesLeft[p][span] -= Double(scenario.shifts[s].paidMinutes)
                if scenario.isNight(s) { nightsLeft[p][span] -= 1 }
                periodNeeded[p] -= Double(scenario.shifts[s].paidMinutes)
                periodLeft[p] -= Double(scenario.shifts[s].paidMinutes)
                if let cap = capLeft[p][s] { capLeft[p][s] = cap - 1 }
                if let w = weekendOf[d], weekendsWorked[p].insert(w).inserted { weekendsLeft[p] -= 1 }
                cover[d][s] -= 1
                for (offset, slot) in scenario.coveredSlots[s] where d + offset < scenario.dayCount {
                    for g in demand.groups.indices where scenario.counts(person: p, shift: s, toward: demand.groups[g]) { open[d + offset][slot][g] -= 1 }
                }
            }
            // A work stretch shorter than the contract's minimum goes on today, on the shift that helps most.
            for p in people where run[p] > 0 && run[p] < scenario.staff[p].contract.minConsecutiveWork {
                if let s = scenario.shifts.indices.filter({ allowed(p, $0) }).max(by: { gain(p, $0) < gain(p, $1) }) { take(p, s) }
            }
            while true {
                var best: (p: Int, s: Int, score: Double)?
                for p in people {
                    let u = urgency(p)
                    for s in scenario.shifts.indices where allowed(p, s) {
                        let g = gain(p, s)
                        guard g > 0 else { continue }
                        let score = g * (1 + u)
                        if best == nil || score > best!.score { best = (p, s, score) }
                    }
                }
                guard let best else { break }
                take(best.p, best.s)
            }
            // People who fall behind on their hours work anyway, on the shift that helps most.
            for p in people where today[p] == nil && urgency(p) >= urgent {
                if let s = scenario.shifts.indices.filter({ allowed(p, $0) }).max(by: { gain(p, $0) < gain(p, $1) }) { take(p, s) }
            }
            assignRounds(day: d, today: today, into: &values)
            for p in people {
                if let s = today[p] {
                    run[p] += 1; last[p] = s; restRun[p] = 0; restJudged[p] = true
                } else {
                    run[p] = 0; last[p] = nil; restRun[p] += 1
                }
            }
        }
        return values
    }

    /// Meal rounds for the people working on day d: each takes the round that keeps the groups' away
    /// counts furthest below their limits (people on duty in a slot of a group, rounded down share or count).
    private func assignRounds(day d: Int, today: [Int?], into values: inout [Double]) {
        let scenario = model.scenario
        let limits = scenario.rules.awayLimits
        var away: [String: [Int: Int]] = [:]   // group -> slot -> people away
        func onDuty(_ group: String, _ slot: Int) -> Int {
            scenario.staff.indices.filter { p in
                scenario.staff[p].serves(group) && today[p].map { s in scenario.coveredSlots[s].contains { $0 == (0, slot) } } == true
            }.count
        }
        for p in scenario.staff.indices {
            guard let s = today[p], let column = model.x.x(p, d, s), let rounds = model.x.rounds[column], !rounds.isEmpty else { continue }
            let groups = limits.filter { scenario.staff[p].serves($0.group) }
            let best = rounds.min { a, b in
                func pressure(_ round: (column: Int, start: MinuteOfDay, index: Int)) -> Int {
                    scenario.roundSlots[s][round.index].map { slot in
                        groups.map { limit in (away[limit.group]?[slot.slot] ?? 0) + 1 - limit.most(onDuty: onDuty(limit.group, slot.slot)) }.max() ?? 0
                    }.max() ?? 0
                }
                return pressure(a) < pressure(b)
            }!
            values[best.column] = 1
            for slot in scenario.roundSlots[s][best.index] { for limit in groups { away[limit.group, default: [:]][slot.slot, default: 0] += 1 } }
        }
    }
}
