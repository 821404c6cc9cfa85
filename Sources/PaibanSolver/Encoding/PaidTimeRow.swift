import Paiban

extension LinearModel {
    /// lower <= paid minutes of the shifts worked <= upper (either side may be open), counted in hours so
    /// that coefficients stay near 1 and an elastic slack is priced per hour. When every shift in the row
    /// pays the same time, the band becomes a whole number of shifts (176 h +- 8 at 7.5 h a shift: 23 or
    /// 24 shifts): the same integer rosters, a much tighter LP. A band with no whole number of shifts
    /// inside keeps its hours row, so that the search reports it as the rule that cannot hold.
    mutating func addPaidTimeRow(_ name: String, minutes terms: [(column: Int, minutes: Double)], lower: Double?, upper: Double?, origin: RowOrigin) {
        if let lower, let upper, lower > upper {   // a band no roster keeps (built in code): two rows, one must give
            addPaidTimeRow(name + "_lo", minutes: terms, lower: lower, upper: nil, origin: origin)
            addPaidTimeRow(name + "_hi", minutes: terms, lower: nil, upper: upper, origin: origin)
            return
        }
        let minutes = terms.first?.minutes ?? 0
        // Rounding inward by a hair keeps exact boundaries exact (168 h at 7.5 h is 22.4 shifts: 23).
        let fewest = lower.map { max(0, ($0 / max(minutes, 1) - 1e-6).rounded(.up)) }
        let most = upper.map { ($0 / max(minutes, 1) + 1e-6).rounded(.down) }
        if minutes > 0, (fewest ?? 0) <= (most ?? .infinity), terms.allSatisfy({ $0.minutes == minutes }) {
            addRow(name, terms.map { ($0.column, 1) }, lower: fewest, upper: most, origin: origin)
        } else {
            addRow(name, terms.map { ($0.column, $0.minutes / 60) }, lower: lower.map { $0 / 60 }, upper: upper.map { $0 / 60 }, origin: origin)
        }
    }
}
