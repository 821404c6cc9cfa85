import Paiban
@testable import PaibanSolver
import Testing

/// Every message comes from one words table, in Chinese and English. The English sentences are the
/// ones Paiban has always printed (scripts and tests compare them); the Chinese ones are checked here
/// as a supervisor would read them.
@Suite("words")
struct WordsTests {
    // MARK: The table

    @Test(arguments: Words.Key.allCases)
    func everyEntryHasBothLanguagesWithTheSamePlaceholders(_ key: Words.Key) {
        let entry = Words.entry(key)
        #expect(!entry.zh.isEmpty && !entry.en.isEmpty)
        #expect(Set(Words.placeholders(in: entry.zh)) == Set(Words.placeholders(in: entry.en)), "\(entry)")
        #expect(Words.placeholders(in: entry.zh).count == Set(Words.placeholders(in: entry.zh)).count, "a placeholder used twice: \(entry.zh)")
        let chineseInEnglish = entry.en.contains(where: \.isCJK), chineseInChinese = entry.zh.contains(where: \.isCJK)
        #expect(!chineseInEnglish, "Chinese in the English template: \(entry.en)")
        #expect(chineseInChinese || key == .verbatim, "no Chinese in the Chinese template: \(entry.zh)")
    }

    @Test func placeholdersAreReadInOrder() {
        #expect(Words.placeholders(in: "{person} works {count} days, {days}") == ["person", "count", "days"])
        #expect(Words.placeholders(in: "no placeholder") == [])
    }

