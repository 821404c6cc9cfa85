import Foundation
import Paiban

/// The findings of an audit for people to read (table), for spreadsheets (CSV) and for scripts (JSON).
public struct FindingsReport: Sendable {
    public let findings: [Finding]
    public let scenario: Scenario
    public let language: Language

    public init(_ findings: [Finding], scenario: Scenario, language: Language = .en) {
        self.language = language
        // Hard before soft, then by person and first day: the order HR works through them.
        self.findings = findings.sorted {
            ($0.severity == .hard ? 0 : 1, $0.person ?? -1, $0.days.first ?? -1, $0.rule)
                < ($1.severity == .hard ? 0 : 1, $1.person ?? -1, $1.days.first ?? -1, $1.rule)
        }
        self.scenario = scenario
    }

    public var hardCount: Int { findings.filter { $0.severity == .hard }.count }
    public var softPenalty: Double { findings.reduce(0) { $0 + $1.penalty } }

    private func dates(_ f: Finding) -> String {
        let days = f.days.filter { $0 >= 0 }.sorted()
        guard let first = days.first, let last = days.last else { return "" }
        return first == last ? scenario.period.date(first).iso : "\(scenario.period.date(first).iso)..\(scenario.period.date(last).iso)"
    }

    private func who(_ f: Finding) -> (id: String, name: String) {
        f.person.map { (scenario.staff[$0].id, scenario.staff[$0].name) } ?? ("", "")
    }

    public func renderCSV() -> String {
        var out = CSV.line(["rule", "severity", "employee_id", "employee_name", "dates", "penalty", "message"])
        for f in findings {
            let person = who(f)
            out += CSV.line([f.rule, f.severity.rawValue, person.id, person.name, dates(f), SolveNumbers.format(f.penalty), f.message(in: language)])
        }
        return out
    }

    public func renderTable() -> String {
        if findings.isEmpty { return language == .zh ? "没有违反任何规则。\n" : "No rule is broken.\n" }
        var out = ""
        for f in findings {
            let penalty = f.penalty > 0 ? (language == .zh ? "（罚分\(SolveNumbers.format(f.penalty))）" : " (penalty \(SolveNumbers.format(f.penalty)))") : ""
            let severity = Words.severity(f.severity, in: language)
            out += "\(f.severity == .hard ? severity.uppercased() : severity) [\(f.rule)] \(f.message(in: language))\(penalty)\n"
        }
        out += language == .zh
            ? "合计：硬性违规\(hardCount)项，软性\(findings.count - hardCount)项（罚分合计\(SolveNumbers.format(softPenalty))）\n"
            : "\(hardCount) hard, \(findings.count - hardCount) soft (total penalty \(SolveNumbers.format(softPenalty)))\n"
        return out
    }

    public struct Item: Codable, Sendable {
        public var rule: String
        public var severity: String
        public var employeeId: String?
        public var employeeName: String?
        public var dates: [String]
        public var penalty: Double
        public var message: String
    }

    public var items: [Item] {
        findings.map { f in
            Item(rule: f.rule, severity: f.severity.rawValue, employeeId: f.person.map { scenario.staff[$0].id },
                 employeeName: f.person.map { scenario.staff[$0].name },
                 dates: f.days.filter { $0 >= 0 }.sorted().map { scenario.period.date($0).iso }, penalty: f.penalty, message: f.message(in: language))
        }
    }
}

/// Numbers as reports print them: whole numbers without decimals.
public enum SolveNumbers {
    public static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(format: "%.2f", value)
    }
}

/// JSON as every report writes it: sorted keys, snake_case, readable.
public enum ReportJSON {
    public static func render<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
