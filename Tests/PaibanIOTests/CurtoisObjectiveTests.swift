import CurtoisReference
import Foundation
import Paiban
import PaibanIO
import Testing

// Paiban's audit of the imported scenario must reach the verdict and the penalty of the independent
// reading of the benchmark in CurtoisReference (written from its README alone), roster by roster.

/// The same roster as Paiban sees it: the instance imported through `CurtoisImport`, audited.
private struct PaibanView {
    var scenario: Scenario

    init(text: String, name: String) throws {
        let instance = try CurtoisParser.parse(text: text, file: name + ".txt")
        scenario = try CurtoisImport.scenario(from: instance, name: name, file: name + ".txt (imported)")
    }

    init(scenario: Scenario) { self.scenario = scenario }

    func roster(_ grid: [[String?]]) -> Roster {
        var roster = Roster(people: scenario.staff.count, days: scenario.dayCount)
        for (p, row) in grid.enumerated() {
            for (d, code) in row.enumerated() {
                if let code { roster[p, d] = .work(scenario.shiftIndex(code: code)!) }
            }
        }
        return roster
    }

    func audit(_ grid: [[String?]]) -> (breaches: Set<Breach>, penalty: Double, report: AuditReport) {
        let report = Audit.run(roster(grid), in: scenario)
        let breaches = Set(report.hardFindings.map { Breach(rule: $0.rule, employee: $0.person.map { scenario.staff[$0].id } ?? "-") })
        return (breaches, report.totalPenalty, report)
    }
}

/// "DD..E" → [D, D, nil, nil, E]: one character per day, "." for a day off.
private func rows(_ lines: [String]) -> [[String?]] {
    lines.map { line in line.map { $0 == "." ? nil : String($0) } }
}

// MARK: - Tiny instances, objectives worked out by hand

/// 7 days (Mon-Sun), A and B, one shift D of 480 minutes. Both: at most 7 D, 960-2400 minutes (2 to 5
/// shifts), 2-3 working days in a row, at least 2 days off in a row, at most 1 weekend. B is off on day 3.
/// Cover: 1 on D every day, 100 per missing person, 1 per extra one.
private let week = """
    # a week
    SECTION_HORIZON
    7

    SECTION_SHIFTS
    D,480,

    SECTION_STAFF
    A,D=7,2400,960,3,2,2,1
    B,D=7,2400,960,3,2,2,1

    SECTION_DAYS_OFF
    B,3

    SECTION_SHIFT_ON_REQUESTS
    A,0,D,2
    B,4,D,3

    SECTION_SHIFT_OFF_REQUESTS
    A,5,D,1

    SECTION_COVER
    0,D,1,100,1
    1,D,1,100,1
    2,D,1,100,1
    3,D,1,100,1
    4,D,1,100,1
    5,D,1,100,1
    6,D,1,100,1
    """

/// 14 days, A B C, shifts E (480) and L (600); L cannot be followed by E.
///   A: E<=10, L<=3, 2880-5000 min, runs 2-5, >=2 days off, <=1 weekend, off on days 6 and 7 (one row).
///   B: E<=10, L=0, 1920-4800 min, runs 1-4, >=1 day off, <=2 weekends.
///   C: E<=2, L<=10, 0-6000 min, runs 1-6, >=2 days off, no weekend, off on day 0.
/// Cover: E 1 a day (100/1); L 1 on weekdays (100/1) but day 0 at 50 under / 2 over; L 0 at weekends,
/// day 13 at 3 per extra person.
private let fortnight = """
    SECTION_HORIZON
    14
    SECTION_SHIFTS
    E,480,
    L,600,E
    SECTION_STAFF
    A,E=10|L=3,5000,2880,5,2,2,1
    B,E=10|L=0,4800,1920,4,1,1,2
    C,E=2|L=10,6000,0,6,1,2,0
    SECTION_DAYS_OFF
    A,6,7
    C,0
    SECTION_SHIFT_ON_REQUESTS
    A,0,L,2
    B,5,E,1
    C,9,L,3
    SECTION_SHIFT_OFF_REQUESTS
    B,2,E,2
    C,3,L,1
    SECTION_COVER
    0,E,1,100,1
    0,L,1,50,2
    1,E,1,100,1
    1,L,1,100,1
    2,E,1,100,1
    2,L,1,100,1
    3,E,1,100,1
    3,L,1,100,1
    4,E,1,100,1
    4,L,1,100,1
    5,E,1,100,1
    5,L,0,100,1
    6,E,1,100,1
    6,L,0,100,1
    7,E,1,100,1
    7,L,1,100,1
    8,E,1,100,1
    8,L,1,100,1
    9,E,1,100,1
    9,L,1,100,1
    10,E,1,100,1
    10,L,1,100,1
    11,E,1,100,1
    11,L,1,100,1
    12,E,1,100,1
    12,L,0,100,1
    13,E,1,100,1
    13,L,0,100,3
    """

