import Foundation
import Paiban

extension ScenarioReader {
    static let contractFields = ["rest_days_per_month", "hours_target", "hours_tolerance", "consecutive_soft",
                                 "consecutive_hard", "night_eligible", "max_nights", "big_small_weeks", "base_pay", "performance_pay",
                                 "consecutive_min", "days_off_min", "max_weekends", "max_shifts", "period_minutes_min", "period_minutes_max"]

    /// `contracts:` maps a name to contract fields; staff refer to it by name and may override fields.
    static func readContracts(_ node: YAMLNode?, context: Context) throws -> [String: (Contract, YAMLNode)] {
        var contracts: [String: (Contract, YAMLNode)] = [:]
        for (name, value) in try node?.pairs() ?? [] {
            contracts[name] = (try applyContract(try value.fields(allowed: contractFields), to: Contract(), context: context), value)
        }
        return contracts
    }

    static func applyContract(_ f: Fields, to base: Contract, context: Context) throws -> Contract {
        var c = base
        if let v = f["rest_days_per_month"] { c.restDaysPerMonth = try v.int(in: 0...31) }
        if let v = f["hours_target"] { c.hoursTarget = try v.double(in: 0...744) }
        if let v = f["hours_tolerance"] { c.hoursTolerance = try v.double(in: 0...744) }
        if let v = f["consecutive_soft"] { c.consecutiveSoft = try v.int(in: 0...400) }
        if let v = f["consecutive_hard"] { c.consecutiveHard = try v.int(in: 0...400) }
        if let v = f["night_eligible"] { c.nightEligible = try v.bool() }
        if let v = f["max_nights"] { c.maxNights = try v.int(in: 0...400) }
        if let v = f["big_small_weeks"] { c.bigSmallWeeks = try v.bool() }
        if let v = f["base_pay"] { c.basePay = try v.double(in: 0...10_000_000) }
        if let v = f["performance_pay"] { c.performancePay = try v.double(in: 0...10_000_000) }
        if let v = f["consecutive_min"] { c.minConsecutiveWork = try v.int(in: 1...400) }
        if let v = f["days_off_min"] { c.minConsecutiveOff = try v.int(in: 1...400) }
        if let v = f["max_weekends"] { c.maxWeekends = try v.int(in: 0...60) }
        if let v = f["period_minutes_min"] { c.periodMinutesMin = try v.int(in: 0...1_000_000) }
        if let v = f["period_minutes_max"] { c.periodMinutesMax = try v.int(in: 0...1_000_000) }
        // `max_shifts: {N: 8, E: 0}`: the most shifts of each type over the period.
        for (code, n) in try f["max_shifts"]?.pairs() ?? [] {
            c.maxShifts[try context.shift(code, at: n)] = try n.int(in: 0...400)
        }
        if let low = c.periodMinutesMin, let high = c.periodMinutesMax, low > high {
            throw (f["period_minutes_max"] ?? f.owner).error("period_minutes_min (\(low)) is above period_minutes_max (\(high))")
        }
        guard c.consecutiveHard >= 1 else { throw (f["consecutive_hard"] ?? f.owner).error("the hard limit on consecutive days must be at least 1") }
        guard c.consecutiveSoft <= c.consecutiveHard else {
            throw (f["consecutive_soft"] ?? f.owner).error("the soft limit on consecutive days (\(c.consecutiveSoft)) is above the hard limit (\(c.consecutiveHard))")
        }
        return c
    }

