import Foundation
import Paiban

/// Reads a scenario YAML file (see Examples/ and the README for the format) into a validated Scenario.
/// Every problem is an InputError naming the file and line; nothing invalid reaches the solver.
public enum ScenarioReader {
    public static func read(path: String) throws -> Scenario {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: path, message: "cannot read the file (does it exist?)")
        }
        return try read(data: data, file: path)
    }

    public static func read(data: Data, file: String) throws -> Scenario {
        let root = try YAMLNode.parse(data, file: file)
        let top = try root.fields(allowed: ["name", "period", "slot_minutes", "groups", "shifts", "contracts",
                                            "staff", "demand", "shift_cover", "rules", "weights", "calendar"])
        var context = Context(file: file)
        context.period = try readPeriod(try top.required("period"))
        let declaredSlot = try top["slot_minutes"]?.int() ?? 60
        guard [15, 30, 60].contains(declaredSlot) else { throw top["slot_minutes"]!.error("must be 15, 30 or 60") }
        context.groups = try (top["groups"]?.list() ?? []).map { try $0.string() }
        context.shifts = try readShifts(try top.required("shifts"), groups: context.groups)
        let slot = try refinedSlot(declaredSlot, shifts: context.shifts, node: top.required("shifts"))
        context.declaredSlotMinutes = declaredSlot
        context.contracts = try readContracts(top["contracts"], context: context)
        var rules = try readRules(top["rules"], context: context)
        if let weights = top["weights"] { rules.weights = try readWeights(weights) }
        context.defaultRequestWeight = rules.weights.requestDefault
        let (staff, requests) = try readStaff(try top.required("staff"), context: context)
        // A scenario asks for headcount per time slot (`demand`), per shift and day (`shift_cover`), or both.
        guard top["demand"] != nil || top["shift_cover"] != nil else { throw top.owner.error("missing field 'demand' (headcount per time slot) or 'shift_cover' (per shift and day)") }
        var demand = try readDemand(top["demand"], slotMinutes: slot, context: context)
        demand.shiftCover = try readShiftCover(top["shift_cover"], weights: rules.weights, context: context)
        // `calendar: holidays.yaml` names a calendar file beside the scenario that extends or replaces
        // China's national calendar (see HolidayCalendarReader for its format).
        var calendar: HolidayCalendar?
        if let node = top["calendar"], try node.string() == "none" {
            calendar = HolidayCalendar()   // no statutory holidays: a benchmark, or a country Paiban has no calendar for
        } else if let node = top["calendar"] {
            let name = try node.string()
            let path = name.hasPrefix("/") ? name : ((file as NSString).deletingLastPathComponent as NSString).appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: path) else { throw node.error("the calendar file '\(name)' does not exist (looked for \(path))") }
            calendar = try HolidayCalendarReader.calendar(path: path, years: context.period.start.year...context.period.end.year)
        }
        return Scenario(name: try top["name"]?.string() ?? "", period: context.period, shifts: context.shifts,
                        staff: staff, requests: requests, demand: demand, rules: rules, calendar: calendar)
    }

    /// What later sections need to know of earlier ones.
    struct Context {
        let file: String
        var period = Period(start: CivilDate(dayNumber: 0), end: CivilDate(dayNumber: 0))
        var groups: [String] = []
        var shifts: [ShiftType] = []
        var contracts: [String: (Contract, YAMLNode)] = [:]
        var defaultRequestWeight = 5.0
        var declaredSlotMinutes = 60

        func shift(_ node: YAMLNode) throws -> Int { try shift(try node.string(), at: node) }

        func shift(_ code: String, at node: YAMLNode) throws -> Int {
            guard let s = shifts.firstIndex(where: { $0.code == code }) else {
                throw node.error("unknown shift code '\(code)'; the scenario defines \(shifts.map(\.code).joined(separator: ", "))")
            }
            return s
        }

        func group(_ node: YAMLNode) throws -> String {
            let name = try node.string()
            guard groups.contains(name) else {
                throw node.error("unknown group '\(name)'; declare it under 'groups' (\(groups.joined(separator: ", ")))")
            }
            return name
        }

        func dayInPeriod(_ node: YAMLNode) throws -> Int {
            let date = try node.date()
            guard let d = period.offset(of: date) else { throw node.error("\(date.iso) is outside the period \(period.start.iso) to \(period.end.iso)") }
            return d
        }
    }

    /// `period: 2027-03` for a calendar month, or `period: {start: 2027-03-01, end: 2027-03-31}`.
    static func readPeriod(_ node: YAMLNode) throws -> Period {
        if node.node.scalar != nil {
            let text = try node.string()
            guard let first = CivilDate(iso: text + "-01") else { throw node.error("'\(text)' is not a month (YYYY-MM) nor a mapping with start and end") }
            return Period(start: first, end: first.adding(days: CivilDate.daysIn(month: first.month, year: first.year) - 1))
        }
        let fields = try node.fields(allowed: ["start", "end"])
        let start = try fields.required("start").date(), end = try fields.required("end").date()
        guard end >= start else { throw try fields.required("end").error("the period ends before it starts") }
        guard end.dayNumber - start.dayNumber < 400 else { throw try fields.required("end").error("a period longer than 400 days is not supported") }
        return Period(start: start, end: end)
    }

    static func readShifts(_ node: YAMLNode, groups: [String]) throws -> [ShiftType] {
        var shifts: [ShiftType] = []
        let items = try node.list()
        guard !items.isEmpty else { throw node.error("at least one shift type is needed") }
        for item in items {
            let f = try item.fields(allowed: ["code", "name", "start", "end", "paid_hours", "paid_minutes", "groups", "night", "meal"])
            let codeNode = try f.required("code")
            let code = try codeNode.string()
            guard !code.isEmpty, !["OFF", "LEAVE", "休", "假"].contains(code.uppercased()) else {
                throw codeNode.error("'\(code)' is reserved for days without a shift")
            }
            guard !shifts.contains(where: { $0.code == code }) else { throw codeNode.error("shift code '\(code)' is defined twice") }
            let start = try f.required("start").time(), end = try f.required("end").time()
            guard start < 1440 else { throw try f.required("start").error("a shift starts before 24:00") }
            var paid: Int?
            if let minutes = f["paid_minutes"] { paid = try minutes.int(in: 0...1440) }
            if let hours = f["paid_hours"] { paid = Int((try hours.double(in: 0...24) * 60).rounded()) }
            let shiftGroups = try (f["groups"]?.list() ?? []).map { node -> String in
                let name = try node.string()
                guard groups.contains(name) else { throw node.error("unknown group '\(name)'; declare it under 'groups'") }
                return name
            }
            var night: NightKind?
            if let n = f["night"] {
                guard let kind = NightKind(rawValue: try n.string()) else { throw n.error("night is one of none, small, big") }
                night = kind
            }
            var shift = ShiftType(code: code, name: try f["name"]?.string() ?? code, start: start, end: end,
                                  paidMinutes: paid, groups: shiftGroups, nightOverride: night)
            if let node = f["meal"] {
                let meal = try readMeal(node, shift: shift)
                shift.meal = meal
                // An unpaid break comes off the paid time unless the scenario states the paid time itself.
                if paid == nil, !meal.paid { paid = shift.durationMinutes - meal.length }
            }
            if let paid, paid > shift.durationMinutes { throw (f["paid_hours"] ?? f["paid_minutes"])!.error("paid time is longer than the shift (\(shift.durationMinutes / 60) h)") }
            shift.paidMinutes = paid ?? shift.durationMinutes
            shifts.append(shift)
        }
        return shifts
    }

    /// `meal: {window: "11:45-13:00", length: 30, step: 15, paid: false}`: one round per person, inside the
    /// window and the shift, starting every `step` minutes from the window's start.
    static func readMeal(_ node: YAMLNode, shift: ShiftType) throws -> MealBreak {
        let f = try node.fields(allowed: ["window", "length", "step", "paid"])
        let windowNode = try f.required("window")
        let parts = try windowNode.string().split(separator: "-").map { String($0) }
        guard parts.count == 2, var from = Clock.parse(parts[0]), var to = Clock.parse(parts[1]) else {
            throw windowNode.error("a meal window is written \"11:45-13:00\"")
        }
        // Measured from the shift's own day: a window after midnight on a night shift lies on the next day.
        if from < shift.start { from += 1440 }
        if to <= from { to += 1440 }
        let length = try f.required("length").int(in: 5...240)
        let step = try f["step"]?.int(in: 5...240) ?? length
        guard from >= shift.start, to <= shift.absoluteEnd else {
            throw windowNode.error("the meal window \(parts[0])-\(parts[1]) is not inside shift \(shift.code) (\(Clock.format(shift.start))-\(Clock.format(shift.end)))")
        }
        let meal = MealBreak(windowStart: from, windowEnd: to, length: length, step: step, paid: try f["paid"]?.bool() ?? false)
        guard !meal.rounds.isEmpty else { throw node.error("a \(length)-minute round does not fit in the window \(parts[0])-\(parts[1])") }
        return meal
    }

    /// The demand grid must resolve every meal round: the slot length becomes the greatest common divisor
    /// of the scenario's slot and the rounds' times (an hourly scenario with rounds at 11:45 counts in 15 minutes).
    static func refinedSlot(_ slot: Int, shifts: [ShiftType], node: YAMLNode) throws -> Int {
        var g = slot
        for meal in shifts.compactMap(\.meal) { for v in [meal.length, meal.step, meal.windowStart, meal.windowEnd] { g = greatestCommonDivisor(g, v) } }
        guard [15, 30, 60].contains(g) else {
            throw node.error("meal rounds must fall on a 15-minute grid (their times need \(g)-minute slots)")
        }
        return g
    }

    static func readAwayLimits(_ node: YAMLNode?, context: Context) throws -> [AwayLimit] {
        try (node?.list() ?? []).map { item in
            let f = try item.fields(allowed: ["group", "max", "share", "relief"])
            let group = try context.group(try f.required("group"))
            let relief = try f["relief"]?.bool() ?? false
            switch (f["max"], f["share"]) {
            case (let max?, nil): return AwayLimit(group: group, limit: .count(try max.int(in: 0...10_000)), relief: relief)
            case (nil, let share?): return AwayLimit(group: group, limit: .share(try share.double(in: 0...1)), relief: relief)
            default: throw item.error("an away limit has either 'max' (people) or 'share' (0.5 = at most half)")
            }
        }
    }

    static let ruleFields = ["min_rest_hours", "forbidden_successions", "night_cap_counts", "leave_credit_hours",
                             "holiday_day_rate", "holiday_pay_multiplier", "away_at_once", "handover_shifts"]

    static func readRules(_ node: YAMLNode?, context: Context) throws -> RuleSet {
        var rules = RuleSet()
        guard let node else { return rules }
        let f = try node.fields(allowed: ruleFields)
        if let rest = f["min_rest_hours"] { rules.minRestHours = try rest.string() == "none" ? nil : try rest.double(in: 0...48) }
        for pair in try f["forbidden_successions"]?.list() ?? [] {
            // `[N, M]` or `"N>M"`: N may not be followed by M on the next day.
            let codes = pair.node.sequence != nil ? try pair.list().map { try $0.string() }
                : try pair.string().split(separator: ">").map { $0.trimmingCharacters(in: .whitespaces) }
            guard codes.count == 2 else { throw pair.error("a forbidden succession is two shift codes, e.g. [N, M] or \"N>M\"") }
            rules.forbiddenSuccessions.append(.init(first: try context.shift(codes[0], at: pair), then: try context.shift(codes[1], at: pair)))
        }
        if let kinds = f["night_cap_counts"] {
            rules.nightCapCounts = Set(try kinds.list().map { k in
                guard let kind = NightKind(rawValue: try k.string()), kind != .none else { throw k.error("night kinds are small and big") }
                return kind
            })
        }
        if let rate = f["holiday_day_rate"] {
            do { rules.holidayDayRate = try PayFormula(try rate.string()) } catch let error as PayFormula.ParseError { throw rate.error(error.message) }
        }
        for code in try f["handover_shifts"]?.list() ?? [] { rules.handoverShifts.insert(try context.shift(code)) }
        rules.awayLimits = try readAwayLimits(f["away_at_once"], context: context)
        if let multiplier = f["holiday_pay_multiplier"] { rules.holidayPayMultiplier = try multiplier.double(in: 0...10) }
        if let credit = f["leave_credit_hours"] { rules.leaveCreditMinutes = Int((try credit.double(in: 0...24) * 60).rounded()) }
        return rules
    }

    static func readWeights(_ node: YAMLNode) throws -> RuleSet.Weights {
        var weights = RuleSet.Weights()
        let f = try node.fields(allowed: ["under_cover", "consecutive_soft", "night_fairness", "request"])
        if let w = f["under_cover"] { weights.underCover = try w.double(in: 0...1_000_000) }
        if let w = f["consecutive_soft"] { weights.consecutiveSoft = try w.double(in: 0...1_000_000) }
        if let w = f["night_fairness"] { weights.nightFairness = try w.double(in: 0...1_000_000) }
        if let w = f["request"] { weights.requestDefault = try w.double(in: 0...1_000_000) }
        return weights
    }
}