/// The base fortnight roster, feasible: A E on 0-4 and 8-12, B E on 5-7 and 13, C L on 1-4 and 7-11.
private let fortnightBase = ["EEEEE...EEEEE.", ".....EEE.....E", ".LLLL..LLLLL.."]

/// A crafted roster with its hand-computed objective and the hard rules it breaks.
struct CurtoisCraftedRoster: CustomTestStringConvertible, Sendable {
    var name: String
    var instance: String
    var roster: [String]
    var objective: Int
    /// (Paiban rule id, employee id) pairs.
    var broken: [String]
    var testDescription: String { name }
}

private let crafted: [CurtoisCraftedRoster] = [
    // A: runs 0-1 (touches day 0) and 4-6 (3 days), off 2-3 (2 days); 5 shifts = 2400 min; weekend worked once.
    // B: run 0-1, then off to the end (day 3 off).
    // requests: A wants D on 0 (has it) 0; B wants D on 4 (off) 3; A avoids D on 5 (works) 1.
    // cover: day 0 and 1 two people, 1 over each: 1 + 1; days 2, 3 nobody: 100 + 100; days 4-6 one each.
    // 3 + 1 + 2 + 200 = 206.
    CurtoisCraftedRoster(name: "week, feasible", instance: week, roster: ["DD..DDD", "DD....."], objective: 206, broken: []),
    // B works 1-2 instead: run 1-2 has neighbours off on both sides, 2 days, fine; B's day 0 off touches the start.
    // requests 3 + 1; cover: day 1 two people 1; day 3 nobody 100; the other days one each. 3 + 1 + 1 + 100 = 105.
    CurtoisCraftedRoster(name: "week, feasible, cheaper", instance: week, roster: ["DD..DDD", ".DD...."], objective: 105, broken: []),
    // Boundary rule: A's 1-day rest on day 0 and 1-day run on day 6 touch the horizon's ends, so neither counts.
    // requests: A off on 0 → 2; B off on 4 → 3; A off on 5 → 0. cover: day 1 A+B 1 over → 1;
    // days 3, 4, 5 nobody → 300; days 0 (B), 2 (A), 6 (A) one each. 2 + 3 + 1 + 300 = 306.
    CurtoisCraftedRoster(name: "week, short stretches at the edges", instance: week, roster: [".DD...D", "DD....."], objective: 306, broken: []),
    // 6. A works 0-3: 4 days in a row > 3. B run 4-5 (inside, 2 days).
    // requests: A0 met 0; B4 met 0; A5 (A off) 0. cover: days 0-5 one each; day 6 nobody 100. Total 100.
    CurtoisCraftedRoster(name: "week, too many days in a row", instance: week, roster: ["DDDD...", "....DD."], objective: 100,
            broken: ["consecutive-days:A"]),
    // 7. A's run on day 2 alone, off days 0-1 before it and 3-4 after: a 1-day stretch inside the horizon.
    // requests: A0 (A off) 2; B4 (B off) 3; A avoids 5 (works) 1. cover: days 3, 4 nobody 200. 2 + 3 + 1 + 200 = 206.
    CurtoisCraftedRoster(name: "week, working stretch too short", instance: week, roster: ["..D..DD", "DD....."], objective: 206,
            broken: ["min-work-stretch:A"]),
    // 8. A rests only day 2 between runs 0-1 and 3-4. B works 5-6 (1 weekend).
    // requests: A0 met 0; B4 (B off) 3; A5 (A off) 0. cover: day 2 nobody 100; the rest one each. 3 + 100 = 103.
    CurtoisCraftedRoster(name: "week, rest too short", instance: week, roster: ["DD.DD..", ".....DD"], objective: 103,
            broken: ["min-off-stretch:A"]),
    // Fortnight base: A 10 E = 4800 min, weekend 12 only; B 4 E = 1920 min, both weekends; C 9 L = 5400 min.
    // requests: A wants L on 0 (has E) 2; B5 E met; C9 L met; B avoids E on 2 (off) 0; C avoids L on 3 (works) 1.
    // cover: E one every day; L day 0 nobody: 50 (its own under weight); weekends L 0 and nobody. 2 + 1 + 50 = 53.
    CurtoisCraftedRoster(name: "fortnight, feasible", instance: fortnight, roster: fortnightBase, objective: 53, broken: []),
    // 9. A works E 1-5 and 8-12: weekends 5 and 12, 2 > 1. Off day 0 touches the start.
    // requests: A0 (off) 2; C3 1. cover: E day 0 nobody 100; E day 5 A+B one over 1; L day 0 50. 2 + 1 + 100 + 1 + 50 = 154.
    CurtoisCraftedRoster(name: "fortnight, too many weekends", instance: fortnight, roster: [".EEEEE..EEEEE.", fortnightBase[1], fortnightBase[2]],
            objective: 154, broken: ["weekends:A"]),
    // 3. C works E on 1-3 then L: 3 E > 2. Minutes 3*480 + 6*600 = 5040.
    // requests: A0 2; C avoids L on 3 but works E: 0. cover: E days 1-3 A+C, 1 over each: 3; L days 1-3 nobody: 300;
    // L day 0: 50. 2 + 3 + 300 + 50 = 355.
    CurtoisCraftedRoster(name: "fortnight, over a shift cap", instance: fortnight, roster: [fortnightBase[0], fortnightBase[1], ".EEEL..LLLLL.."],
            objective: 355, broken: ["shift-caps:C"]),
    // 4 (below). B works only 5-7: 3 * 480 = 1440 < 1920.  Base 53 + E day 13 nobody 100 = 153.
    CurtoisCraftedRoster(name: "fortnight, too few minutes", instance: fortnight, roster: [fortnightBase[0], ".....EEE......", fortnightBase[2]],
            objective: 153, broken: ["period-minutes:B"]),
    // 4 (above). A: L on 4 and 12 instead of E: 8 * 480 + 2 * 600 = 5040 > 5000 (L cap 3 kept; L is followed by rest).
    // requests 2 + 1; cover: E day 4 nobody 100, L day 4 A+C 1 over 1; E day 12 nobody 100, L day 12 (needs 0) A 1;
    // L day 0 50. 3 + 100 + 1 + 100 + 1 + 50 = 255.
    CurtoisCraftedRoster(name: "fortnight, too many minutes", instance: fortnight, roster: ["EEEEL...EEEEL.", fortnightBase[1], fortnightBase[2]],
            objective: 255, broken: ["period-minutes:A"]),
    // 5. C works L on 3 then E on 4. Base 53 + E day 4 A+C 1 over 1 + L day 4 nobody 100 = 154.
    CurtoisCraftedRoster(name: "fortnight, forbidden succession", instance: fortnight, roster: [fortnightBase[0], fortnightBase[1], ".LLLE..LLLLL.."],
            objective: 154, broken: ["forbidden-succession:C"]),
    // 2. C works L on day 0, its day off: 10 L = 6000 min, exactly the maximum.
    // requests 2 + 1; cover: L day 0 now has C: 0. Total 3.
    CurtoisCraftedRoster(name: "fortnight, work on a day off", instance: fortnight, roster: [fortnightBase[0], fortnightBase[1], "LLLLL..LLLLL.."],
            objective: 3, broken: ["availability:C"]),
    // 8 and 9 at once. C adds L on 13: the rest on 12 is one day between work (too short), and weekend 12-13 is
    // worked with a cap of 0. Base 53 + L day 13 needs 0, has 1, at 3 per extra person: 3. Total 56.
    CurtoisCraftedRoster(name: "fortnight, short rest and a weekend", instance: fortnight, roster: [fortnightBase[0], fortnightBase[1], ".LLLL..LLLLL.L"],
            objective: 56, broken: ["min-off-stretch:C", "weekends:C"]),
]

