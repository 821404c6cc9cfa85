/// Large-neighbourhood search around GLPK: free part of the roster (a run of days for everyone, a few
/// people for the whole period, or a block of both), keep the rest, and let GLPK re-optimise the part
/// as a small model of its own with the incumbent as its first solution. Sizes adapt so that a part is
/// solved to optimality in a fraction of `stepSeconds`. While hard rules are still broken (elastic slack
/// is positive), the people who break them are always in the part.
struct NeighbourhoodSearch {
    let subproblem: Subproblem
    let cells: [(column: Int, person: Int, day: Int, shift: Int)]
    /// Meal-round columns of each assignment column: freed with it.
    let rounds: [Int: [Int]]
    let people: Int
    let dayCount: Int
    /// Elastic slack columns and the person whose row they relax.
    let elastic: [(column: Int, person: Int?)]
    /// Priced continuous columns that say who and when they are about: what a targeted part aims at.
    let priced: [(column: Int, anchor: LinearModel.Anchor)]
    var stepSeconds = 2.0
    private var rng: SplitMix
    private var dayWindow = 7.0
    private var groupSize = 4.0
    private var idle = 0
    private var cutChoice = CutChoice()

    /// Whether GLPK's cut generators pay off depends on the model (they do on the callcenter's slot cover,
    /// they do not on the Curtois instances): each part is solved with the setting that has gained more
    /// objective per second so far, and one part in five tries the other.
    struct CutChoice {
        private var gain = [0.0, 0.0], seconds = [1e-3, 1e-3]

        mutating func next(_ rng: inout SplitMix) -> Bool {
            let better = gain[1] / seconds[1] >= gain[0] / seconds[0]
            return Int.random(in: 0..<5, using: &rng) == 0 ? !better : better
        }

        mutating func record(cuts: Bool, gain: Double, seconds: Double) {
            let k = cuts ? 1 : 0
            // Leaving the elastic phase gains millions: count only what the plain objective gains.
            self.gain[k] += min(gain, 10_000)
            self.seconds[k] += seconds
        }
    }

    init(model: RosterModel, index: ModelIndex, seed: UInt64) {
        // Neighbouring seeds must not give neighbouring streams: spread them.
        let seed = seed &* 0x9E37_79B9_7F4A_7C15
        var isDecision = Array(repeating: false, count: model.linear.columns.count)
        for j in model.x.integerColumns { isDecision[j] = true }
        subproblem = Subproblem(model: model.linear, index: index, isDecision: isDecision)
        cells = model.x.cells
        rounds = model.x.rounds.mapValues { $0.map(\.column) }
        people = model.scenario.staff.count
        dayCount = model.scenario.dayCount
        elastic = model.elasticColumns.compactMap { j in
            index.columnRows[j].first.map { (j, model.linear.rows[$0].origin?.person) }
        }
        priced = model.linear.columns.indices.compactMap { j in
            let column = model.linear.columns[j]
            guard !column.isInteger, column.cost > 0, column.anchor.person != nil || column.anchor.day != nil else { return nil }
            return (j, column.anchor)
        }
        rng = SplitMix(seed: seed)
    }

    /// People whose hard rows the incumbent relaxes; empty once the roster keeps every hard rule.
    func breakers(_ incumbent: Incumbent) -> Set<Int> {
        Set(elastic.filter { incumbent.values[$0.column] > 1e-6 }.compactMap(\.person))
    }

    func isElastic(_ incumbent: Incumbent) -> Bool { elastic.contains { incumbent.values[$0.column] > 1e-6 } }

    /// Re-plans, one at a time, each person whose hard rows the start breaks: their whole period is freed
    /// against everyone else's fixed days. Rules that bind one person at a time (hours or minutes over the
    /// period, stretches, weekends, caps) are then met person by person in a fraction of a second, and each
    /// person is placed where the cover is still short, so later people see what earlier ones took.
    func repairPeople(_ incumbent: inout Incumbent, deadline: Deadline) throws {
        for p in breakers(incumbent).sorted() where !deadline.passed {
            let columns = cells.filter { $0.person == p }.flatMap { [$0.column] + (rounds[$0.column] ?? []) }
            if let better = try subproblem.improve(incumbent, free: columns, timeLimit: min(stepSeconds, deadline.remaining)) {
                incumbent = better
            }
        }
    }

