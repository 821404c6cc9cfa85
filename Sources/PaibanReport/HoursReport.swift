import Foundation
import Paiban

/// Hours and pay per person (`paiban check --hours`) as a table or CSV; JSON encodes the figures as they are.
public enum HoursReport {
    static let columns = ["employee_id", "name", "days_worked", "paid_hours", "target_hours", "band", "leave_days",
                          "rest_days", "small_nights", "big_nights", "weekend_days", "holidays_worked",
                          "holiday_premium", "overtime_hours", "comp_time_days"]

    static func fields(_ p: HoursFigures.Person) -> [String] {
        [p.employeeId, p.name, String(p.daysWorked), SolveNumbers.format(p.paidHours), SolveNumbers.format(p.targetHours),
         "\(SolveNumbers.format(p.bandLow))-\(SolveNumbers.format(p.bandHigh))", String(p.leaveDays), String(p.restDays),
         String(p.smallNights), String(p.bigNights), String(p.weekendDaysWorked), String(p.holidayDates.count),
         SolveNumbers.format(p.holidayPremium), SolveNumbers.format(p.overtimeHours), SolveNumbers.format(p.compTimeOwedDays)]
    }

    public static func renderCSV(_ figures: HoursFigures) -> String {
        figures.people.reduce(CSV.line(columns)) { $0 + CSV.line(fields($1)) }
    }

    public static func renderTable(_ figures: HoursFigures) -> String {
        let rows = [columns] + figures.people.map(fields)
        let widths = columns.indices.map { c in rows.map { RosterTable.displayWidth($0[c]) }.max() ?? 0 }
        return rows.map { row in
            row.indices.map { c in c < 2 ? RosterTable.pad(row[c], widths[c]) : RosterTable.pad(row[c], widths[c], right: true) }
                .joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