    @Test func everyRuleOfTheRuleBookHasANameInBothLanguages() {
        let scenario = WordsFixtures.cover().0
        for rule in scenario.ruleBook { #expect(Words.ruleNames[rule.id] != nil, "\(rule.id) has no name") }
        let chinese = ["availability": "可用性", "night-eligibility": "夜班资格", "under-cover": "人手不足",
                       "consecutive-days": "连续上班", "rest-days": "月休天数", "monthly-hours": "月工时",
                       "minimum-rest": "班间休息", "forbidden-succession": "禁止的班次衔接", "night-cap": "夜班上限",
                       "night-fairness": "夜班均衡", "requests": "个人意愿"]
        for (id, name) in chinese { #expect(Words.ruleName(id, in: .zh) == name) }
        #expect(Words.ruleName("some-new-rule", in: .zh) == "some-new-rule")
    }

    @Test func vocabulary() {
        #expect(Words.severity(.hard, in: .zh) == "硬性")
        #expect(Words.severity(.soft, in: .zh) == "软性")
        #expect(Words.severity(.hard, in: .en) == "hard")
        #expect(Words.weekday(6, in: .en) == "sat")
        #expect(Words.weekday(7, in: .zh) == "周日")
        #expect(Words.leaveKind("sick", in: .zh) == "病假")
        #expect(Words.leaveKind("sick", in: .en) == "sick")
        #expect(Words.leaveKind("探亲假", in: .zh) == "探亲假")
        #expect(Words.month(year: 2025, month: 3, in: .en) == "2025-03")
        #expect(Words.month(year: 2025, month: 12, in: .zh) == "12月")
        #expect(Words.list(["chat", "email"], in: .zh) == "chat、email")
    }

    @Test func datesAndRunsOfDays() {
        let (mar3, mar10, feb28) = (day(2025, 3, 3), day(2025, 3, 10), day(2025, 2, 28))
        #expect(Words.date(mar3, in: .en) == "3 Mar")
        #expect(Words.date(mar3, in: .zh) == "3月3日")
        #expect(Words.days(mar3, mar3, in: .zh) == "3月3日")
        #expect(Words.days(mar3, mar10, in: .en) == "3-10 Mar")
        #expect(Words.days(mar3, mar10, in: .zh) == "3月3日-10日")
        #expect(Words.days(feb28, mar3, in: .en) == "28 Feb-3 Mar")
        #expect(Words.days(feb28, mar3, in: .zh) == "2月28日-3月3日")
        let scenario = WordsFixtures.cover().0
        #expect(scenario.describeDays(0, 4) == "3-7 Mar")
        #expect(scenario.describeDays(0, 4, in: .zh) == "3月3日-7日")
    }

    // MARK: Findings of real audits

    @Test func availabilityAndNightEligibility() {
        expect(WordsFixtures.availability(), en: [
            "王芳 works D on 3 Mar but has not joined yet (starts 5 Mar)",
            "王芳 works D on 8 Mar but is on approved annual leave",
            "张伟 works D on 4 Mar but has asked for this day off as unavailable",
            "张伟 is on leave on 5 Mar without approved leave",
            "张伟 works D on 8 Mar but cannot work on sat",
            "李娜 works D on 3 Mar but is available only 06:00-08:00, 16:00-22:00 that day",
            "李娜 works D on 4 Mar but is not available on tue",
            "刘洋 works X on 3 Mar but is not in a group that shift X serves (chat, email)",
            "刘洋 works night shift N on 4 Mar but is not eligible for nights",
        ], zh: [
            "王芳 3月3日上D班，但尚未入职（入职日期为3月5日）",
            "王芳 3月8日上D班，但正在休已批准的年假",
            "张伟 3月4日上D班，但已申请当天不可排班",
            "张伟 3月5日排了休假，但没有已批准的假期",
            "张伟 3月8日上D班，但周六不能上班",
            "李娜 3月3日上D班，但当天只能在06:00-08:00、16:00-22:00上班",
            "李娜 3月4日上D班，但周二没有可上班的时段",
            "刘洋 3月3日上X班，但不属于X班服务的组（chat、email）",
            "刘洋 3月4日上N班（夜班），但不具备夜班资格",
        ])
    }

    @Test func consecutiveDaysAcrossTheHistoryAndAMonthEnd() {
        expect(WordsFixtures.consecutive(), en: [
            "王芳 works 10 days in a row, 24 Feb-3 Mar (with 2 days before the period); the hard limit is 7",
            "王芳 works 10 days in a row, 24 Feb-3 Mar (with 2 days before the period); more than 5 only in special cases",
            "张伟 works 6 days in a row, 27 Feb-4 Mar; more than 5 only in special cases",
        ], zh: [
            "王芳连续上班10天（2月24日-3月3日，含排班周期前的2天），硬性上限为7天",
            "王芳连续上班10天（2月24日-3月3日，含排班周期前的2天），超过5天仅限特殊情况",
            "张伟连续上班6天（2月27日-3月4日），超过5天仅限特殊情况",
        ])
    }

    @Test func cover() {
        expect(WordsFixtures.cover(), en: [
            "3 Mar 09:00-12:00 cover is short by up to 1 (needs 2, has 1 at 09:00; 1 could be on duty then)",
            "4 Mar 09:00-17:00 chat cover is short by up to 1 (needs 1, has 0 at 09:00; 0 could be on duty then)",
        ], zh: [
            "3月3日 09:00-12:00人手不足，最多缺1人（09:00需要2人，实有1人，当时可上班的共1人）",
            "3月4日 09:00-17:00 chat人手不足，最多缺1人（09:00需要1人，实有0人，当时可上班的共0人）",
        ])
    }

    @Test func monthlyRulesAndNights() {
        expect(WordsFixtures.monthly(), en: [
            "王芳 has 0 rest days in 2025-03; at least 3 are required",
            "王芳 has 112 h in 2025-03; the allowed band is 71.5-87.5 h",
            "张伟 works 3 nights in 2025-03; the cap is 2",
            "nights range from 0 (王芳) to 3 (张伟); 3 spread units",
        ], zh: [
            "王芳 3月的休息日只有0天，至少需要3天",
            "王芳 3月的工时为112小时，允许范围为71.5-87.5小时",
            "张伟 3月上了3个夜班，上限为2个",
            "夜班分配不均：最少0个（王芳），最多3个（张伟），计3个不均衡单位",
        ])
    }

    @Test func requests() {
        expect(WordsFixtures.requests(), en: [
            "王芳 asked for N on 3 Mar",
            "王芳 asked not to work D on 4 Mar",
            "王芳 asked for the day off on 5 Mar",
        ], zh: [
            "王芳希望3月3日上N班，未能安排",
            "王芳希望3月4日不上D班，未能满足",
            "王芳希望3月5日休息，未能安排",
        ])
    }

    @Test func successions() {
        expect(WordsFixtures.successions(), en: [
            "张伟 works L on the day before the period then E on 3 Mar: only 8 h rest, at least 11 h required",
            "张伟 works L on 4 Mar then N on 5 Mar: this succession is forbidden",
        ], zh: [
            "张伟 排班周期前一天上L班、3月3日上E班：中间只休息8小时，至少需要11小时",
            "张伟 3月4日上L班、3月5日上N班：按规定不得这样衔接",
        ])
    }

    @Test func bigAndSmallWeeks() {
        expect(WordsFixtures.bigSmallWeeks(), en: [
            "王芳 has 0 rest days in the week 3-9 Mar; big/small weeks have 1 or 2",
            "王芳 has 2 rest days in the week 17-23 Mar as in the week before; big and small weeks alternate",
        ], zh: [
            "王芳 3月3日-9日这一周休息0天，大小周每周应休1或2天",
            "王芳 3月17日-23日这一周休息2天，与上一周相同；大小周须交替",
        ])
    }

    @Test func holidayWork() {
        expect(WordsFixtures.holiday(), en: ["张伟 works D on 4 Apr (Qingming Festival): paid 3x, premium 600.00"],
               zh: ["张伟 4月4日（清明节）上D班：按3倍工资计发，应付600.00"])
    }

    /// The integer program's hard rows name what they ask for; the solver turns the ones that had to
    /// give into findings when a scenario is infeasible.
    @Test func rowOrigins() {
        func origins(_ fixture: (Scenario, Roster)) -> [RowOrigin] { RosterModel(fixture.0).linear.rows.compactMap(\.origin) }
        let monthly = origins(WordsFixtures.monthly())
        #expect(monthly.map(\.message) == ["王芳: at least 3 rest days in 2025-03", "王芳: 71.5-87.5 paid hours in 2025-03",
                                           "张伟: at most 2 nights in 2025-03"])
        #expect(monthly.map { $0.text.rendered(in: .zh) } == ["王芳：3月至少休息3天", "王芳：3月的计薪工时须在71.5-87.5小时之间",
                                                             "张伟：3月最多上2个夜班"])
        let run = origins(WordsFixtures.consecutive()).first { $0.rule == "consecutive-days" }
        #expect(run?.message == "王芳: at most 7 days in a row up to 1 Mar")
        #expect(run?.text.rendered(in: .zh) == "王芳：截至3月1日最多连续上班7天")
        let rest = origins(WordsFixtures.successions()).filter { $0.rule == "minimum-rest" }
        #expect(rest.first?.message == "张伟: no E on 3 Mar after L")
        #expect(rest.first?.text.rendered(in: .zh) == "张伟：上完L班后，3月3日不能上E班")
        #expect(rest.last?.message == "张伟: no E/L on 9 Mar after N")
        #expect(rest.last?.text.rendered(in: .zh) == "张伟：上完N班后，3月9日不能上E/L班")
        let week = origins(WordsFixtures.bigSmallWeeks()).last
        #expect(week?.message == "王芳: 1 or 2 rest days in the week of 17 Mar, alternating")
        #expect(week?.text.rendered(in: .zh) == "王芳：3月17日起的这一周休息1或2天，大小周交替")
    }

    /// Every argument a finding carries fills a placeholder and every placeholder gets one, in every
    /// nested clause, so no sentence can show a raw "{name}".
    @Test func everyFindingFillsItsTemplatesExactly() {
        for fixture in WordsFixtures.all {
            let texts = Audit.run(fixture.1, in: fixture.0).findings.map(\.text)
                + RosterModel(fixture.0).linear.rows.compactMap { $0.origin?.text }
            #expect(!texts.isEmpty)
            for text in texts { expectFilled(text) }
        }
    }

    @Test func sentencesFromOutsideTheTableReadTheSameInBothLanguages() {
        let finding = Finding(rule: "custom", severity: .soft, person: nil, days: [], message: "a note {not a placeholder}")
        #expect(finding.message == "a note {not a placeholder}")
        #expect(finding.message(in: .zh) == finding.message)
        let origin = RowOrigin(rule: "custom", person: 0, days: [0], message: "王芳: something")
        #expect(origin.text.rendered(in: .zh) == "王芳: something")
    }

    /// An infeasible scenario: the solver's explanation reads in Chinese too.
    @Test func solverExplanationInChinese() throws {
        var b = ScenarioBuilder(start: day(2025, 2, 3), days: 14)
        b.person("王芳") {
            $0.contract.hoursTarget = 160
            $0.contract.hoursTolerance = 0
            $0.unavailableWeekdays = [1, 2, 3, 4, 5]
        }
        let result = try solve(b.build())
        #expect(result.status == .infeasible)
        let hours = try #require(result.explanation.first { $0.rule == "monthly-hours" })
        #expect(hours.message(in: .zh).hasPrefix("王芳"), "\(hours.message(in: .zh))")
        #expect(hours.message(in: .zh).contains("2月"), "\(hours.message(in: .zh))")
        #expect(hours.message(in: .en) == hours.message)
    }

    // MARK: Helpers

    func expect(_ fixture: (Scenario, Roster), en: [String], zh: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        let findings = Audit.run(fixture.1, in: fixture.0).findings
        #expect(findings.map(\.message) == en, sourceLocation: sourceLocation)
        #expect(findings.map { $0.message(in: .en) } == en, sourceLocation: sourceLocation)
        #expect(findings.map { $0.message(in: .zh) } == zh, sourceLocation: sourceLocation)
    }

    func expectFilled(_ text: Text, sourceLocation: SourceLocation = #_sourceLocation) {
        let entry = Words.entry(text.key)
        for template in [entry.zh, entry.en] {
            #expect(Set(Words.placeholders(in: template)) == Set(text.arguments.keys), "\(text.key): \(text.arguments.keys.sorted())",
                    sourceLocation: sourceLocation)
        }
        for case .text(let clause) in text.arguments.values { expectFilled(clause, sourceLocation: sourceLocation) }
        #expect(!text.rendered(in: .zh).contains("{"), sourceLocation: sourceLocation)
    }
}