@Suite struct CurtoisObjectiveTests {
    /// The reference checker itself gives the hand-computed numbers: it is the yardstick below.
    @Test(arguments: crafted)
    func referenceCheckerAgreesWithTheHandArithmetic(_ c: CurtoisCraftedRoster) {
        let verdict = ReferenceInstance(text: c.instance).judge(rows(c.roster))
        #expect(verdict.objective == c.objective)
        #expect(verdict.breaches.map(\.description).sorted() == c.broken.sorted())
    }

    /// Paiban's audit of the imported instance: the same hard rules (by rule id and employee), the same penalty.
    @Test(arguments: crafted)
    func paibanAuditMatchesTheHandArithmetic(_ c: CurtoisCraftedRoster) throws {
        let paiban = try PaibanView(text: c.instance, name: "crafted")
        let (breaches, penalty, report) = paiban.audit(rows(c.roster))
        #expect(breaches.map(\.description).sorted() == c.broken.sorted())
        #expect(report.hardFindings.isEmpty == c.broken.isEmpty)
        let soft = report.findings.filter { $0.severity == .soft }
        #expect(Set(soft.map(\.rule)).isSubset(of: ["requests", "shift-cover"]), "\(soft.map(\.rule))")
        #expect(penalty == Double(c.objective), "soft findings: \(soft.map { "\($0.rule) \($0.penalty)" })")
    }

