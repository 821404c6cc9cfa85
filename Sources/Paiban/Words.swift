/// Every sentence Paiban says about a roster, in Chinese and English: one entry per kind of message,
/// each a pair of templates with the same named placeholders ("{person}", "{date}"), and below them
/// the small vocabularies those placeholders are put into words with (dates, weekdays, months, leave
/// kinds, rule names, severities). A translator reads and edits this file only.
///
/// The English templates reproduce Paiban's messages word for word: tests and scripts compare them.
/// The Chinese ones are written the way an HR officer in a Chinese call centre would write them;
/// a space follows a name where a date or a number comes next ("王芳 3月的休息日只有5天").
public enum Words {
    public enum Key: String, Sendable, CaseIterable {
        // availability: "works D on 3 Mar but <reason>"
        case worksWhileUnavailable, notJoinedYet, onApprovedLeave, askedDayUnavailable, cannotWorkWeekday,
             noWindowOnWeekday, onlyWithinWindows, notInShiftGroup, leaveWithoutApproval
        // night-eligibility
        case nightIneligible
        // under-cover
        case coverShort, groupCoverShort
        // consecutive-days
        case runOverHardLimit, runOverSoftLimit, runWithHistory
        // rest-days, monthly-hours, night-cap, night-fairness
        case tooFewRestDays, hoursOutsideBand, nightsOverCap, nightsSpread
        // minimum-rest and forbidden-succession: "works L on 4 Mar then E on 5 Mar: <reason>"
        case successionBroken, restTooShort, successionForbidden, dayBeforePeriod
        // requests
        case requestedShift, requestedNotShift, requestedDayOff
        // big-small-weeks
        case weekRestDays, weekNotAlternating
        // holiday-work
        case holidayWork, statutoryHoliday
        // lunch-break
        case mealRoundMissing, mealRoundNotAllowed, mealRoundWithoutMeal, tooManyAway, rowMealAway
        // handover
        case handoverMissing, rowHandover
        // min-work-stretch, min-off-stretch, weekends, shift-caps, period-minutes, shift-cover
        case workStretchTooShort, offStretchTooShort, weekendsOverCap, shiftsOverCap, periodMinutesOutside,
             shiftCoverShort, shiftCoverOver
        // The rows of the integer program, named when a scenario is infeasible.
        case rowRunLimit, rowRestDays, rowHoursBand, rowNightCap, rowSuccession, rowBigSmallWeek,
             rowShortWorkStretch, rowShortOffStretch, rowWeekends, rowShiftCap, rowPeriodMinutes
        /// A sentence that comes from outside the table and reads the same in every language.
        case verbatim
    }

    public struct Entry: Hashable, Sendable {
        public let zh: String
        public let en: String

        public func template(in language: Language) -> String {
            switch language {
            case .zh: zh
            case .en: en
            }
        }
    }

