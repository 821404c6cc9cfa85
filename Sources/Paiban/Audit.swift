/// The result of running every rule's check over one roster.
public struct AuditReport: Sendable {
    public var findings: [Finding]

    public var hardFindings: [Finding] { findings.filter { $0.severity == .hard } }

    /// Penalty per soft rule id: comparable one to one with the solver's objective terms.
    public var penalties: [String: Double] {
        var totals: [String: Double] = [:]
        for f in findings where f.severity == .soft { totals[f.rule, default: 0] += f.penalty }
        return totals
    }

    public var totalPenalty: Double { findings.reduce(0) { $0 + $1.penalty } }
}

public enum Audit {
    public static func run(_ roster: Roster, in scenario: Scenario) -> AuditReport {
        AuditReport(findings: scenario.ruleBook.flatMap { $0.audit(roster, in: scenario) })
    }
}

import Foundation
