/// Large-neighbourhood search around GLPK: free part of the roster (a run of days for everyone, a few
/// people for the whole period, a block of both, or a few people on scattered days), keep the rest, and
/// let GLPK re-optimise the part as a small model of its own with the incumbent as its first solution. Sizes adapt so that a part is
/// solved to optimality in a fraction of `stepSeconds`. While hard rules are still broken (elastic slack
/// is positive), the people who break them are always in the part.
struct NeighbourhoodSearch {
    let subproblem: Subproblem
    let cells: [(column: Int, person: Int, day: Int, shift: Int)]
    let people: Int
    /// Each person's peers: the people who count toward the same groups, so that the two can trade shifts
    /// without moving cover between groups. A lunch limit makes a group's count matter by itself (an odd
    /// count cannot all take a round, callcenter-lunch), and there only a trade between peers keeps it.
    let peers: [[Int]]
    let dayCount: Int
    /// Elastic slack columns and the person whose row they relax.
    let elastic: [(column: Int, person: Int?)]
    /// Priced continuous columns that say who and when they are about: what a targeted part aims at.
    let priced: [(column: Int, anchor: LinearModel.Anchor)]
    /// GLPK's time per part while the search gains. Short, so that the sizes settle where parts close at
    /// once and many are tried: measured (3 runs of 30 s, medians) with a fixed time per part,
    /// callcenter-lunch 1911 with 2 s, 1674 with 1 s, 1402 with 0.5 s, 1392 with 0.25 s and 0.12 s, and
    /// the callcenter reached its 1% gap in 5.4 s instead of 30 s; but Curtois Instance6 fell from 1952
    /// to 2045 with 0.12 s, so a search without gains lengthens its parts.
    static let partSeconds = 0.12
    var stepSeconds = partSeconds
    private var rng: SplitMix
    /// Days and people per kind (a kind that frees every day or everyone ignores that size).
    private var sizes: [Kind: Size] = [.days: Size(days: 7, people: 2), .people: Size(days: 2, people: 4),
                                       .block: Size(days: 7, people: 4), .scattered: Size(days: 4, people: 3)]
    private var idle = 0
    private var cutChoice = Choice(arms: 2, explore: 5)
    private var kindChoice = Choice(arms: Kind.chosen.count, explore: 3)

    init(model: RosterModel, index: ModelIndex, seed: UInt64) {
        // Neighbouring seeds must not give neighbouring streams: spread them.
        let seed = seed &* 0x9E37_79B9_7F4A_7C15
        var isDecision = Array(repeating: false, count: model.linear.columns.count)
        for j in model.x.decisions { isDecision[j] = true }
        subproblem = Subproblem(model: model.linear, index: index, isDecision: isDecision)
        cells = model.x.cells
        people = model.scenario.staff.count
        let scenario = model.scenario
        let signature = scenario.staff.indices.map { scenario.groupSignature(of: $0) }
        peers = scenario.staff.indices.map { p in scenario.staff.indices.filter { $0 != p && signature[$0] == signature[p] } }
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
        let cellsPerDay = Double(cells.count) / Double(max(1, dayCount))
        sizes[.days]!.days = min(sizes[.days]!.days, max(Self.fewestDays(.days), Self.firstDaysColumns / max(1, cellsPerDay)))
    }

    /// The first window of days for everyone frees about this many assignment columns, at most a week. On
    /// Curtois 20 (212 cells a day) parts of 500-900 columns closed in 0.02-0.13 s and gained most; a week of
    /// everyone on 24 (2,935 cells a day, 20,000 columns) ran out of its time, part after part, for 10 s
    /// before the window had shrunk to two days, still too many.
    static let firstDaysColumns = 1_000.0

    /// The fewest days a kind frees: a single day of everyone on the largest models.
    private static func fewestDays(_ kind: Kind) -> Double { kind == .days ? 1 : 2 }

    /// People whose hard rows the incumbent relaxes; empty once the roster keeps every hard rule.
    func breakers(_ incumbent: Incumbent) -> Set<Int> {
        Set(elastic.filter { incumbent.values[$0.column] > 1e-6 }.compactMap(\.person))
    }

    func isElastic(_ incumbent: Incumbent) -> Bool { elastic.contains { incumbent.values[$0.column] > 1e-6 } }

