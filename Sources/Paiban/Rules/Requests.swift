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
            let what: String
            switch r.kind {
            case .wantShift(let s): what = "asked for \(scenario.shifts[s].code)"
            case .avoidShift(let s): what = "asked not to work \(scenario.shifts[s].code)"
            case .dayOff: what = "asked for the day off"
            }
            return Finding(rule: id, severity: .soft, person: r.person, days: [r.day],
                           message: "\(scenario.personName(r.person)) \(what) on \(scenario.period.date(r.day).short)", penalty: r.weight)
        }
    }
}

import Foundation
