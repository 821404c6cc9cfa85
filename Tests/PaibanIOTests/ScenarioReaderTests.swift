import Foundation
import Paiban
import PaibanIO
import Testing

/// Valid scenarios: what the reader builds from them.
@Suite struct ScenarioReaderTests {
    /// Uses every section; the comments say what each line should become.
    static let full = """
        # 测试：一个小团队的三月排班
        name: 测试排班 2027年3月
        period: 2027-03
        slot_minutes: 30
        groups: [售前, 售后]

        shifts:
          - {code: 早, name: 早班, start: "07:00", end: "15:30", paid_hours: 7.5}
          - {code: N, name: 大夜班, start: "22:00", end: "06:00"}     # crosses midnight
          - code: E
            name: 小夜班
            start: "14:00"
            end: "22:30"
            paid_minutes: 450
            groups: [售后]
            night: small

        contracts:
          全职:
            rest_days_per_month: 8
            hours_target: 168
            hours_tolerance: 6
            consecutive_soft: 4
            consecutive_hard: 6
            night_eligible: true
            max_nights: 5

        staff:
          - {id: P1, name: 张伟, group: 售前, contract: 全职}
          - id: P2
            name: 王芳
            group: 售后
            skills: [售前]
            contract: 全职
            hours_target: 120          # overrides the contract
            night_eligible: false      # overrides the contract
            available:
              - {days: [sat, 周日], from: "16:00", to: "22:30"}
              - {days: [mon, tue], from: "07:00", to: "16:00"}
              - {from: "20:00", to: "08:00"}
            leave:
              - {from: 2027-03-15, to: 2027-03-19, kind: 病假}
              - 2027-03-25
            history: [早, OFF, N]
            requests:
              - {date: 2027-03-08, off: true, weight: 20}   # 三八妇女节
              - {date: 2027-03-09, shift: 早}
              - {date: 2027-03-10, avoid: N, weight: 3}
          - {id: P3, name: 李娜, group: 售后, contract: {hours_target: 100, consecutive_hard: 5}, start_date: 2027-03-10, days_off: [2027-03-20], unavailable_weekdays: [wed]}

        demand:
          - {from: "00:00", to: "24:00", required: 1}
          - {days: weekdays, from: "09:00", to: "12:00", required: 2}
          - {days: [2027-03-10], from: "10:00", to: "11:00", required: 3}     # overrides the weekday line
          - {group: 售后, from: "09:00", to: "17:30", required: 1}
          - {group: 售后, days: [周六, sun], from: "09:00", to: "17:30", required: 0}   # overrides: none at weekends

        rules:
          min_rest_hours: 12
          forbidden_successions: [[N, 早], "E>早"]
          night_cap_counts: [small, big]
          leave_credit_hours: 7.5

        weights:
          under_cover: 50
          consecutive_soft: 8
          night_fairness: 2
          request: 2

        """

    func readFull() throws -> Scenario {
        try ScenarioReader.read(data: Data(Self.full.utf8), file: "full.yaml")
    }

    @Test func nameAndMonthShorthandPeriod() throws {
        let s = try readFull()
        #expect(s.name == "测试排班 2027年3月")
        #expect(s.period.start == (try date("2027-03-01")))
        #expect(s.period.end == (try date("2027-03-31")))
        #expect(s.dayCount == 31)
    }

    @Test func shiftsIncludingOneCrossingMidnight() throws {
        let s = try readFull()
        try #require(s.shifts.count == 3)
        #expect(s.shifts.map(\.code) == ["早", "N", "E"])
        #expect(s.shifts.map(\.name) == ["早班", "大夜班", "小夜班"])

        let early = s.shifts[0]
        #expect(early.start == 7 * 60 && early.end == 15 * 60 + 30)
        #expect(early.paidMinutes == 450)
        #expect(!early.crossesMidnight)
        #expect(early.nightKind == .none)
        #expect(early.groups.isEmpty)

        let night = s.shifts[1]
        #expect(night.start == 22 * 60 && night.end == 6 * 60)
        #expect(night.crossesMidnight)
        #expect(night.durationMinutes == 480)
        #expect(night.paidMinutes == 480, "paid time defaults to the whole shift")
        #expect(night.nightKind == .big)
        // 30-minute slots: 22:00-24:00 of its own day and 00:00-06:00 of the next.
        let covered = s.coveredSlots[1].map { "\($0.dayOffset)/\($0.slot)" }
        #expect(covered == (44..<48).map { "0/\($0)" } + (0..<12).map { "1/\($0)" })

        let evening = s.shifts[2]
        #expect(evening.start == 14 * 60 && evening.end == 22 * 60 + 30)
        #expect(evening.paidMinutes == 450)
        #expect(evening.groups == ["售后"])
        #expect(evening.nightOverride == .small)
        #expect(evening.nightKind == .small)
    }

