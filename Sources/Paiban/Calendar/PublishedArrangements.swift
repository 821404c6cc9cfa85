/// One holiday arrangement (放假安排) of a State Council notice: the whole closure, weekends folded in,
/// and the weekend days worked in exchange (调休上班).
struct PublishedArrangement: Sendable {
    let festivals: [Festival]
    let from: String
    let to: String
    let workingDays: [String]

    init(_ festivals: [Festival], from: String, to: String, work workingDays: [String] = []) {
        self.festivals = festivals
        self.from = from
        self.to = to
        self.workingDays = workingDays
    }

    var closureDays: [CivilDate] {
        let first = CivilDate(iso: from)!, last = CivilDate(iso: to)!
        return (first.dayNumber...last.dayNumber).map(CivilDate.init(dayNumber:))
    }

    var adjustedWorkingDays: [CivilDate] { workingDays.map { CivilDate(iso: $0)! } }
}

/// The bridging arrangements the State Council has published, one table per year, copied from the
/// notice named above it. A year missing here is computed only: its statutory days are known, its
/// closures and adjusted working days are not. Add a year when its notice appears (each November for
/// the next year); the tests check every table against the computed statutory days.
enum PublishedArrangements {
    static func arrangements(year: Int) -> [PublishedArrangement]? {
        switch year {
        case 2025: return year2025
        case 2026: return year2026
        default: return nil
        }
    }

    static var years: [Int] { [2025, 2026] }

    /// 国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号), 12 November 2024,
    /// as carried by Xinhua (e.g. https://m.gmw.cn/2024-11/12/content_1303894933.htm).
    /// First year of the 13-day regulation revised in November 2024.
    static let year2025: [PublishedArrangement] = [
        // 元旦: 1月1日(周三)放假1天, 不调休.
        .init([.newYear], from: "2025-01-01", to: "2025-01-01"),
        // 春节: 1月28日(除夕、周二)至2月4日(正月初七、周二)放假调休, 共8天. 1月26日(周日)、2月8日(周六)上班.
        .init([.springFestival], from: "2025-01-28", to: "2025-02-04", work: ["2025-01-26", "2025-02-08"]),
        // 清明节: 4月4日(周五)至6日(周日)放假, 共3天.
        .init([.qingming], from: "2025-04-04", to: "2025-04-06"),
        // 劳动节: 5月1日(周四)至5日(周一)放假调休, 共5天. 4月27日(周日)上班.
        .init([.labourDay], from: "2025-05-01", to: "2025-05-05", work: ["2025-04-27"]),
        // 端午节: 5月31日(周六)至6月2日(周一)放假, 共3天.
        .init([.dragonBoat], from: "2025-05-31", to: "2025-06-02"),
        // 国庆节、中秋节: 10月1日(周三)至8日(周三)放假调休, 共8天. 9月28日(周日)、10月11日(周六)上班.
        .init([.nationalDay, .midAutumn], from: "2025-10-01", to: "2025-10-08", work: ["2025-09-28", "2025-10-11"]),
    ]

    /// 国务院办公厅关于2026年部分节假日安排的通知, 4 November 2025,
    /// as carried by Xinhua (e.g. https://politics.gmw.cn/2025-11/04/content_38391083.htm).
    static let year2026: [PublishedArrangement] = [
        // 元旦: 1月1日(周四)至3日(周六)放假调休, 共3天. 1月4日(周日)上班.
        .init([.newYear], from: "2026-01-01", to: "2026-01-03", work: ["2026-01-04"]),
        // 春节: 2月15日(腊月二十八、周日)至23日(正月初七、周一)放假调休, 共9天. 2月14日(周六)、2月28日(周六)上班.
        .init([.springFestival], from: "2026-02-15", to: "2026-02-23", work: ["2026-02-14", "2026-02-28"]),
        // 清明节: 4月4日(周六)至6日(周一)放假, 共3天.
        .init([.qingming], from: "2026-04-04", to: "2026-04-06"),
        // 劳动节: 5月1日(周五)至5日(周二)放假调休, 共5天. 5月9日(周六)上班.
        .init([.labourDay], from: "2026-05-01", to: "2026-05-05", work: ["2026-05-09"]),
        // 端午节: 6月19日(周五)至21日(周日)放假, 共3天.
        .init([.dragonBoat], from: "2026-06-19", to: "2026-06-21"),
        // 中秋节: 9月25日(周五)至27日(周日)放假, 共3天.
        .init([.midAutumn], from: "2026-09-25", to: "2026-09-27"),
        // 国庆节: 10月1日(周四)至7日(周三)放假调休, 共7天. 9月20日(周日)、10月10日(周六)上班.
        .init([.nationalDay], from: "2026-10-01", to: "2026-10-07", work: ["2026-09-20", "2026-10-10"]),
    ]
}