private extension Character {
    var isCJK: Bool { unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) || (0x3000...0x303F).contains($0.value) || (0xFF00...0xFFEF).contains($0.value) } }
}

/// Tiny scenarios whose audits produce every kind of finding, shared by the tests below.
enum WordsFixtures {
    /// Mon 3 - Sun 9 Mar 2025. Shifts D 09-17, N 22-06, X 09-17 for the chat and email groups.
    static func availability() -> (Scenario, Roster) {
        var b = ScenarioBuilder()
        b.shifts = [Shifts.day, Shifts.night, ShiftType(code: "X", name: "Chat", start: 9 * 60, end: 17 * 60, groups: ["chat", "email"])]
        b.person("王芳") {
            $0.startDate = day(2025, 3, 5)
            $0.leave[day(2025, 3, 8)] = "annual"
        }
        b.person("张伟") {
            $0.daysOff = [day(2025, 3, 4)]
            $0.unavailableWeekdays = [6]
        }
        b.person("李娜") {
            $0.timeWindows = [TimeWindow(weekdays: [1], from: 6 * 60, to: 8 * 60), TimeWindow(weekdays: [1], from: 16 * 60, to: 22 * 60)]
        }
        b.person("刘洋", group: "phone") { $0.contract.nightEligible = false }
        let scenario = b.build()
        return (scenario, scenario.roster(["D....D.", ".D#..D.", "DD.....", "XN....."]))
    }

