import Foundation
import Paiban

/// Between Paiban's rosters and the benchmark's solutions. An imported scenario keeps the instance's
/// staff order and uses its shift ids as codes, so the two map one to one.
extension CurtoisSolution {
    public init(_ roster: Roster, scenario: Scenario, instance: CurtoisInstance) {
        self.init(instance: instance, shifts: roster.cells.map { row in row.map { $0.shift.map { scenario.shifts[$0].code } } })
    }

    /// The roster in the scenario's terms, as `paiban check` reads a roster file.
    public func rosterFile(file: String, scenario: Scenario) throws -> RosterFile {
        var roster = Roster(people: scenario.staff.count, days: scenario.dayCount)
        for (p, row) in shifts.enumerated() {
            for (d, code) in row.enumerated() {
                guard let code else { continue }
                guard let s = scenario.shiftIndex(code: code) else { throw InputError(file: file, message: "unknown shift '\(code)'") }
                roster[p, d] = .work(s)
            }
        }
        return RosterFile(file: file, layout: .benchmark, delimiter: "\t", headerRow: 0, roster: roster, period: scenario.period)
    }

    /// Reads a solution file (either layout) for an instance.
    public static func read(path: String, instance: CurtoisInstance) throws -> CurtoisSolution {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: path, message: "cannot read the file (does it exist?)")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw InputError(file: path, message: "the file is not UTF-8 text") }
        return try read(text: text, file: path, instance: instance)
    }
}