    @Test func namedContractAndInlineOverrides() throws {
        let s = try readFull()
        try #require(s.staff.count == 3)
        var fullTime = Contract()
        fullTime.restDaysPerMonth = 8
        fullTime.hoursTarget = 168
        fullTime.hoursTolerance = 6
        fullTime.consecutiveSoft = 4
        fullTime.consecutiveHard = 6
        fullTime.nightEligible = true
        fullTime.maxNights = 5
        #expect(s.staff[0].contract == fullTime)

        // Fields on the person override the named contract; the rest comes from it.
        var overridden = fullTime
        overridden.hoursTarget = 120
        overridden.nightEligible = false
        #expect(s.staff[1].contract == overridden)

        // A contract written inline as a mapping starts from the defaults.
        var inline = Contract()
        inline.hoursTarget = 100
        inline.consecutiveHard = 5
        #expect(s.staff[2].contract == inline)
    }

    @Test func staffWithChineseNamesGroupsAndSkills() throws {
        let s = try readFull()
        #expect(s.staff.map(\.id) == ["P1", "P2", "P3"])
        #expect(s.staff.map(\.name) == ["张伟", "王芳", "李娜"])
        #expect(s.staff.map(\.group) == ["售前", "售后", "售后"])
        #expect(s.staff[1].skills == ["售前"])
        #expect(s.staff[2].startDate == (try date("2027-03-10")))
        #expect(s.staff[2].daysOff == [try date("2027-03-20")])
        #expect(s.staff[2].unavailableWeekdays == [3])
    }

