import Paiban

/// The roster as a supervisor reads it: people down, days across, shift codes in the cells
/// (`.` rest, `L` leave), with days, paid hours and nights per person at the right.
public enum RosterTable {
    public static func render(_ roster: Roster, scenario: Scenario) -> String {
        let names = scenario.staff.map { "\($0.id) \($0.name)" }
        // Room for the lunch line's label under each person when the roster has meal rounds.
        let hasRounds = roster.breaks.contains { $0.contains { $0 != nil } }
        let nameWidth = max(names.map(displayWidth).max() ?? 4, hasRounds ? 18 : 0)
        let cell = max(2, scenario.shifts.map { displayWidth($0.code) }.max() ?? 1) + 1
        let days = scenario.period.days
        var out = pad("", nameWidth) + days.map { pad(String($0.day), cell, right: true) }.joined() + "  days  hours  nights\n"
        out += pad("", nameWidth) + days.map { pad(["M", "T", "W", "T", "F", "S", "S"][$0.weekday - 1], cell, right: true) }.joined() + "\n"
        for (p, name) in names.enumerated() {
            var minutes = 0, worked = 0, nights = 0
            var line = pad(name, nameWidth)
            for d in days.indices {
                let text: String
                switch roster[p, d] {
                case .off: text = "."
                case .leave: text = "L"
                case .work(let s):
                    text = scenario.shifts[s].code
                    minutes += scenario.shifts[s].paidMinutes
                    worked += 1
                    if scenario.isNight(s) { nights += 1 }
                }
                line += pad(text, cell, right: true)
            }
            out += line + pad(String(worked), 6, right: true) + pad(MonthlyHours.hours(Double(minutes)), 7, right: true)
                + pad(String(nights), 8, right: true) + "\n"
            // Meal rounds on a line of their own under the person, two characters a day: the hour when every
            // round starts on the hour ("12" for 12:00), else the minutes past the hour the label names.
            let rounds = days.indices.map { roster.breaks[p][$0] }
            if rounds.contains(where: { $0 != nil }) {
                let onTheHour = rounds.allSatisfy { ($0 ?? 0) % 60 == 0 }
                let hours = Set(rounds.compactMap { $0.map { Clock.format($0).prefix(2) } }).sorted().joined(separator: "/")
                let label = onTheHour ? "  lunch (hour)" : "  lunch \(hours):mm"
                out += pad(label, nameWidth) + rounds.map { round in
                    pad(round.map { String(onTheHour ? Clock.format($0).prefix(2) : Clock.format($0).suffix(2)) } ?? "", cell, right: true)
                }.joined() + "\n"
            }
        }
        return out
    }

    /// Terminal columns: CJK characters take two.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            width + ((0x1100...0x115F).contains(scalar.value) || (0x2E80...0xA4CF).contains(scalar.value)
                || (0xAC00...0xD7A3).contains(scalar.value) || (0xF900...0xFAFF).contains(scalar.value)
                || (0xFF00...0xFF60).contains(scalar.value) || (0xFFE0...0xFFE6).contains(scalar.value) ? 2 : 1)
        }
    }

    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - displayWidth(text)))
        return right ? fill + text : text + fill
    }
}