    static func readStaff(_ node: YAMLNode, context: Context) throws -> ([Staff], [Request]) {
        var staff: [Staff] = []
        var requests: [Request] = []
        var seen: [String: Int] = [:]
        let items = try node.list()
        guard !items.isEmpty else { throw node.error("the team is empty") }
        for item in items {
            let f = try item.fields(allowed: ["id", "name", "group", "skills", "contract", "start_date", "days_off",
                                              "unavailable_weekdays", "available", "leave", "history", "requests"] + contractFields)
            let idNode = try f.required("id")
            let id = try idNode.string()
            if let line = seen[id] { throw idNode.error("staff id '\(id)' is used twice (first on line \(line))") }
            seen[id] = idNode.line ?? 0
            var contract = Contract()
            if let c = f["contract"] {
                if c.node.mapping != nil {
                    contract = try applyContract(try c.fields(allowed: contractFields), to: contract, context: context)
                } else {
                    let name = try c.string()
                    guard let known = context.contracts[name] else {
                        throw c.error("unknown contract '\(name)'; defined: \(context.contracts.keys.sorted().joined(separator: ", "))")
                    }
                    contract = known.0
                }
            }
            // Contract fields written on the person override the named contract.
            contract = try applyContract(Fields(owner: item, entries: f.entries.filter { contractFields.contains($0.key) }), to: contract, context: context)
            var person = Staff(id: id, name: try f["name"]?.string() ?? id, group: try context.group(try f.required("group")),
                               skills: try (f["skills"]?.list() ?? []).map(context.group), contract: contract)
            person.startDate = try f["start_date"]?.date()
            person.daysOff = Set(try (f["days_off"]?.list() ?? []).map { try $0.date() })
            person.unavailableWeekdays = Set(try (f["unavailable_weekdays"]?.list() ?? []).map { try $0.weekday() })
            person.timeWindows = try (f["available"]?.list() ?? []).map(readWindow)
            person.leave = try readLeave(f["leave"])
            person.history = try (f["history"]?.list() ?? []).map { h -> Int? in
                let code = try h.string()
                return ["OFF", "LEAVE", "休", "假", ""].contains(code.uppercased()) ? nil : try context.shift(h)
            }
            for r in try f["requests"]?.list() ?? [] {
                requests.append(try readRequest(r, person: staff.count, context: context))
            }
            staff.append(person)
        }
        return (staff, requests)
    }

    /// `{days: [sat, sun], from: "16:00", to: "22:00"}`; days and times are optional.
    static func readWindow(_ node: YAMLNode) throws -> TimeWindow {
        let f = try node.fields(allowed: ["days", "from", "to"])
        let from = try f["from"]?.time() ?? 0, to = try f["to"]?.time() ?? 1440
        guard from != to else { throw node.error("an availability window needs 'from' before 'to'") }
        return TimeWindow(weekdays: Set(try (f["days"]?.list() ?? []).map { try $0.weekday() }), from: from, to: to)
    }

    /// A list of dates, or of `{from, to, kind}` ranges.
    static func readLeave(_ node: YAMLNode?) throws -> [CivilDate: String] {
        var leave: [CivilDate: String] = [:]
        for item in try node?.list() ?? [] {
            if item.node.scalar != nil { leave[try item.date()] = "annual"; continue }
            let f = try item.fields(allowed: ["from", "to", "kind"])
            let from = try f.required("from").date()
            let to = try f["to"]?.date() ?? from
            guard to >= from, to.dayNumber - from.dayNumber < 400 else { throw item.error("leave ends before it starts") }
            let kind = try f["kind"]?.string() ?? "annual"
            for n in from.dayNumber...to.dayNumber { leave[CivilDate(dayNumber: n)] = kind }
        }
        return leave
    }

    /// `{date, shift: M}` wants M, `{date, avoid: N}` avoids N, `{date, off: true}` wants the day off.
    static func readRequest(_ node: YAMLNode, person: Int, context: Context) throws -> Request {
        let f = try node.fields(allowed: ["date", "shift", "avoid", "off", "weight"])
        let day = try context.dayInPeriod(try f.required("date"))
        let weight = try f["weight"]?.double(in: 0...1_000_000) ?? context.defaultRequestWeight
        let kinds = [f["shift"], f["avoid"], f["off"]].compactMap { $0 }
        guard kinds.count == 1 else { throw node.error("a request has exactly one of 'shift', 'avoid' or 'off'") }
        let kind: Request.Kind
        if let s = f["shift"] { kind = .wantShift(try context.shift(s)) }
        else if let s = f["avoid"] { kind = .avoidShift(try context.shift(s)) }
        else {
            guard try f["off"]!.bool() else { throw f["off"]!.error("'off: false' asks for nothing; leave the request out") }
            kind = .dayOff
        }
        return Request(person: person, day: day, kind: kind, weight: weight)
    }
}