    /// Re-plans, one at a time, each person whose hard rows the start breaks: their whole period is freed
    /// against everyone else's fixed days. Rules that bind one person at a time (hours or minutes over the
    /// period, stretches, weekends, caps) are then met person by person in a fraction of a second, and each
    /// person is placed where the cover is still short, so later people see what earlier ones took.
    /// A person who still breaks a rule after GLPK ran out of time is tried again with twice the time, twice:
    /// GLPK may need longer than a step for a plan that keeps every rule. (Curtois 14: the programme has no
    /// plan for person 20, and GLPK's part for them ran to its 1 s limit in every traced run; in one run, and
    /// in two runs of a loaded machine, it ended with the person still breaking a rule, which neither the
    /// kicks nor the column generation (it waits for a roster that keeps every hard rule) could repair: no
    /// roster at 60 s.) A part GLPK closed in time is not tried again: a rule between people (meal rounds,
    /// away at once) may not be the person's alone to keep.
    func repairPeople(_ incumbent: inout Incumbent, deadline: Deadline) throws {
        for p in breakers(incumbent).sorted() {
            let columns = cells.filter { $0.person == p }.map(\.column)
            var limit = stepSeconds
            for _ in 0..<3 where !deadline.passed && breakers(incumbent).contains(p) {
                let began = deadline.elapsed
                if let better = try subproblem.improve(incumbent, free: columns, timeLimit: min(limit, deadline.remaining)) {
                    incumbent = better
                }
                if deadline.elapsed - began < 0.9 * limit { break }
                limit *= 2
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
            let (kind, free) = kick ? (Kind.wide, wideNeighbourhood(around: costing)) : chooseNeighbourhood(around: breakers(incumbent), costing: costing)
            let columns = cells.filter { free($0.person, $0.day) }.map(\.column)
            let began = deadline.elapsed
            // Short parts while they gain; the longer the search goes without a gain, the longer (and, as the
            // sizes follow, the larger) the parts: up to 16 times the step.
            let step = stepSeconds * Double(1 << min(4, idle / 8))
            let limit = min(step * (kick ? 4 : 1), deadline.remaining)
            let cuts = cutChoice.next(&rng) == 0   // arm 0, so that cuts are on while nothing is known
            let before = incumbent.objective, wasElastic = isElastic(incumbent)
            if let better = try subproblem.improve(incumbent, free: columns, timeLimit: limit, keepHardRows: !wasElastic, cuts: cuts) {
                incumbent = better
                shared.offer(better)
                idle = 0
            } else {
                idle += 1
            }
            let took = deadline.elapsed - began
            // What the elastic phase gains (hundreds of thousands) says nothing about the plain search.
            let gain = wasElastic ? 0 : before - incumbent.objective
            cutChoice.record(cuts ? 0 : 1, gain: gain, seconds: took)
            if let arm = Kind.chosen.firstIndex(of: kind) { kindChoice.record(arm, gain: gain, seconds: took) }
            // Parts that GLPK closes quickly may grow; parts it cannot close in time shrink. After many
            // steps without a gain the search is in a local optimum of this size: widen it once.
            adapt(kind, quick: took < step * 0.25 || idle % 12 == 11, slow: took >= limit * 0.95)
            if debugSearch { debugLog(String(format: "lns %.1fs %@ free=%d took=%.2f obj=%.1f", deadline.elapsed, "\(kind)", columns.count, took, incumbent.objective)) }
            report(incumbent)
        }
    }

    /// What a part frees. Each kind has its own size, adapted to how fast GLPK closes that kind: they differ
    /// by far (callcenter-lunch: two days of everyone close in 0.02 s, two people over the month often not in 2 s).
    enum Kind {
        case days, people, block, scattered, wide
        /// The kinds a step chooses among (a wide part comes only when the search is stuck).
        static let chosen: [Kind] = [.days, .people, .block, .scattered]
    }

    struct Size {
        var days: Double
        var people: Double
    }

    private func size(_ kind: Kind) -> (days: Int, people: Int) {
        let size = sizes[kind]!
        return (min(dayCount, max(Int(Self.fewestDays(kind)), Int(size.days.rounded()))), min(people, max(2, Int(size.people.rounded()))))
    }

    private mutating func chooseNeighbourhood(around breakers: Set<Int>, costing: [LinearModel.Anchor]) -> (Kind, (Int, Int) -> Bool) {
        // Half the time, aim at something that costs: a run that is too long, a short slot, a person
        // with many nights, together with a few others to trade with.
        if breakers.isEmpty, let target = costing.randomElement(using: &rng), Bool.random(using: &rng) {
            var chosen: Set<Int> = target.person.map { [$0] } ?? []
            switch (target.person, target.day) {
            case (let person?, let day?):
                // Breaking a run often means moving a worked day far away (the hours band holds the count),
                // so the person is free all period and the others around the run.
                let (window, group) = size(.block)
                fill(&chosen, upTo: group)
                let first = max(0, day - window), last = min(dayCount - 1, day + window / 2)
                return (.block, { p, d in p == person || (chosen.contains(p) && d >= first && d <= last) })
            case (nil, let day?):
                if Bool.random(using: &rng) { return (.scattered, scattered(around: day)) }
                let window = size(.days).days
                let first = max(0, min(day - window / 2, dayCount - window))
                return (.days, { _, d in d >= first && d < first + window })
            default:
                fill(&chosen, upTo: size(.people).people)
                return (.people, { p, _ in chosen.contains(p) })
            }
        }
        switch breakers.isEmpty ? Kind.chosen[kindChoice.next(&rng)] : .people {
        case .days:
            let window = size(.days).days
            let first = Int.random(in: 0...(dayCount - window), using: &rng)
            return (.days, { _, d in d >= first && d < first + window })
        case .people:
            let group = size(.people).people
            var chosen = Set(breakers.sorted().shuffled(using: &rng).prefix(group))
            fill(&chosen, upTo: group)
            return (.people, { p, _ in chosen.contains(p) })
        case .scattered:
            return (.scattered, scattered(around: Int.random(in: 0..<dayCount, using: &rng)))
        default:
            let wide = min(dayCount, size(.block).days * 2)
            let first = Int.random(in: 0...(dayCount - wide), using: &rng)
            let half = Set((0..<people).shuffled(using: &rng).prefix(max(2, people / 2)))
            return (.block, { p, d in half.contains(p) && d >= first && d < first + wide })
        }
    }

    /// A few people on a few days far apart: a day that costs and others that may give it a shift. Shifts move
    /// between such days without the whole stretch in between (two people of a group trading a late shift
    /// for a day shift a week away, which a lunch limit needs in pairs), and the part stays small.
    private mutating func scattered(around day: Int) -> (Int, Int) -> Bool {
        let (count, group) = size(.scattered)
        var chosen = Set<Int>()
        fill(&chosen, upTo: group)
        let days = Set([day] + (0..<dayCount).shuffled(using: &rng).prefix(count - 1))
        return { p, d in chosen.contains(p) && days.contains(d) }
    }

    /// Adds people up to `size`: first the peers of someone already chosen (or of a random first person),
    /// then anyone.
    private mutating func fill(_ chosen: inout Set<Int>, upTo size: Int) {
        let first = chosen.sorted().randomElement(using: &rng) ?? Int.random(in: 0..<people, using: &rng)
        chosen.insert(first)
        for p in peers[first].shuffled(using: &rng) + (0..<people).shuffled(using: &rng) where chosen.count < size { chosen.insert(p) }
    }

    private mutating func wideNeighbourhood(around costing: [LinearModel.Anchor]) -> (Int, Int) -> Bool {
        let window = min(dayCount, 14)
        let centre = costing.compactMap(\.day).randomElement(using: &rng) ?? Int.random(in: 0..<dayCount, using: &rng)
        let first = max(0, min(centre - window / 2, dayCount - window))
        return { _, d in d >= first && d < first + window }
    }

    private mutating func adapt(_ kind: Kind, quick: Bool, slow: Bool) {
        guard kind != .wide else { return }
        let factor = quick ? 1.1 : slow ? 0.8 : 1
        sizes[kind]!.days = min(Double(dayCount), max(Self.fewestDays(kind), sizes[kind]!.days * factor))
        sizes[kind]!.people = min(Double(people), max(2, sizes[kind]!.people * factor))
    }
}
