/// A name in both languages of a bilingual roster: 春节 / Spring Festival.
public struct HolidayName: Hashable, Sendable, CustomStringConvertible {
    public var zh: String
    public var en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    public var description: String { zh == en ? zh : "\(zh) (\(en))" }
}

/// The festivals of the national regulation on public holidays (全国年节及纪念日放假办法).
public enum Festival: String, CaseIterable, Hashable, Sendable {
    case newYear, springFestival, qingming, labourDay, dragonBoat, midAutumn, nationalDay

    public var name: HolidayName {
        switch self {
        case .newYear: HolidayName(zh: "元旦", en: "New Year's Day")
        case .springFestival: HolidayName(zh: "春节", en: "Spring Festival")
        case .qingming: HolidayName(zh: "清明节", en: "Qingming Festival")
        case .labourDay: HolidayName(zh: "劳动节", en: "Labour Day")
        case .dragonBoat: HolidayName(zh: "端午节", en: "Dragon Boat Festival")
        case .midAutumn: HolidayName(zh: "中秋节", en: "Mid-Autumn Festival")
        case .nationalDay: HolidayName(zh: "国庆节", en: "National Day")
        }
    }

    /// One name for an arrangement that joins festivals: 国庆节、中秋节 / National Day and Mid-Autumn Festival.
    static func joinedName(_ festivals: [Festival]) -> HolidayName {
        HolidayName(zh: festivals.map(\.name.zh).joined(separator: "、"),
                    en: festivals.map(\.name.en).joined(separator: " and "))
    }
}
