import Foundation
import Paiban

/// `summary.json`: the outcome of one solve, for people and for scripts.
public struct Summary: Codable, Sendable {
    public struct Model: Codable, Sendable {
        public var rows: Int
        public var columns: Int
        public var integerColumns: Int
        public var nonzeros: Int
        public init(rows: Int, columns: Int, integerColumns: Int, nonzeros: Int) {
            self.rows = rows; self.columns = columns; self.integerColumns = integerColumns; self.nonzeros = nonzeros
        }
    }

    public struct Item: Codable, Sendable {
        public var rule: String
        public var severity: String
        public var employeeId: String?
        public var dates: [String]
        public var message: String
        public var penalty: Double

        public init(_ finding: Finding, in scenario: Scenario) {
            rule = finding.rule
            severity = finding.severity.rawValue
            employeeId = finding.person.map { scenario.staff[$0].id }
            dates = finding.days.filter { $0 >= 0 }.map { scenario.period.date($0).iso }
            message = finding.message
            penalty = finding.penalty
        }
    }

    public var scenario: String
    public var periodStart: String
    public var periodEnd: String
    /// optimal, feasible or infeasible.
    public var status: String
    public var stoppedBy: String
    public var objective: Double?
    public var bestBound: Double?
    public var gap: Double?
    /// Objective split by soft rule.
    public var penalties: [String: Double]
    public var underCoverPersonHours: Double?
    public var underCoverByGroup: [String: Double]?
    public var findings: [Item]
    /// For an infeasible scenario: the hard rules that cannot all hold.
    public var conflicts: [Item]
    public var buildSeconds: Double
    public var solveSeconds: Double
    public var model: Model

    public init(scenario: String, periodStart: String, periodEnd: String, status: String, stoppedBy: String,
                objective: Double?, bestBound: Double?, gap: Double?, penalties: [String: Double],
                underCoverPersonHours: Double?, underCoverByGroup: [String: Double]?, findings: [Item], conflicts: [Item],
                buildSeconds: Double, solveSeconds: Double, model: Model) {
        self.scenario = scenario; self.periodStart = periodStart; self.periodEnd = periodEnd; self.status = status
        self.stoppedBy = stoppedBy; self.objective = objective; self.bestBound = bestBound; self.gap = gap
        self.penalties = penalties; self.underCoverPersonHours = underCoverPersonHours; self.underCoverByGroup = underCoverByGroup
        self.findings = findings; self.conflicts = conflicts; self.buildSeconds = buildSeconds
        self.solveSeconds = solveSeconds; self.model = model
    }

    public func renderJSON() -> String { ReportJSON.render(self) }
}
