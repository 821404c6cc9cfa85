/// The days a roster spans, first to last inclusive. Inside the solver a day is its offset from `start`.
public struct Period: Hashable, Sendable {
    public let start: CivilDate
    public let end: CivilDate

    public init(start: CivilDate, end: CivilDate) {
        self.start = start
        self.end = end
    }

    public var dayCount: Int { end.dayNumber - start.dayNumber + 1 }
    public var days: [CivilDate] { (0..<dayCount).map { start.adding(days: $0) } }
    public func date(_ offset: Int) -> CivilDate { start.adding(days: offset) }
    public func offset(of date: CivilDate) -> Int? {
        let o = date.dayNumber - start.dayNumber
        return o >= 0 && o < dayCount ? o : nil
    }

    /// The part of one calendar month that the period covers: monthly rules (rest days, hours,
    /// night caps) are counted per calendar month and prorated where the period covers only part of it.
    public struct MonthSpan: Hashable, Sendable {
        public let year: Int
        public let month: Int
        public let days: Range<Int>        // day offsets inside the period
        public let daysInMonth: Int
        public var isWholeMonth: Bool { days.count == daysInMonth }
        public var label: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }
    }

    public var monthSpans: [MonthSpan] {
        var spans: [MonthSpan] = []
        var first = 0
        while first < dayCount {
            let date = self.date(first)
            let monthLength = CivilDate.daysIn(month: date.month, year: date.year)
            let last = min(dayCount, first + monthLength - date.day + 1)
            spans.append(MonthSpan(year: date.year, month: date.month, days: first..<last, daysInMonth: monthLength))
            first = last
        }
        return spans
    }
}