    /// Mon 24 Feb - Sun 9 Mar 2025: runs across the start of the period and across a month's end.
    static func consecutive() -> (Scenario, Roster) {
        var b = ScenarioBuilder(start: day(2025, 2, 24), days: 14)
        b.person("王芳") { $0.contract.consecutiveSoft = 5; $0.contract.consecutiveHard = 7; $0.history = [0, 0] }
        b.person("张伟") { $0.contract.consecutiveSoft = 5; $0.contract.consecutiveHard = 7 }
        let scenario = b.build()
        return (scenario, scenario.roster(["DDDDDDDD......", "...DDDDDD....."]))
    }

    /// 3-9 Mar 2025; groups "*" and "chat".
    static func cover() -> (Scenario, Roster) {
        var b = ScenarioBuilder()
        b.groups = [Demand.anyGroup, "chat"]
        b.person("王芳")
        b.need(2, from: 9, to: 12, on: [0])
        b.need(1, from: 9, to: 17, on: [1], group: "chat")
        let scenario = b.build()
        return (scenario, scenario.roster(["DD....."]))
    }

    /// 3-16 Mar 2025: rest days, hours band, night cap, fair nights.
    static func monthly() -> (Scenario, Roster) {
        var b = ScenarioBuilder(days: 14)
        b.shifts = [Shifts.day, Shifts.night]
        b.rules.weights.nightFairness = 1
        b.person("王芳") { $0.contract.restDaysPerMonth = 7; $0.contract.hoursTarget = 176; $0.contract.hoursTolerance = 8 }
        b.person("张伟") { $0.contract.maxNights = 2 }
        let scenario = b.build()
        return (scenario, scenario.roster(["DDDDDDDDDDDDDD", "N.N.N........."]))
    }

