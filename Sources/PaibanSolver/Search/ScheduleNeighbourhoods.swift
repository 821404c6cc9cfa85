import Foundation

/// Large neighbourhoods searched by branch-and-price: every cell of the roster is fixed as it is except a
/// part (a few people over the whole period, or everyone over a run of days), and the column generation's
/// dive searches the part with unlimited steps back under the cutoff. Its master LP is far stronger than the
/// plain LP inside GLPK's neighbourhoods, so parts many times larger close: on Curtois Instance7, 15 of 20
/// people or 23 of 28 days in well under a second, where GLPK's parts close at a few people or days.
/// (The pruning rests on the dive's pricing, which at a node stops after a few rounds: a part that ends
/// without a roster is searched well, not proven empty.)
struct ScheduleNeighbourhoods {
    enum Kind: CaseIterable { case people, days }
    /// Seconds per part: a part that has not closed by then is dropped and the next one is smaller.
    static let partSeconds = 2.0
    /// A part that closes within this grows by a tenth; one that runs out of time shrinks by a tenth.
    static let quickSeconds = 0.5

    private let dayOf: [Int: Int]
    private let days: Int, people: Int
    private var size: [Kind: Double] = [.people: 4, .days: 7]
    private var turn = 0
    /// Parts in a row without a better roster.
    private(set) var idle = 0

    init(cells: [(column: Int, person: Int, day: Int, shift: Int)], days: Int, people: Int) {
        dayOf = Dictionary(uniqueKeysWithValues: cells.map { ($0.column, $0.day) })
        self.days = days
        self.people = people
    }

    /// Searches one part around `values`; a choice of schedules (one per person) under the cutoff, if found.
    /// `sideways`: one cell the roster works in the part is fixed off, so that whatever the part finds differs
    /// from the roster (the caller then lets the cutoff admit rosters as good as it).
    mutating func search(_ generation: inout ColumnGeneration, around values: [Double], isDecision: [Bool], deadline: Deadline,
                         rng: inout SplitMix, sideways: Bool = false, cutoff: () -> Double) throws -> [Int]? {
        let kind = Kind.allCases[turn % Kind.allCases.count]
        turn += 1
        let freed = count(kind, most: kind == .people ? people : days)
        let free: (Int, Int) -> Bool
        switch kind {
        case .people:
            let chosen = Set((0..<people).shuffled(using: &rng).prefix(freed))
            free = { p, _ in chosen.contains(p) }
        case .days:
            let first = Int.random(in: 0...(days - freed), using: &rng)
            let dayOf = dayOf
            free = { _, j in dayOf[j].map { $0 >= first && $0 < first + freed } ?? true }
        }
        var fixed = Self.fixings(generation, values, isDecision: isDecision, free: free)
        if sideways {
            let worked = (0..<people).flatMap { p in
                generation.parts.columns[p].filter { isDecision[$0] && free(p, $0) && values[$0] > 0.5 }.map { (p, $0) }
            }
            guard let (p, j) = worked.randomElement(using: &rng) else { return nil }
            fixed[p][j] = false
        }
        let part = deadline.within(Self.partSeconds), began = deadline.elapsed
        let found = try generation.dive(deadline: part, seconds: .infinity, isDecision: isDecision, noise: 0, backtracks: .max,
                                        rng: &rng, from: fixed, repair: true, cutoff: cutoff)
        let took = deadline.elapsed - began
        let factor = took < Self.quickSeconds ? 1.1 : part.passed && !deadline.passed ? 0.9 : 1
        let before = size[kind]!
        size[kind] = min(Double(kind == .people ? people : days), max(2, before * factor))
        // A part that only grew is still finding its size, not a sign that the roster is stuck: on Curtois
        // Instance7 the first 16 parts (4 to 9 people) closed empty within 0.7 s of one another, and the
        // stall they signalled sent the thread into 24 s of branch-and-cut.
        let grew = size[kind]! > before
        idle = found != nil && !sideways ? 0 : grew ? idle : idle + 1
        if debugSearch {
            debugLog(String(format: "part %.1fs %@ %d took %.2f %@ schedules %d", deadline.elapsed, "\(kind)", freed, took, found == nil ? "none" : "found", generation.scheduleCount))
        }
        return found
    }

    mutating func restarted() { idle = 0 }

    /// Every decision cell fixed as in `values`, except those `free` (person, column) leaves open.
    private static func fixings(_ generation: ColumnGeneration, _ values: [Double], isDecision: [Bool],
                                free: (Int, Int) -> Bool) -> [ColumnGeneration.Fixing] {
        var fixed = [ColumnGeneration.Fixing](repeating: [:], count: generation.people)
        for p in 0..<generation.people {
            for j in generation.parts.columns[p] where isDecision[j] && !free(p, j) { fixed[p][j] = values[j] > 0.5 }
        }
        return fixed
    }

    private func count(_ kind: Kind, most: Int) -> Int { min(most, Int(size[kind]!.rounded())) }
}