    /// A run over the hard limit is a hard finding only: the imported soft limit equals the hard one, so
    /// it prices nothing (A works 4 days in a row against a limit of 3; the README objective is 100).
    @Test func runOverTheHardLimitIsNotPricedAgain() throws {
        let paiban = try PaibanView(text: week, name: "week")
        let report = paiban.audit(rows(["DDDD...", "....DD."])).report
        #expect(report.penalties["consecutive-days"] == nil)
        #expect(report.hardFindings.contains { $0.rule == "consecutive-days" })
        #expect(report.totalPenalty == 100)
    }

    /// Paiban's penalty splits into exactly the README's terms.
    @Test func feasibleFortnightPenaltyByRule() throws {
        let paiban = try PaibanView(text: fortnight, name: "fortnight")
        let report = paiban.audit(rows(fortnightBase)).report
        // requests: A's unmet L on day 0 (2) + C's L on day 3 (1); cover: L on day 0 short at 50.
        #expect(report.penalties == ["requests": 3, "shift-cover": 50])
    }
}

// MARK: - Random rosters on the real instances

/// SplitMix64: a small seeded generator, so every run sees the same rosters.
private struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Any cell anything: mostly infeasible, every rule broken somewhere.
private func randomRow(_ instance: ReferenceInstance, using rng: inout SplitMix64) -> [String?] {
    let ids = instance.shifts.map(\.id)
    let offShare = Double.random(in: 0.1 ... 0.7, using: &rng)
    return (0 ..< instance.horizon).map { _ in Double.random(in: 0 ..< 1, using: &rng) < offShare ? nil : ids.randomElement(using: &rng)! }
}

/// A row of stretches within the employee's limits, on shift types they may work, off on their days off.
private func stretchRow(_ person: ReferenceInstance.Employee, _ instance: ReferenceInstance, using rng: inout SplitMix64) -> [String?] {
    let allowed = instance.shifts.map(\.id).filter { person.caps[$0, default: 1] > 0 }
    let banned = instance.daysOff[person.id, default: []]
    var row: [String?] = []
    var working = Bool.random(using: &rng)
    while row.count < instance.horizon {
        let length = working ? Int.random(in: max(1, person.minRun) ... max(1, person.maxRun), using: &rng)
                             : Int.random(in: max(1, person.minOff) ... max(1, person.minOff) + 2, using: &rng)
        let id = allowed.randomElement(using: &rng)
        for _ in 0 ..< length where row.count < instance.horizon {
            row.append(working && !banned.contains(row.count) ? id : nil)
        }
        working.toggle()
    }
    return row
}

/// Per employee, up to 12 different rows that break none of their hard constraints, found by sampling.
private func feasibleRows(_ instance: ReferenceInstance, using rng: inout SplitMix64) -> [[[String?]]] {
    instance.staff.map { person in
        var found: [[String?]] = []
        for _ in 0 ..< 20_000 where found.count < 12 {
            let row = stretchRow(person, instance, using: &rng)
            if instance.breaches(of: row, by: person).isEmpty, !found.contains(row) { found.append(row) }
        }
        return found
    }
}