    /// 3-9 Mar 2025: three requests, none honoured.
    static func requests() -> (Scenario, Roster) {
        var b = ScenarioBuilder()
        b.shifts = [Shifts.day, Shifts.night]
        b.person("王芳")
        b.requests = [Request(person: 0, day: 0, kind: .wantShift(1), weight: 5),
                      Request(person: 0, day: 1, kind: .avoidShift(0), weight: 5),
                      Request(person: 0, day: 2, kind: .dayOff, weight: 5)]
        let scenario = b.build()
        return (scenario, scenario.roster(["DDD...."]))
    }

    /// 3-9 Mar 2025: E, L, N; 11 h rest; L may not be followed by N.
    static func successions() -> (Scenario, Roster) {
        var b = ScenarioBuilder()
        b.shifts = [Shifts.early, Shifts.late, Shifts.night]
        b.rules.minRestHours = 11
        b.rules.forbiddenSuccessions = [.init(first: 1, then: 2)]
        b.person("张伟") { $0.history = [1] }
        let scenario = b.build()
        return (scenario, scenario.roster(["ELN...."]))
    }

    /// Mon 3 - Sun 23 Mar 2025: three full weeks of a supervisor on big and small weeks.
    static func bigSmallWeeks() -> (Scenario, Roster) {
        var b = ScenarioBuilder(days: 21)
        b.person("王芳") { $0.contract.bigSmallWeeks = true }
        let scenario = b.build()
        return (scenario, scenario.roster(["DDDDDDD" + "DDDDD.." + "DDDDD.."]))
    }

    /// Tue 1 - Sun 6 Apr 2025: Qingming (清明节) is Friday 4 April; pay 4,800 a month.
    static func holiday() -> (Scenario, Roster) {
        var b = ScenarioBuilder(start: day(2025, 4, 1), days: 6)
        b.person("张伟") { $0.contract.basePay = 4000; $0.contract.performancePay = 800 }
        let scenario = b.build()
        return (scenario, scenario.roster(["...D.."]))
    }

    static var all: [(Scenario, Roster)] {
        [availability(), consecutive(), cover(), monthly(), requests(), successions(), bigSmallWeeks(), holiday()]
    }
}

