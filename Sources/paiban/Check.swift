import ArgumentParser
import Foundation
import Paiban
import PaibanIO
import PaibanReport

/// `paiban check`: audit any roster (solved, or kept by hand in Excel) against the scenario's rules,
/// with the same rule checks `solve` audits itself with.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Audit a roster against labour rules: every violation with rule, person, dates and why.",
        discussion: "Exit code 0 when no hard rule is broken, 1 when one is, 2 for unusable input.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

    @Argument(help: "The roster: the long CSV that solve writes, a wide table (one row per person, one column per day), or for a benchmark instance its solution layout.")
    var roster: String

    @Option(help: "The scenario the roster belongs to (YAML), or a benchmark instance (InstanceN.txt).")
    var scenario: String

    @Option(help: "table, csv or json.")
    var format: Format = .table

    @Option(help: "Language of the findings: zh or en.")
    var lang: Language = .en

    @Option(help: "The roster file's encoding: utf-8, gb18030, gbk, utf-16le, utf-16be (detected when not given).")
    var encoding: String?

    @Option(help: "The previous period's roster: consecutive days and rest between shifts are counted across the start.")
    var previous: String?

    @Flag(help: "Also print hours and pay per person: paid hours against target, nights, weekends, holidays and their premium, overtime.")
    var hours = false

    func validate() throws {
        if let encoding, TextEncoding(name: encoding) == nil {
            throw ValidationError("unknown encoding '\(encoding)'; use one of \(TextEncoding.acceptedNames.joined(separator: ", "))")
        }
    }

    func run() throws {
        let (read, instance) = try ScenarioSource.read(path: self.scenario)
        var scenario = read
        let forced = encoding.flatMap(TextEncoding.init(name:))
        if let previous {
            // --encoding is for the roster being checked; last month's file (often solve's UTF-8) is detected.
            let earlier = try RosterReader.read(path: previous, scenario: scenario, role: .previous)
            for p in scenario.staff.indices where scenario.staff[p].history.isEmpty {
                scenario.staff[p].history = earlier.history(for: p)
            }
        }
        // With a benchmark instance as the scenario, a roster that is not Paiban's CSV is a benchmark solution.
        let file = if let instance, !roster.lowercased().hasSuffix(".csv") {
            try CurtoisSolution.read(path: roster, instance: instance).rosterFile(file: roster, scenario: scenario)
        } else {
            try RosterReader.read(path: roster, scenario: scenario, encoding: forced)
        }
        let audit = Audit.run(file.roster, in: scenario)
        let report = FindingsReport(audit.findings, scenario: scenario, language: lang)
        let figures = hours ? HoursFigures(file.roster, in: scenario, isStatutoryHoliday: scenario.calendar.isStatutoryHoliday) : nil
        let notes = scenario.calendar.notes(for: scenario.period)
            + file.missingPeople.map { "\(scenario.staff[$0].id) \(scenario.staff[$0].name) is not in the roster: counted as resting every day" }

        switch format {
        case .table:
            var out = report.renderTable()
            if let figures { out += "\n" + HoursReport.renderTable(figures) }
            for note in notes { out += "note: \(note)\n" }
            print(out, terminator: "")
        case .csv:
            print(figures.map(HoursReport.renderCSV) ?? report.renderCSV(), terminator: "")
        case .json:
            print(ReportJSON.render(CheckSummary(roster: roster, layout: file.layout.rawValue, encoding: file.encoding.name,
                                                 hardViolations: report.hardCount, softPenalty: report.softPenalty,
                                                 findings: report.items, hours: figures?.people, notes: notes)), terminator: "")
        }
        if report.hardCount > 0 { throw ExitCode(1) }
    }
}

/// `paiban check --format json`.
struct CheckSummary: Encodable {
    var roster: String
    var layout: String
    var encoding: String
    var hardViolations: Int
    var softPenalty: Double
    var findings: [FindingsReport.Item]
    var hours: [HoursFigures.Person]?
    var notes: [String]
}

extension Language: ExpressibleByArgument {}
