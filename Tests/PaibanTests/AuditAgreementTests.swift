import Paiban
import PaibanSolver
import Testing

/// The audit against counts written out in the test. A few small scenarios are solved; their rosters
/// are then mutated in seeded random ways (two people swap a day, a rest day becomes work, work becomes
/// rest, a shift changes code), and for every mutated roster the audit's findings of four rules must be
/// exactly what a direct count of the roster finds:
/// - consecutive-days: runs of worked days (history included) beyond the hard and the soft limit;
/// - rest-days: rest days per calendar month against the prorated minimum;
/// - night-cap: nights per calendar month against the cap;
/// - minimum-rest: hours between consecutive shifts (the last day of the history included).
@Suite("audit agreement")
struct AuditAgreementTests {
    /// SplitMix64, written here so the sequence is fixed by this file alone.
    struct Rng {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
    }

    /// One test scenario with the night kind of each of its shifts as the test reads the rulebook
    /// (small night: ends 22:00-23:00; big night: ends at midnight or 00:00-07:59, or crosses midnight).
    struct Case {
        var name: String
        var scenario: Scenario
        var nightKinds: [NightKind]
    }

    // E 06:00-14:00 and D 09:00-17:00 (no night), L 14:00-22:00 (small night), N 22:00-06:00 (big night).

    /// 8 days from Thursday 27 March 2025: 5 days of March and 3 of April. Four shifts, 11 h minimum
    /// rest (L then E, N then E or D are too short), small and big nights both capped at 2 a month,
    /// 8 rest days a month (1 for the March part, 0 for the April part), runs: soft 3, hard 4.
    static func monthEdge() -> Case {
        var b = ScenarioBuilder(start: day(2025, 3, 27), days: 8)
        b.shifts = [Shifts.early, Shifts.day, Shifts.late, Shifts.night]
        b.rules.minRestHours = 11
        b.rules.nightCapCounts = [NightKind.small, NightKind.big]
        let histories: [[Int?]] = [[1, 1, 1], [3], [nil, 2], []]
        for (i, history) in histories.enumerated() {
            b.person("P\(i)") {
                $0.contract.consecutiveSoft = 3
                $0.contract.consecutiveHard = 4
                $0.contract.restDaysPerMonth = 8
                $0.contract.maxNights = 2
                $0.history = history
            }
        }
        b.need(1, from: 6, to: 22)
        b.need(1, from: 22, to: 24, on: [0, 2, 4, 6])
        return Case(name: "month edge", scenario: b.build(), nightKinds: [.none, .none, .small, .big])
    }

    /// 14 days from Monday 24 February 2025 (5 of February, 9 of March). Three shifts, 12 h minimum
    /// rest, only big nights capped (3 a month), 10 rest days a month, runs: soft 4, hard 5. One person
    /// has approved leave, one starts on 3 March, one has a cap of 1 night.
    static func twoWeeks() -> Case {
        var b = ScenarioBuilder(start: day(2025, 2, 24), days: 14)
        b.shifts = [Shifts.early, Shifts.late, Shifts.night]
        b.rules.minRestHours = 12
        b.rules.nightCapCounts = [NightKind.big]
        for i in 0..<5 {
            b.person("Q\(i)") {
                $0.contract.consecutiveSoft = 4
                $0.contract.consecutiveHard = 5
                $0.contract.restDaysPerMonth = 10
                $0.contract.maxNights = i == 4 ? 1 : 3
                if i == 0 { $0.history = [0, 0, 0, 0, 2] }
                if i == 1 { $0.leave = [day(2025, 3, 4): "annual", day(2025, 3, 5): "annual", day(2025, 2, 26): "sick"] }
                if i == 2 { $0.startDate = day(2025, 3, 3) }
                if i == 3 { $0.history = [2, 2] }
            }
        }
        b.need(1, from: 6, to: 22)
        b.need(1, from: 22, to: 24)
        return Case(name: "two weeks", scenario: b.build(), nightKinds: [.none, .small, .big])
    }

