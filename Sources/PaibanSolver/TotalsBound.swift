import Paiban

/// A bound from totals, for models whose LP relaxation does not finish in its share of the time (Curtois 13
/// and 19-24 at 60 s): the shift-cover lines against what the staff as a whole can give. Every roster keeps
/// these sums of the people's rules:
/// - on each day, a shift is worked by at most the people whose assignment columns allow it, and the day's
///   shifts by at most the people who may work that day (one shift a day);
/// - the paid minutes of all shifts worked lie between the sums of the period-minutes bands;
/// - work on weekend days is at most two days for each weekend a person may work.
/// The least shift-cover penalty these sums allow (an LP of a column per day and shift), plus every other
/// term of the objective at the least its columns' bounds allow, is then a bound. It is far weaker than the
/// LP relaxation, which holds each person's rows rather than their sums, so it stands in only where that has
/// no answer. Curtois 13's cover asks for 2,160 minutes more than all its staff may work: three 12-hour
/// shifts short at the least, 300. (On 24 the LP takes 2.6-2.8 s with GLPK's presolver, 4.0 s without.)
enum TotalsBound {
    static func bound(_ model: RosterModel) throws -> Double? {
        let scenario = model.scenario, x = model.x
        guard !scenario.demand.shiftCover.isEmpty else { return nil }
        // Every other term at its least: its constant plus each column at the bound its price favours (a wanted
        // shift is the request's weight as a constant less the weight on its column: at least 0).
        let cover = ShiftCoverRule().id
        var rest = model.linear.constant - (model.linear.constants[cover] ?? 0)
        for column in model.linear.columns where column.term != cover {
            if column.cost >= 0 { rest += column.cost * column.lower; continue }
            guard let upper = column.upper else { return nil }
            rest += column.cost * upper
        }
        var lp = LinearModel(elastic: false)
        let people = scenario.staff.indices, days = 0..<scenario.dayCount
        // n[d][s]: how many work shift s on day d, up to how many may.
        let n: [[Int?]] = days.map { d in
            scenario.shifts.indices.map { s in
                let may = people.filter { x.x($0, d, s) != nil }.count
                return may == 0 ? nil : lp.addColumn("n_\(d)_\(s)", upper: Double(may))
            }
        }
        // Every shift on the given days, each weighted by `coefficient` of its shift.
        func terms(on chosen: [Int], _ coefficient: (Int) -> Double = { _ in 1 }) -> [(Int, Double)] {
            chosen.flatMap { d in scenario.shifts.indices.compactMap { s in n[d][s].map { ($0, coefficient(s)) } } }
        }
        for d in days {
            let may = people.filter { !x.work($0, d).isEmpty }.count
            lp.addRow("day_\(d)", terms(on: [d]), upper: Double(may))
        }
        for (k, line) in scenario.demand.shiftCover.enumerated() {
            let short = lp.addColumn("short_\(k)", upper: nil, cost: line.underWeight)
            let extra = lp.addColumn("extra_\(k)", upper: nil, cost: line.overWeight)
            lp.addRow("cover_\(k)", (n[line.day][line.shift].map { [($0, 1.0)] } ?? []) + [(short, 1), (extra, -1)],
                      lower: Double(line.required), upper: Double(line.required))
        }
        // Paid minutes between the sums of the bands (the sum of the tops only when everyone has one).
        let bands = people.map { PeriodMinutes.bounds(scenario.staff[$0].contract) }
        let leastMinutes = bands.reduce(0) { $0 + ($1?.min ?? 0) }
        let mostMinutes = bands.allSatisfy { $0?.max != nil } ? Double(bands.reduce(0) { $0 + $1!.max! }) : nil
        if leastMinutes > 0 || mostMinutes != nil {
            lp.addRow("minutes", terms(on: Array(days)) { Double(scenario.shifts[$0].paidMinutes) },
                      lower: leastMinutes > 0 ? Double(leastMinutes) : nil, upper: mostMinutes)
        }
        // Weekend days: two for each weekend a person may work, or each weekend day they may work if fewer.
        let weekendDays = WeekendsWorked.weekends(in: scenario).flatMap { $0 }
        let mostWeekendDays = people.reduce(0) { sum, p in
            let open = weekendDays.filter { !x.work(p, $0).isEmpty }.count
            return sum + (scenario.staff[p].contract.maxWeekends.map { min(2 * $0, open) } ?? open)
        }
        lp.addRow("weekends", terms(on: weekendDays), upper: Double(mostWeekendDays))
        let problem = try GLPKProblem(lp)
        guard try problem.solveLP(timeLimit: 5, presolve: true) == .optimal else { return nil }
        return LinearModel.roundedBound(problem.lpObjective + rest, integral: model.linear.integralCosts)
    }
}
