/// Soft: people's wishes (a shift, avoiding a shift, a day off), each at its own weight.
public struct Requests: Rule {
    public let id = "requests"
    public init() {}

    public static func isHonoured(_ request: Request, by assignment: Assignment) -> Bool {
        switch request.kind {
        case .wantShift(let s): return assignment.shift == s
        case .avoidShift(let s): return assignment.shift != s
        case .dayOff: return assignment.shift == nil
        }
    }

    public func audit(_ roster: Roster, in scenario: Scenario) -> [Finding] {
        scenario.requests.compactMap { r in
            guard !Self.isHonoured(r, by: roster[r.person, r.day]) else { return nil }
            var arguments: [String: Text.Argument] = ["person": .verbatim(scenario.personName(r.person)), "date": .date(scenario.period.date(r.day))]
            let key: Words.Key
            switch r.kind {
            case .wantShift(let s): key = .requestedShift; arguments["shift"] = .verbatim(scenario.shifts[s].code)
            case .avoidShift(let s): key = .requestedNotShift; arguments["shift"] = .verbatim(scenario.shifts[s].code)
            case .dayOff: key = .requestedDayOff
            }
            return Finding(rule: id, severity: .soft, person: r.person, days: [r.day], text: Text(key, arguments), penalty: r.weight)
        }
    }
}

import Foundation