    /// The table.
    public static func entry(_ key: Key) -> Entry {
        switch key {
        case .worksWhileUnavailable: Entry(
            zh: "{person} {date}上{shift}班，但{reason}",
            en: "{person} works {shift} on {date} but {reason}")
        case .notJoinedYet: Entry(
            zh: "尚未入职（入职日期为{start}）",
            en: "has not joined yet (starts {start})")
        case .onApprovedLeave: Entry(
            zh: "正在休已批准的{leave}",
            en: "is on approved {leave} leave")
        case .askedDayUnavailable: Entry(
            zh: "已申请当天不可排班",
            en: "has asked for this day off as unavailable")
        case .cannotWorkWeekday: Entry(
            zh: "{weekday}不能上班",
            en: "cannot work on {weekday}")
        case .noWindowOnWeekday: Entry(
            zh: "{weekday}没有可上班的时段",
            en: "is not available on {weekday}")
        case .onlyWithinWindows: Entry(
            zh: "当天只能在{windows}上班",
            en: "is available only {windows} that day")
        case .notInShiftGroup: Entry(
            zh: "不属于{shift}班服务的组（{groups}）",
            en: "is not in a group that shift {shift} serves ({groups})")
        case .leaveWithoutApproval: Entry(
            zh: "{person} {date}排了休假，但没有已批准的假期",
            en: "{person} is on leave on {date} without approved leave")

        case .nightIneligible: Entry(
            zh: "{person} {date}上{shift}班（夜班），但不具备夜班资格",
            en: "{person} works night shift {shift} on {date} but is not eligible for nights")

        case .coverShort: Entry(
            zh: "{date} {from}-{to}人手不足，最多缺{short}人（{at}需要{need}人，实有{has}人，当时可上班的共{could}人）",
            en: "{date} {from}-{to} cover is short by up to {short} (needs {need}, has {has} at {at}; {could} could be on duty then)")
        case .groupCoverShort: Entry(
            zh: "{date} {from}-{to} {group}人手不足，最多缺{short}人（{at}需要{need}人，实有{has}人，当时可上班的共{could}人）",
            en: "{date} {from}-{to} {group} cover is short by up to {short} (needs {need}, has {has} at {at}; {could} could be on duty then)")

        case .runOverHardLimit: Entry(
            zh: "{person}连续上班{count}天（{days}），硬性上限为{limit}天",
            en: "{person} works {count} days in a row, {days}; the hard limit is {limit}")
        case .runOverSoftLimit: Entry(
            zh: "{person}连续上班{count}天（{days}），超过{limit}天仅限特殊情况",
            en: "{person} works {count} days in a row, {days}; more than {limit} only in special cases")
        case .runWithHistory: Entry(
            zh: "{days}，含排班周期前的{before}天",
            en: "{days} (with {before} before the period)")

        case .tooFewRestDays: Entry(
            zh: "{person} {month}的休息日只有{rest}天，至少需要{need}天",
            en: "{person} has {rest} rest days in {month}; at least {need} are required")
        case .hoursOutsideBand: Entry(
            zh: "{person} {month}的工时为{hours}小时，允许范围为{low}-{high}小时",
            en: "{person} has {hours} h in {month}; the allowed band is {low}-{high} h")
        case .nightsOverCap: Entry(
            zh: "{person} {month}上了{count}个夜班，上限为{cap}个",
            en: "{person} works {count} nights in {month}; the cap is {cap}")
        case .nightsSpread: Entry(
            zh: "夜班分配不均：最少{fewest}个（{fewestPerson}），最多{most}个（{mostPerson}），计{units}个不均衡单位",
            en: "nights range from {fewest} ({fewestPerson}) to {most} ({mostPerson}); {units} spread units")

        case .successionBroken: Entry(
            zh: "{person} {firstDay}上{first}班、{secondDay}上{second}班：{reason}",
            en: "{person} works {first} on {firstDay} then {second} on {secondDay}: {reason}")
        case .restTooShort: Entry(
            zh: "中间只休息{rest}小时，至少需要{minimum}小时",
            en: "only {rest} h rest, at least {minimum} h required")
        case .successionForbidden: Entry(
            zh: "按规定不得这样衔接",
            en: "this succession is forbidden")
        case .dayBeforePeriod: Entry(
            zh: "排班周期前一天",
            en: "the day before the period")

        case .requestedShift: Entry(
            zh: "{person}希望{date}上{shift}班，未能安排",
            en: "{person} asked for {shift} on {date}")
        case .requestedNotShift: Entry(
            zh: "{person}希望{date}不上{shift}班，未能满足",
            en: "{person} asked not to work {shift} on {date}")
        case .requestedDayOff: Entry(
            zh: "{person}希望{date}休息，未能安排",
            en: "{person} asked for the day off on {date}")

        case .weekRestDays: Entry(
            zh: "{person} {days}这一周休息{rest}天，大小周每周应休1或2天",
            en: "{person} has {rest} rest days in the week {days}; big/small weeks have 1 or 2")
        case .weekNotAlternating: Entry(
            zh: "{person} {days}这一周休息{rest}天，与上一周相同；大小周须交替",
            en: "{person} has {rest} rest days in the week {days} as in the week before; big and small weeks alternate")

        case .holidayWork: Entry(
            zh: "{person} {date}（{holiday}）上{shift}班：按{multiplier}倍工资计发，应付{premium}",
            en: "{person} works {shift} on {date} ({holiday}): paid {multiplier}x, premium {premium}")
        case .mealRoundMissing: Entry(
            zh: "{person} {date}上{shift}班，没有安排吃饭轮次",
            en: "{person} works {shift} on {date} without a meal round")
        case .mealRoundNotAllowed: Entry(
            zh: "{person} {date}的吃饭轮次从{start}开始，不在{shift}班允许的轮次内（{rounds}）",
            en: "{person}'s meal round on {date} starts at {start}, not one of shift {shift}'s rounds ({rounds})")
        case .mealRoundWithoutMeal: Entry(
            zh: "{person} {date}排了吃饭轮次，但当天没有带用餐的班次",
            en: "{person} has a meal round on {date} but no shift with a meal break")
        case .tooManyAway: Entry(
            zh: "{date} {at} {group}有{away}人同时吃饭，当班{onDuty}人，最多允许{most}人",
            en: "{date} {at}: {away} of {group}'s {onDuty} on duty are at lunch at once; at most {most} may be")
        case .rowMealAway: Entry(
            zh: "{group} {date} {at}同时吃饭的人数上限",
            en: "{group}: how many may be at lunch at once at {at} on {date}")
        case .handoverMissing: Entry(
            zh: "{person} {date}上{shift}班收尾，{next}却休息：交接班无人",
            en: "{person} closes {shift} on {date} but rests on {next}: nobody to hand over")
        case .rowHandover: Entry(
            zh: "{person} {date}上{shift}班后次日须上班交接",
            en: "{person}: after closing {shift} on {date}, works the next day to hand over")
        case .workStretchTooShort: Entry(
            zh: "{person}只连续上班{count}天（{days}），至少应连上{limit}天",
            en: "{person} works only {count} days in a row, {days}; stretches of work are at least {limit}")
        case .offStretchTooShort: Entry(
            zh: "{person}只连续休息{count}天（{days}），至少应连休{limit}天",
            en: "{person} has only {count} days off in a row, {days}; stretches of rest are at least {limit}")
        case .weekendsOverCap: Entry(
            zh: "{person}有{count}个周末上班（{dates}），上限为{cap}个",
            en: "{person} works {count} weekends ({dates}); the cap is {cap}")
        case .shiftsOverCap: Entry(
            zh: "{person}上了{count}个{shift}班，上限为{cap}个",
            en: "{person} works {shift} {count} times; the cap is {cap}")
        case .periodMinutesOutside: Entry(
            zh: "{person}本期工作{minutes}分钟，允许范围为{low}-{high}分钟",
            en: "{person} works {minutes} minutes in the period; the allowed range is {low}-{high}")
        case .shiftCoverShort: Entry(
            zh: "{date} {shift}班需要{need}人，只排了{has}人",
            en: "{date} shift {shift} needs {need}, has {has}")
        case .shiftCoverOver: Entry(
            zh: "{date} {shift}班需要{need}人，排了{has}人，多出的人计罚分",
            en: "{date} shift {shift} needs {need}, has {has}; extra people cost")
        case .rowShortWorkStretch: Entry(
            zh: "{person}：{date}起不得只连续上班{count}天",
            en: "{person}: no stretch of only {count} working days from {date}")
        case .rowShortOffStretch: Entry(
            zh: "{person}：{date}起不得只连续休息{count}天",
            en: "{person}: no stretch of only {count} days off from {date}")
        case .rowWeekends: Entry(
            zh: "{person}：最多{cap}个周末上班",
            en: "{person}: at most {cap} weekends worked")
        case .rowShiftCap: Entry(
            zh: "{person}：最多上{cap}个{shift}班",
            en: "{person}: at most {cap} {shift} shifts")
        case .rowPeriodMinutes: Entry(
            zh: "{person}：本期工作{low}-{high}分钟",
            en: "{person}: {low}-{high} minutes worked in the period")
        case .statutoryHoliday: Entry(
            zh: "法定节假日",
            en: "a statutory holiday")

        case .rowRunLimit: Entry(
            zh: "{person}：截至{date}最多连续上班{limit}天",
            en: "{person}: at most {limit} days in a row up to {date}")
        case .rowRestDays: Entry(
            zh: "{person}：{month}至少休息{need}天",
            en: "{person}: at least {need} rest days in {month}")
        case .rowHoursBand: Entry(
            zh: "{person}：{month}的计薪工时须在{low}-{high}小时之间",
            en: "{person}: {low}-{high} paid hours in {month}")
        case .rowNightCap: Entry(
            zh: "{person}：{month}最多上{cap}个夜班",
            en: "{person}: at most {cap} nights in {month}")
        case .rowSuccession: Entry(
            zh: "{person}：上完{earlier}班后，{date}不能上{later}班",
            en: "{person}: no {later} on {date} after {earlier}")
        case .rowBigSmallWeek: Entry(
            zh: "{person}：{date}起的这一周休息1或2天，大小周交替",
            en: "{person}: 1 or 2 rest days in the week of {date}, alternating")

        case .verbatim: Entry(zh: "{text}", en: "{text}")
        }
    }