    @Test func availabilityWindows() throws {
        let windows = try readFull().staff[1].timeWindows
        #expect(windows == [
            TimeWindow(weekdays: [6, 7], from: 16 * 60, to: 22 * 60 + 30),
            TimeWindow(weekdays: [1, 2], from: 7 * 60, to: 16 * 60),
            TimeWindow(weekdays: [], from: 20 * 60, to: 8 * 60),
        ])
        #expect(try readFull().staff[0].timeWindows.isEmpty)
    }

    @Test func leaveRangesAndSingleDates() throws {
        let leave = try readFull().staff[1].leave
        var expected: [CivilDate: String] = [:]
        for day in 15...19 { expected[try date("2027-03-\(day)")] = "病假" }
        expected[try date("2027-03-25")] = "annual"
        #expect(leave == expected)
    }

    @Test func historyWithShiftCodesAndOff() throws {
        let s = try readFull()
        #expect(s.staff[1].history == [0, nil, 1])
        #expect(s.staff[0].history.isEmpty)
    }

    @Test func requests() throws {
        let s = try readFull()
        #expect(s.requests == [
            Request(person: 1, day: 7, kind: .dayOff, weight: 20),
            Request(person: 1, day: 8, kind: .wantShift(0), weight: 2),   // default weight from weights.request
            Request(person: 1, day: 9, kind: .avoidShift(1), weight: 3),
        ])
    }

    @Test func demandLaterLinesOverrideEarlierOnes() throws {
        let demand = try readFull().demand
        #expect(demand.slotMinutes == 30)
        #expect(demand.slotsPerDay == 48)
        #expect(demand.groups == [Demand.anyGroup, "售后"])
        let all = 0, after = 1
        func slot(_ h: Int, _ m: Int = 0) -> Int { (h * 60 + m) / 30 }
        // Monday 1 March: base 1, weekdays 09:00-12:00 raise it to 2.
        #expect(demand.required[0][slot(8, 30)][all] == 1)
        #expect(demand.required[0][slot(9)][all] == 2)
        #expect(demand.required[0][slot(11, 30)][all] == 2)
        #expect(demand.required[0][slot(12)][all] == 1)
        #expect(demand.required[0][slot(23, 30)][all] == 1)
        // Saturday 6 March: the weekday line does not apply.
        #expect(demand.required[5][slot(9)][all] == 1)
        // Wednesday 10 March: the date line overrides the weekday line from 10:00 to 11:00 only.
        #expect(demand.required[9][slot(9, 30)][all] == 2)
        #expect(demand.required[9][slot(10)][all] == 3)
        #expect(demand.required[9][slot(10, 30)][all] == 3)
        #expect(demand.required[9][slot(11)][all] == 2)
        // After-sales: 09:00-17:30 on weekdays, overridden to 0 at weekends.
        #expect(demand.required[0][slot(8, 30)][after] == 0)
        #expect(demand.required[0][slot(9)][after] == 1)
        #expect(demand.required[0][slot(17)][after] == 1)
        #expect(demand.required[0][slot(17, 30)][after] == 0)
        #expect(demand.required[5][slot(12)][after] == 0)
        #expect(demand.required[6][slot(12)][after] == 0)
        #expect(demand.required[7][slot(12)][after] == 1)
    }

    @Test func rulesAndWeights() throws {
        let rules = try readFull().rules
        #expect(rules.minRestHours == 12)
        #expect(rules.forbiddenSuccessions == [.init(first: 1, then: 0), .init(first: 2, then: 0)])
        #expect(rules.nightCapCounts == [.small, .big])
        #expect(rules.leaveCreditMinutes == 450)
        #expect(rules.weights.underCover == 50)
        #expect(rules.weights.consecutiveSoft == 8)
        #expect(rules.weights.nightFairness == 2)
        #expect(rules.weights.requestDefault == 2)
    }

    @Test func optionalSectionsTakeTheirDefaults() throws {
        let s = try ScenarioReader.read(data: Data(YAMLFixtures.minimal.utf8), file: "minimal.yaml")
        #expect(s.demand.slotMinutes == 60)
        #expect(s.staff[2].contract == Contract())
        #expect(s.staff[2].name == "王五")
        #expect(s.requests == [Request(person: 2, day: 7, kind: .dayOff, weight: RuleSet.Weights().requestDefault)])
        #expect(s.rules.weights == RuleSet.Weights())
        #expect(s.rules.minRestHours == RuleSet().minRestHours)
        #expect(s.rules.forbiddenSuccessions == [.init(first: 1, then: 0)])
    }

    @Test func byteOrderMarkIsAccepted() throws {
        let plain = try readFull()
        let withBOM = try ScenarioReader.read(data: Data([0xEF, 0xBB, 0xBF]) + Data(Self.full.utf8), file: "bom.yaml")
        #expect(withBOM.name == plain.name)
        #expect(withBOM.staff == plain.staff)
        #expect(withBOM.shifts == plain.shifts)
        #expect(withBOM.demand == plain.demand)
        #expect(withBOM.requests == plain.requests)
    }

    @Test func byteOrderMarkDoesNotShiftLineNumbers() throws {
        let text = try YAMLFixtures.minimal(replacing: "group: 售前, contract", with: "group: 售前, contrat")
        let line = try YAMLFixtures.line(of: "contrat:", in: text)
        let error = YAMLFixtures.inputError(Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8))
        #expect(error?.line == line)
        #expect(error?.message.contains("unknown field 'contrat'") == true)
    }

    @Test(arguments: [("2027-02", 28), ("2028-02", 29), ("2027-04", 30), ("2027-12", 31)])
    func monthShorthandCoversTheWholeMonth(month: String, days: Int) throws {
        let text = try YAMLFixtures.minimal(replacing: "period: 2027-03", with: "period: \(month)")
            .replacingOccurrences(of: "2027-03-08", with: "\(month)-08")
        let s = try ScenarioReader.read(data: Data(text.utf8), file: "month.yaml")
        #expect(s.period.start == (try date("\(month)-01")))
        #expect(s.dayCount == days)
        #expect(s.period.end.month == s.period.start.month)
    }

    @Test func periodAsStartAndEndAcrossAMonthBoundary() throws {
        let text = try YAMLFixtures.minimal(replacing: "period: 2027-03", with: "period: {start: 2027-02-25, end: 2027-03-10}")
        let s = try ScenarioReader.read(data: Data(text.utf8), file: "range.yaml")
        #expect(s.period.start == (try date("2027-02-25")))
        #expect(s.period.end == (try date("2027-03-10")))
        #expect(s.dayCount == 14)
        #expect(s.requests.first?.day == 11)   // 2027-03-08
    }

    @Test func readPathGivesTheSameScenarioAsReadData() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("paiban-io-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("排班 三月.yaml").path
        try Data(Self.full.utf8).write(to: URL(fileURLWithPath: path))
        let fromFile = try ScenarioReader.read(path: path)
        let fromData = try readFull()
        #expect(fromFile.staff == fromData.staff)
        #expect(fromFile.demand == fromData.demand)
        #expect(fromFile.rules == fromData.rules)
    }

    /// The shipped examples are valid scenarios.
    @Test(arguments: ["callcenter", "hotline-12h"])
    func examplesParse(example: String) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let path = root.appendingPathComponent("Examples/\(example)/scenario.yaml").path
        let s = try ScenarioReader.read(path: path)
        #expect(s.period.start == (try date("2027-03-01")))
        #expect(s.dayCount == 31)
        #expect(!s.staff.isEmpty)
        #expect(Set(s.staff.map(\.id)).count == s.staff.count)
        if example == "callcenter" {
            #expect(s.staff.count == 24)
            #expect(s.shifts.map(\.code) == ["M", "D", "E", "N"])
            #expect(s.shifts[3].crossesMidnight)
            #expect(s.staff[11].history == [1, 1, 1, 1, 1])
        }
    }
}