@Suite(.enabled(if: InstanceFiles.available, "Curtois-Qu instance files not found"))
struct CurtoisRandomRosterTests {
    /// 400 seeded rosters per instance, of four kinds: any cell anything; every employee on a feasible row;
    /// feasible rows but one employee's replaced by a random row; feasible rows with one cell changed.
    /// Paiban's hard rules broken (rule id and employee) must be the reference's, so the feasibility verdicts
    /// agree, and its penalty must be the reference objective (less the known consecutive-days surcharge).
    @Test(arguments: [1, 2, 3])
    func randomRostersGetTheReferenceVerdictAndObjective(number: Int) throws {
        let reference = try ReferenceInstance(path: InstanceFiles.path(number))
        let (_, scenario) = try CurtoisImport.scenario(path: InstanceFiles.path(number))
        let paiban = PaibanView(scenario: scenario)
        var rng = SplitMix64(state: 20_140_106 &+ UInt64(number))
        let pools = feasibleRows(reference, using: &rng)
        try #require(pools.allSatisfy { !$0.isEmpty }, "no feasible row found for \(zip(reference.staff, pools).filter { $1.isEmpty }.map { $0.0.id })")
        let ids = reference.shifts.map(\.id)

        var feasible = 0, rulesSeen = Set<String>(), mismatches = 0, overpriced = 0
        for trial in 0 ..< 400 {
            var grid = pools.map { $0.randomElement(using: &rng)! }
            let e = Int.random(in: 0 ..< grid.count, using: &rng)
            switch trial % 4 {
            case 0: grid = reference.staff.map { _ in randomRow(reference, using: &rng) }
            case 1: break
            case 2: grid[e] = randomRow(reference, using: &rng)
            default:
                let d = Int.random(in: 0 ..< reference.horizon, using: &rng)
                grid[e][d] = grid[e][d] == nil ? ids.randomElement(using: &rng) : (Bool.random(using: &rng) ? nil : ids.randomElement(using: &rng))
            }
            let expected = reference.judge(grid)
            let (breaches, penalty, report) = paiban.audit(grid)
            if expected.feasible { feasible += 1 }
            rulesSeen.formUnion(expected.breaches.map(\.rule))
            let surcharge = report.penalties["consecutive-days"] ?? 0
            if breaches != expected.breaches || penalty - surcharge != Double(expected.objective) {
                mismatches += 1
                if mismatches <= 3 {
                    Issue.record("""
                        Instance\(number) trial \(trial): reference \(expected.breaches.map(\.description).sorted()) objective \(expected.objective); \
                        Paiban \(breaches.map(\.description).sorted()) penalty \(penalty) (consecutive-days \(surcharge))
                        \(grid.map { $0.map { $0 ?? "." }.joined(separator: " ") }.joined(separator: "\n"))
                        """)
                }
            }
            #expect(breaches.isEmpty == expected.feasible)
            if expected.feasible { #expect(penalty == Double(expected.objective)) }
            if penalty != Double(expected.objective) { overpriced += 1 }
        }
        #expect(mismatches == 0)
        // The sample is worth something only if it has feasible rosters and breaks every kind of rule
        // (Instance1 has one shift type with a cap of 14 in 14 days and no successions to break).
        #expect(feasible >= 50, "\(feasible) feasible rosters")
        let everyRule = Set(Constraint.allCases.map(\.rule)).subtracting(number == 1 ? ["shift-caps", "forbidden-succession"] : [])
        #expect(rulesSeen.isSuperset(of: everyRule), "never broken: \(everyRule.subtracting(rulesSeen).sorted())")
        #expect(overpriced == 0)
    }

    /// Nobody working: every on-request is missed and every cover row is short by its full requirement.
    @Test(arguments: [1, 2, 3])
    func emptyRosterCostsEveryRequestAndAllCover(number: Int) throws {
        let reference = try ReferenceInstance(path: InstanceFiles.path(number))
        let (_, scenario) = try CurtoisImport.scenario(path: InstanceFiles.path(number))
        let grid = Array(repeating: Array(repeating: String?.none, count: reference.horizon), count: reference.staff.count)
        let (breaches, penalty, _) = PaibanView(scenario: scenario).audit(grid)
        // Instance1: 21 on-requests weighing 2+2 + 3*5 + 1*5 + 2+2 + 2+2 + 1*5 = 37; cover 5+7+6+4+5+5+5+6+7+4+2+5+6+4 = 71 people.
        // Instance2: 50 on-requests weighing 82, cover rows requiring 108 people; Instance3: 74 and 154 (summed from the files).
        let expected = [1: 37 + 100 * 71, 2: 82 + 100 * 108, 3: 74 + 100 * 154][number]!
        let objective = reference.judge(grid).objective
        #expect(objective == expected)
        #expect(penalty == Double(objective))
        // Everyone has a minimum of minutes above 0, so each breaks the minutes rule and nothing else.
        #expect(breaches == Set(reference.staff.map { Breach(rule: "period-minutes", employee: $0.id) }))
    }
}