    // MARK: - Vocabulary

    /// A rule's name for people, e.g. "consecutive-days" -> 连续上班; an unknown id is returned as is.
    public static func ruleName(_ id: String, in language: Language) -> String {
        ruleNames[id]?.template(in: language) ?? id
    }

    /// Keyed by `Rule.id`.
    public static let ruleNames: [String: Entry] = [
        "availability": Entry(zh: "可用性", en: "availability"),
        "night-eligibility": Entry(zh: "夜班资格", en: "night eligibility"),
        "under-cover": Entry(zh: "人手不足", en: "understaffing"),
        "consecutive-days": Entry(zh: "连续上班", en: "consecutive days"),
        "rest-days": Entry(zh: "月休天数", en: "rest days per month"),
        "monthly-hours": Entry(zh: "月工时", en: "monthly hours"),
        "minimum-rest": Entry(zh: "班间休息", en: "rest between shifts"),
        "forbidden-succession": Entry(zh: "禁止的班次衔接", en: "forbidden succession"),
        "night-cap": Entry(zh: "夜班上限", en: "night cap"),
        "night-fairness": Entry(zh: "夜班均衡", en: "night fairness"),
        "requests": Entry(zh: "个人意愿", en: "requests"),
        "big-small-weeks": Entry(zh: "大小周", en: "big and small weeks"),
        "holiday-work": Entry(zh: "法定节假日上班", en: "holiday work"),
        "lunch-break": Entry(zh: "轮换吃饭", en: "lunch rotation"),
        "handover": Entry(zh: "交接班", en: "handover"),
        "min-work-stretch": Entry(zh: "最少连续上班", en: "shortest work stretch"),
        "min-off-stretch": Entry(zh: "最少连续休息", en: "shortest rest stretch"),
        "weekends": Entry(zh: "周末上班次数", en: "weekends worked"),
        "shift-caps": Entry(zh: "班次数上限", en: "shifts per type"),
        "period-minutes": Entry(zh: "本期工时", en: "minutes in the period"),
        "shift-cover": Entry(zh: "班次人数", en: "shift cover"),
    ]

