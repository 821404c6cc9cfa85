import Paiban

/// A constructive start roster, day by day: each day, the person and shift that close the most
/// uncovered demand are taken first, among those whose hard rules still allow it (one shift a day,
/// consecutive days, rest between shifts, monthly rest days, hours and night caps). People who must work
/// nearly every remaining day to reach their monthly hours are taken even without a cover gain.
/// What it still gets wrong, the elastic search repairs; it only has to be close, and fast. Meal round
/// counts are helpers: the settler gives them their values.
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
        let weekends = WeekendsWorked.weekends(in: scenario)
        for (w, days) in weekends.enumerated() { for d in days { weekendOf[d] = w } }
        let fits = scenario.rules.awayLimits.map { LunchFit(scenario, limit: $0) }
        let meals = scenario.shifts.indices.filter { scenario.shifts[$0].meal != nil }
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
            // Books person p on shift s today (by = 1), or takes the booking back (by = -1).
            func book(_ p: Int, _ s: Int, by n: Int) {
                today[p] = n > 0 ? s : nil
                values[x.x(p, d, s)!] = n > 0 ? 1 : 0
                let minutes = Double(n * scenario.shifts[s].paidMinutes)
                workLeft[p][span] -= n
                minutesNeeded[p][span] -= minutes
                minutesLeft[p][span] -= minutes
                if scenario.isNight(s) { nightsLeft[p][span] -= n }
                periodNeeded[p] -= minutes
                periodLeft[p] -= minutes
                if let cap = capLeft[p][s] { capLeft[p][s] = cap - n }
                if let w = weekendOf[d] {
                    let worked = weekends[w].contains { e in e <= d && x.column[p][e].contains { $0.map { values[$0] > 0.5 } == true } }
                    if worked, weekendsWorked[p].insert(w).inserted { weekendsLeft[p] -= 1 }
                    if !worked, weekendsWorked[p].remove(w) != nil { weekendsLeft[p] += 1 }
                }
                cover[d][s] -= n
                for (offset, slot) in scenario.coveredSlots[s] where d + offset < scenario.dayCount {
                    for g in demand.groups.indices where scenario.counts(person: p, shift: s, toward: demand.groups[g]) { open[d + offset][slot][g] -= n }
                }
            }
            func take(_ p: Int, _ s: Int) { book(p, s, by: 1) }
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
            // A group whose people on meal shifts cannot all take a round within its away limit gets one
            // more of its people on a meal shift, or else one fewer (who then stays off: taking them back
            // would only undo it).
            var sentHome = Set<Int>()
            for fit in fits {
                for _ in 0..<4 where !fit.fits(today) {
                    let joiner = fit.members.filter { !sentHome.contains($0) }.flatMap { p in meals.filter { allowed(p, $0) }.map { (p, $0) } }
                        .max { gain($0.0, $0.1) * (1 + urgency($0.0)) < gain($1.0, $1.1) * (1 + urgency($1.0)) }
                    if let (p, s) = joiner {
                        take(p, s)
                    } else if let p = fit.members.filter({ today[$0].map(meals.contains) == true }).min(by: { urgency($0) < urgency($1) }) {
                        book(p, today[p]!, by: -1)
                        sentHome.insert(p)
                    }
                }
            }
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
}