    /// One week, the builder's defaults: no minimum rest, no night cap, no rest days; only the run limits
    /// (soft 2, hard 3). Rules that are off must find nothing however the roster changes.
    static func rulesOff() -> Case {
        var b = ScenarioBuilder(start: day(2025, 3, 3), days: 7)
        b.shifts = [Shifts.day, Shifts.night]
        for i in 0..<3 {
            b.person("R\(i)") {
                $0.contract.consecutiveSoft = 2
                $0.contract.consecutiveHard = 3
                if i == 1 { $0.history = [1, 1, 1] }
            }
        }
        b.need(1, from: 9, to: 17)
        b.need(1, from: 22, to: 24)
        return Case(name: "rules off", scenario: b.build(), nightKinds: [.none, .big])
    }

    // MARK: - Direct counts

    static let rules: Set<String> = ["consecutive-days", "rest-days", "night-cap", "minimum-rest"]

    /// What is worked on day d (negative: the history, -1 the day before the period).
    static func shift(_ roster: Roster, _ p: Int, _ d: Int, _ s: Scenario) -> Int? {
        if d >= 0 { return roster.cells[p][d].shift }
        let history = s.staff[p].history
        return history.count + d >= 0 ? history[history.count + d] : nil
    }

    static func expected(_ roster: Roster, _ c: Case) -> [FindingKey] {
        let s = c.scenario
        let n = s.period.dayCount
        var keys: [FindingKey] = []

        // The calendar months of the period: (days in the month, day offsets in the period).
        var months: [(length: Int, days: [Int])] = []
        var monthOf: [String: Int] = [:]
        for d in 0..<n {
            let date = s.period.start.adding(days: d)
            let key = "\(date.year)-\(date.month)"
            if monthOf[key] == nil {
                monthOf[key] = months.count
                months.append((CivilDate.daysIn(month: date.month, year: date.year), []))
            }
            months[monthOf[key]!].days.append(d)
        }

        for p in s.staff.indices {
            let person = s.staff[p]
            let contract = person.contract

            // consecutive-days: walk from the oldest day of the history to the end of the period.
            var runStart: Int? = nil
            for d in -person.history.count...n {
                let works = d < n && shift(roster, p, d, s) != nil
                if works && runStart == nil { runStart = d }
                guard !works, let first = runStart else { continue }
                runStart = nil
                let last = d - 1
                guard last >= 0 else { continue }
                let length = last - first + 1
                func beyond(_ limit: Int) -> Int {   // worked days after the limit-th day of the run, inside the period
                    guard length > limit else { return 0 }
                    return (limit + 1...length).filter { first + $0 - 1 >= 0 }.count
                }
                let days = Array(max(first, 0)...last)
                if beyond(contract.consecutiveHard) > 0 {
                    keys.append(FindingKey("consecutive-days", .hard, person: p, days: days))
                }
                let soft = beyond(contract.consecutiveSoft)
                if soft > 0 {
                    keys.append(FindingKey("consecutive-days", .soft, person: p, days: days,
                                           penalty: Double(soft) * s.rules.weights.consecutiveSoft))
                }
            }

            for month in months {
                // rest-days: days on the team and not on approved leave that are not worked.
                let available = month.days.filter { d in
                    let date = s.period.start.adding(days: d)
                    return (person.startDate.map { date >= $0 } ?? true) && person.leave[date] == nil
                }
                let need = contract.restDaysPerMonth * available.count / month.length
                let rest = available.filter { roster.cells[p][$0].shift == nil }.count
                if rest < need { keys.append(FindingKey("rest-days", .hard, person: p, days: available)) }

                // night-cap: the month's nights of the kinds the scenario counts.
                if let cap = contract.maxNights {
                    let nights = month.days.filter { d in
                        roster.cells[p][d].shift.map { s.rules.nightCapCounts.contains(c.nightKinds[$0]) } ?? false
                    }
                    if nights.count > cap { keys.append(FindingKey("night-cap", .hard, person: p, days: nights)) }
                }
            }

            // minimum-rest: end of one shift (on its own day, or the next if it crosses midnight) to
            // the start of the next day's shift.
            if let minimum = s.rules.minRestHours {
                for d in -1..<(n - 1) {
                    guard let a = shift(roster, p, d, s), let b = shift(roster, p, d + 1, s) else { continue }
                    let first = s.shifts[a], second = s.shifts[b]
                    let end = first.end > first.start ? first.end : first.end + 24 * 60
                    let restMinutes = 24 * 60 + second.start - end
                    if Double(restMinutes) < minimum * 60 {
                        keys.append(FindingKey("minimum-rest", .hard, person: p, days: [d, d + 1]))
                    }
                }
            }
        }
        return keys
    }

