import Paiban

/// Whether everyone of a group on a meal shift today can take a round without more of the group away at
/// once than its limit allows. The limit depends on how many are on duty, so a count can be impossible
/// by itself: with rounds of 30 minutes in a 75-minute window and "at most half", an odd number of people
/// never fits (the two ends of the window hold one round each, and only half may be away in between).
/// The greedy start builds such days unless it checks them; the search then spends most of its time
/// taking them apart (callcenter-lunch: 17 broken days, feasible only after 24 of 30 s).
struct LunchFit {
    let scenario: Scenario
    let limit: AwayLimit
    let slots: [Int]
    /// The people the limit counts: those who serve its group.
    let members: [Int]

    init(_ scenario: Scenario, limit: AwayLimit) {
        self.scenario = scenario
        self.limit = limit
        slots = LunchBreaks.mealSlots(in: scenario)
        members = scenario.staff.indices.filter { scenario.staff[$0].serves(limit.group) }
    }

    /// `shifts[p]`: the shift person p works today, nil for none. Rounds are handed out earliest-ending
    /// window first, each at the earliest start with room in all its slots; on one window of equal rounds
    /// this packs as many as can fit.
    func fits(_ shifts: [Int?]) -> Bool {
        var most: [Int: Int] = [:], away: [Int: Int] = [:]
        for t in slots {
            let onDuty = members.filter { p in shifts[p].map { s in scenario.coveredSlots[s].contains { $0 == (0, t) } } == true }.count
            most[t] = limit.most(onDuty: onDuty)
        }
        let eaters = members.compactMap { p in shifts[p].flatMap { s in scenario.shifts[s].meal == nil ? nil : s } }
            .sorted { (scenario.shifts[$0].meal!.windowEnd, $0) < (scenario.shifts[$1].meal!.windowEnd, $1) }
        for s in eaters {
            let today = scenario.roundSlots[s].map { $0.filter { $0.dayOffset == 0 }.map(\.slot) }
            guard let round = today.first(where: { $0.allSatisfy { away[$0, default: 0] < most[$0, default: 0] } }) else { return false }
            for t in round { away[t, default: 0] += 1 }
        }
        return true
    }
}
