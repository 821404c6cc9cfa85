/// The languages Paiban speaks to people in. Code identifiers stay English; the words are in `Words`.
public enum Language: String, Sendable, CaseIterable {
    case zh, en
}

/// A sentence before it is put into words: a key of the words table and the values of its
/// placeholders. Findings keep their text in this form so that one audit can be read in Chinese
/// or in English (`paiban check --lang zh|en`).
public struct Text: Hashable, Sendable {
    public var key: Words.Key
    /// Placeholder name -> value; every placeholder of the key's templates has one.
    public var arguments: [String: Argument]

    public init(_ key: Words.Key, _ arguments: [String: Argument] = [:]) {
        self.key = key
        self.arguments = arguments
    }

    /// The sentence in `language`. A placeholder without an argument stays visible as `{name}`,
    /// which the tests catch, rather than vanishing from the sentence.
    public func rendered(in language: Language) -> String {
        Words.fill(Words.entry(key).template(in: language)) { arguments[$0]?.rendered(in: language) }
    }

    /// A value for a placeholder. Names, shift codes, clock times and numbers read the same in every
    /// language; dates, weekdays, months, leave kinds, lists and nested sentences are put into words
    /// when the text is rendered.
    public enum Argument: Hashable, Sendable {
        /// Written as is in every language: a person's name, a shift code, "09:00", "7.5".
        case verbatim(String)
        case date(CivilDate)
        /// A run of days, first and last inclusive ("3-10 Mar", "3月3日-10日").
        case days(CivilDate, CivilDate)
        case month(year: Int, month: Int)
        /// ISO weekday, 1 = Monday ... 7 = Sunday.
        case weekday(Int)
        /// A leave kind as the scenario names it ("annual", "sick").
        case leaveKind(String)
        case list([String])
        /// A name that comes with its own translation, such as a holiday's from the calendar.
        case named(zh: String, en: String)
        /// A clause that is itself a sentence of the table (the reason in "works D on 3 Mar but ...").
        case text(Text)

        public static func number(_ n: Int) -> Argument { .verbatim(String(n)) }
        public static func month(_ span: Period.MonthSpan) -> Argument { .month(year: span.year, month: span.month) }

        public func rendered(in language: Language) -> String {
            switch self {
            case .verbatim(let s): s
            case .date(let d): Words.date(d, in: language)
            case .days(let a, let b): Words.days(a, b, in: language)
            case .month(let year, let month): Words.month(year: year, month: month, in: language)
            case .weekday(let w): Words.weekday(w, in: language)
            case .leaveKind(let kind): Words.leaveKind(kind, in: language)
            case .list(let items): Words.list(items, in: language)
            case .named(let zh, let en): language == .zh ? zh : en
            case .text(let text): text.rendered(in: language)
            }
        }
    }
}
