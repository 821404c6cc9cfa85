/// One broken rule: which, how badly, who, when and why, in a sentence a supervisor can act on.
public struct Finding: Hashable, Sendable {
    public enum Severity: String, Sendable, Codable { case hard, soft }

    public var rule: String
    public var severity: Severity
    /// Person index, nil for findings about the team (cover, the spread of nights).
    public var person: Int?
    /// Day offsets in the period (negative for days of the history).
    public var days: [Int]
    /// The sentence, kept as a key of the words table and its arguments until it is read.
    public var text: Text
    /// What the finding costs in the objective; 0 for hard findings.
    public var penalty: Double

    public init(rule: String, severity: Severity, person: Int?, days: [Int], text: Text, penalty: Double = 0) {
        self.rule = rule
        self.severity = severity
        self.person = person
        self.days = days
        self.text = text
        self.penalty = penalty
    }

    /// A finding whose sentence comes from outside the words table: it reads the same in every language.
    public init(rule: String, severity: Severity, person: Int?, days: [Int], message: String, penalty: Double = 0) {
        self.init(rule: rule, severity: severity, person: person, days: days,
                  text: Text(.verbatim, ["text": .verbatim(message)]), penalty: penalty)
    }

    public func message(in language: Language) -> String { text.rendered(in: language) }

    /// The English sentence.
    public var message: String { message(in: .en) }
}

/// A rule of the rulebook. Its audit reads a finished roster and lists what it breaks; its integer
/// program encoding lives in PaibanSolver/Encoding in a file of the same name.
public protocol Rule: Sendable {
    /// Stable id used in findings, summaries and penalty terms, e.g. "consecutive-days".
    var id: String { get }
    func audit(_ roster: Roster, in scenario: Scenario) -> [Finding]
}

extension Scenario {
    /// "3-10 Mar" or "3 Mar": how findings name a run of days.
    public func describeDays(_ first: Int, _ last: Int) -> String { describeDays(first, last, in: .en) }

    /// A run of days in `language`: "3-10 Mar", 3月3日-10日.
    public func describeDays(_ first: Int, _ last: Int, in language: Language) -> String {
        Words.days(period.date(first), period.date(last), in: language)
    }

    public func personName(_ p: Int) -> String { staff[p].name.isEmpty ? staff[p].id : staff[p].name }
}

import Foundation