    static func sorted(_ keys: [FindingKey]) -> [String] { keys.map(\.description).sorted() }

    // MARK: - Mutations

    enum Mutation: CaseIterable { case swapDay, restToWork, workToRest, changeShift }

    /// Applies one mutation; leave cells are never touched (nor created), so approved leave stays as it is.
    static func mutate(_ roster: inout Roster, _ kind: Mutation, _ s: Scenario, _ rng: inout Rng) -> Bool {
        let people = s.staff.count, days = s.period.dayCount, shifts = s.shifts.count
        for _ in 0..<20 {
            let p = rng.int(0...people - 1), d = rng.int(0...days - 1)
            let cell = roster.cells[p][d]
            switch kind {
            case .swapDay:
                let q = (p + rng.int(1...people - 1)) % people
                let other = roster.cells[q][d]
                guard cell != .leave, other != .leave, cell != other else { continue }
                roster[p, d] = other
                roster[q, d] = cell
            case .restToWork:
                guard cell == .off else { continue }
                roster[p, d] = .work(rng.int(0...shifts - 1))
            case .workToRest:
                guard cell.shift != nil else { continue }
                roster[p, d] = .off
            case .changeShift:
                guard let current = cell.shift else { continue }
                roster[p, d] = .work((current + rng.int(1...shifts - 1)) % shifts)
            }
            return true
        }
        return false
    }

    // MARK: - Tests

    static let cases: [@Sendable () -> Case] = [monthEdge, twoWeeks, rulesOff]

    @Test(arguments: 0..<3)
    func auditAgreesWithDirectCountsOnMutatedRosters(caseIndex: Int) throws {
        let c = Self.cases[caseIndex]()
        let s = c.scenario
        // The test's night kinds are the rulebook's; the scenario's classification must agree.
        #expect(s.shifts.map(\.nightKind) == c.nightKinds, "\(c.name): night kinds")

        let result = try solve(s, timeLimit: 2)
        let base = try #require(solvedRoster(result))
        func audited(_ roster: Roster) -> [FindingKey] {
            keys(Audit.run(roster, in: s).findings.filter { Self.rules.contains($0.rule) })
        }
        // The solved roster: legal, and the audit and the count agree on it too.
        #expect(Self.sorted(audited(base)) == Self.sorted(Self.expected(base, c)), "\(c.name) solved: \(s.rows(base))")
        #expect(!audited(base).contains { $0.severity == .hard }, "\(c.name) solved roster breaks a hard rule: \(s.rows(base))")

        var rng = Rng(state: 0x5EED_0000 &+ UInt64(caseIndex) &* 7919)
        var triggered: [String: Int] = [:]
        var disagreements = 0
        let trials = 150
        for trial in 0..<trials {
            var roster = base
            var applied: [Mutation] = []
            for _ in 0..<rng.int(1...4) {
                let kind = Mutation.allCases[rng.int(0...Mutation.allCases.count - 1)]
                if Self.mutate(&roster, kind, s, &rng) { applied.append(kind) }
            }
            let expected = Self.expected(roster, c)
            let got = audited(roster)
            for key in expected { triggered["\(key.rule) \(key.severity.rawValue)", default: 0] += 1 }
            if Self.sorted(got) != Self.sorted(expected) {
                disagreements += 1
                if disagreements <= 5 {
                    let missing = Set(expected).subtracting(got).map(\.description).sorted()
                    let extra = Set(got).subtracting(expected).map(\.description).sorted()
                    let report = "\(c.name) trial \(trial) \(applied): roster \(s.rows(roster))\n"
                        + "count finds but audit does not: \(missing)\naudit finds but count does not: \(extra)"
                    Issue.record(Comment(rawValue: report))
                }
            }
            // Every finding of these rules names its person in its message, in both languages.
            for f in Audit.run(roster, in: s).findings where Self.rules.contains(f.rule) {
                guard let p = f.person else { Issue.record("\(f.rule) finding without a person"); continue }
                #expect(f.message(in: .en).contains(s.personName(p)) && f.message(in: .zh).contains(s.personName(p)),
                        "\(f.rule): \(f.message(in: .en)) / \(f.message(in: .zh))")
            }
        }
        #expect(disagreements == 0, "\(c.name): \(disagreements) of \(trials) mutated rosters disagree")