    public static func severity(_ severity: Finding.Severity, in language: Language) -> String {
        switch (severity, language) {
        case (.hard, .zh): "硬性"
        case (.soft, .zh): "软性"
        case (.hard, .en): "hard"
        case (.soft, .en): "soft"
        }
    }

    /// ISO weekday 1 (Monday) ... 7 (Sunday): "mon" as scenarios write it, 周一 in Chinese.
    public static func weekday(_ weekday: Int, in language: Language) -> String {
        switch language {
        case .zh: ["周一", "周二", "周三", "周四", "周五", "周六", "周日"][weekday - 1]
        case .en: Weekday.names[weekday - 1]
        }
    }

    /// English keeps the kind as the scenario writes it ("annual leave"); Chinese names the usual kinds
    /// and keeps any other as written.
    public static func leaveKind(_ kind: String, in language: Language) -> String {
        switch language {
        case .zh: chineseLeaveKinds[kind.lowercased()] ?? kind
        case .en: kind
        }
    }

    static let chineseLeaveKinds = [
        "annual": "年假", "sick": "病假", "personal": "事假", "marriage": "婚假", "maternity": "产假",
        "paternity": "陪产假", "bereavement": "丧假", "compensatory": "调休", "unpaid": "无薪假",
    ]

    /// "3 Mar", 3月3日.
    public static func date(_ date: CivilDate, in language: Language) -> String {
        switch language {
        case .zh: "\(date.month)月\(date.day)日"
        case .en: date.short
        }
    }

    /// A run of days: "3 Mar", "3-10 Mar", "28 Feb-3 Mar"; 3月3日, 3月3日-10日, 2月28日-3月3日.
    public static func days(_ first: CivilDate, _ last: CivilDate, in language: Language) -> String {
        if first == last { return date(first, in: language) }
        let sameMonth = first.year == last.year && first.month == last.month
        switch language {
        case .zh: return "\(date(first, in: .zh))-" + (sameMonth ? "\(last.day)日" : date(last, in: .zh))
        case .en: return sameMonth ? "\(first.day)-\(last.short)" : "\(first.short)-\(last.short)"
        }
    }

    /// A calendar month of the period: "2025-03"; in Chinese the month alone, as a team says it (3月).
    public static func month(year: Int, month: Int, in language: Language) -> String {
        switch language {
        case .zh: "\(month)月"
        case .en: "\(year)-\(month < 10 ? "0" : "")\(month)"
        }
    }

    public static func list(_ items: [String], in language: Language) -> String {
        items.joined(separator: language == .zh ? "、" : ", ")
    }

    // MARK: - Templates

    /// The placeholder names of a template, in order of appearance.
    public static func placeholders(in template: String) -> [String] {
        var names: [String] = []
        _ = fill(template) { names.append($0); return nil }
        return names
    }

    /// Replaces each `{name}` with `value(name)`, or leaves it as it is when that is nil.
    static func fill(_ template: String, _ value: (String) -> String?) -> String {
        var out = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            out += value(name) ?? "{\(name)}"
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}