    /// Improves `incumbent` until the deadline passes or `done` says the gap is closed.
    mutating func improve(_ incumbent: inout Incumbent, shared: SharedIncumbent, deadline: Deadline,
                          done: (Incumbent) -> Bool, report: (Incumbent) -> Void) throws {
        while !deadline.passed, !done(incumbent) {
            // Threads follow their own trajectories (two chances to leave a local optimum) and take the
            // shared best only once they are stuck, or while they still break hard rules.
            let best = shared.current
            if best.objective < incumbent.objective - 1e-9, idle >= 12 || isElastic(incumbent) {
                incumbent = best
                idle = 0
            }
            let costing = priced.filter { incumbent.values[$0.column] > 1e-6 }.map(\.anchor)
            // Stuck for long: one wide part (everyone, two weeks around something that costs) with more time.
            let kick = idle % 24 == 23
            let free = kick ? wideNeighbourhood(around: costing) : chooseNeighbourhood(around: breakers(incumbent), costing: costing)
            let columns = cells.filter { free($0.person, $0.day) }.flatMap { [$0.column] + (rounds[$0.column] ?? []) }
            let began = deadline.elapsed
            let limit = min(stepSeconds * (kick ? 4 : 1), deadline.remaining)
            let cuts = cutChoice.next(&rng)
            let before = incumbent.objective
            if let better = try subproblem.improve(incumbent, free: columns, timeLimit: limit, keepHardRows: !isElastic(incumbent), cuts: cuts) {
                incumbent = better
                shared.offer(better)
                idle = 0
            } else {
                idle += 1
            }
            let took = deadline.elapsed - began
            cutChoice.record(cuts: cuts, gain: before - incumbent.objective, seconds: took)
            // Parts that GLPK closes quickly may grow; parts it cannot close in time shrink. After many
            // steps without a gain the search is in a local optimum of this size: widen it once.
            adapt(quick: took < stepSeconds * 0.25 || idle % 12 == 11, slow: took >= limit * 0.95)
            if debugSearch { debugLog(String(format: "lns %.1fs free=%d took=%.2f obj=%.1f window=%.1f group=%.1f", deadline.elapsed, columns.count, took, incumbent.objective, dayWindow, groupSize)) }
            report(incumbent)
        }
    }

    private mutating func chooseNeighbourhood(around breakers: Set<Int>, costing: [LinearModel.Anchor]) -> (Int, Int) -> Bool {
        let window = min(dayCount, max(2, Int(dayWindow.rounded())))
        let group = min(people, max(2, Int(groupSize.rounded())))
        // Half the time, aim at something that costs: a run that is too long, a short slot, a person
        // with many nights, together with a few others to trade with.
        if breakers.isEmpty, let target = costing.randomElement(using: &rng), Bool.random(using: &rng) {
            var chosen: Set<Int> = target.person.map { [$0] } ?? []
            for p in (0..<people).shuffled(using: &rng) where chosen.count < group { chosen.insert(p) }
            switch (target.person, target.day) {
            case (let person?, let day?):
                // Breaking a run often means moving a worked day far away (the hours band holds the count),
                // so the person is free all period and the others around the run.
                let first = max(0, day - window), last = min(dayCount - 1, day + window / 2)
                return { p, d in p == person || (chosen.contains(p) && d >= first && d <= last) }
            case (nil, let day?):
                let first = max(0, min(day - window / 2, dayCount - window))
                return { _, d in d >= first && d < first + window }
            default:
                return { p, _ in chosen.contains(p) }
            }
        }
        var chosen = Set(breakers.shuffled(using: &rng).prefix(group))
        for p in (0..<people).shuffled(using: &rng) where chosen.count < group { chosen.insert(p) }
        switch breakers.isEmpty ? Int.random(in: 0..<3, using: &rng) : 1 {
        case 0:
            let first = Int.random(in: 0...(dayCount - window), using: &rng)
            return { _, d in d >= first && d < first + window }
        case 1:
            return { p, _ in chosen.contains(p) }
        default:
            let wide = min(dayCount, window * 2)
            let first = Int.random(in: 0...(dayCount - wide), using: &rng)
            let half = Set((0..<people).shuffled(using: &rng).prefix(max(2, people / 2)))
            return { p, d in half.contains(p) && d >= first && d < first + wide }
        }
    }

    private mutating func wideNeighbourhood(around costing: [LinearModel.Anchor]) -> (Int, Int) -> Bool {
        let window = min(dayCount, 14)
        let centre = costing.compactMap(\.day).randomElement(using: &rng) ?? Int.random(in: 0..<dayCount, using: &rng)
        let first = max(0, min(centre - window / 2, dayCount - window))
        return { _, d in d >= first && d < first + window }
    }

    private mutating func adapt(quick: Bool, slow: Bool) {
        if quick {
            dayWindow = min(Double(dayCount), dayWindow * 1.1)
            groupSize = min(Double(people), groupSize * 1.1)
        } else if slow {
            dayWindow = max(2, dayWindow * 0.8)
            groupSize = max(2, groupSize * 0.8)
        }
    }
}