        // The mutations must actually reach each rule the scenario switches on.
        let contracts = s.staff.map(\.contract)
        #expect(triggered["consecutive-days hard", default: 0] > 0, "\(c.name): \(triggered)")
        #expect(triggered["consecutive-days soft", default: 0] > 0, "\(c.name): \(triggered)")
        if contracts.contains(where: { $0.restDaysPerMonth > 0 }) {
            #expect(triggered["rest-days hard", default: 0] > 0, "\(c.name): \(triggered)")
        }
        if contracts.contains(where: { $0.maxNights != nil }) {
            #expect(triggered["night-cap hard", default: 0] > 0, "\(c.name): \(triggered)")
        }
        if s.rules.minRestHours != nil {
            #expect(triggered["minimum-rest hard", default: 0] > 0, "\(c.name): \(triggered)")
        } else {
            #expect(triggered["minimum-rest hard", default: 0] == 0)
        }
    }

    /// Hand-made rosters for the corners a random walk may miss: a run of history alone over the hard
    /// limit that the period's first day extends, a night on the last day before the period, a month
    /// whose prorated minimum rounds down to zero.
    @Test func corners() {
        let c = Self.monthEdge()
        let s = c.scenario
        // P0 has 3 D days of history: working 1 more day is 4 (hard limit 4, fine), 2 more is 5.
        // P1 worked N the day before: E on day 0 leaves 0 h rest.
        // P2: L L N N on the 27th-30th (4 nights in March, cap 2), then E on the 31st after N: 0 h.
        // P3: every day worked: March part needs floor(8 x 5 / 31) = 1 rest day, April part needs 0.
        let rosters = [
            ["DD......", "E.......", "LLNNE...", "DDDDDDDD"],
            ["D.D.D.D.", "........", "........", "DDDD.DDD"],
            ["........", "D.......", "...N.NN.", "DDDDDDDD"],
        ]
        for rows in rosters {
            let roster = s.roster(rows)
            let got = keys(Audit.run(roster, in: s).findings.filter { Self.rules.contains($0.rule) })
            #expect(Self.sorted(got) == Self.sorted(Self.expected(roster, c)), "\(rows)")
        }
        // The first roster by hand: the direct count itself is right.
        let first = Self.sorted(Self.expected(s.roster(rosters[0]), c))
        #expect(first.contains(FindingKey("consecutive-days", .hard, person: 0, days: [0, 1]).description), "\(first)")
        #expect(first.contains(FindingKey("minimum-rest", .hard, person: 1, days: [-1, 0]).description), "\(first)")
        #expect(first.contains(FindingKey("night-cap", .hard, person: 2, days: [0, 1, 2, 3]).description), "\(first)")
        #expect(first.contains(FindingKey("minimum-rest", .hard, person: 2, days: [3, 4]).description), "\(first)")
        #expect(first.contains(FindingKey("rest-days", .hard, person: 3, days: [0, 1, 2, 3, 4]).description), "\(first)")
        #expect(!first.contains { $0.contains("rest-days") && $0.contains("p=3 days=[5") }, "April needs no rest: \(first)")
    }
}
