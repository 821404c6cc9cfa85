import Foundation
import Paiban
import PaibanIO
import Testing

/// Calendar files: read, applied to the built-in calendar (extend) or instead of it (replace), and
/// rejected with the line of the problem.
@Suite("HolidayCalendarReader")
struct HolidayCalendarReaderTests {
    static func day(_ text: String) -> CivilDate { CivilDate(iso: text)! }

    static let extend2027 = """
        # The State Council's 2027 arrangement, typed in when it appears, plus a company day.
        mode: extend
        published: [2027]
        holidays:
          - {date: 2027-03-08, name: 妇女节, name_en: Women's Day, statutory: false}
        closures:
          - {from: 2027-02-05, to: 2027-02-11, name: 春节, name_en: Spring Festival}
          - 2027-05-03
        working_days:
          - 2027-02-20
          - 2027-05-08

        """

    static func read(_ text: String) throws -> CalendarFile {
        try HolidayCalendarReader.read(data: Data(text.utf8), file: "cal.yaml")
    }

    /// Reads `text`, which must fail on `line` with a message containing every word.
    static func expectError(_ text: String, line: Int, mentions words: [String],
                            sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            let file = try read(text)
            Issue.record("expected an error, read \(file)", sourceLocation: sourceLocation)
        } catch let error as InputError {
            #expect(error.file == "cal.yaml", sourceLocation: sourceLocation)
            #expect(error.line == line, "wrong line for: \(error)", sourceLocation: sourceLocation)
            for word in words {
                #expect(error.message.contains(word), "message does not mention '\(word)': \(error.message)", sourceLocation: sourceLocation)
            }
        } catch {
            Issue.record("not an InputError: \(error)", sourceLocation: sourceLocation)
        }
    }

    // MARK: reading

    @Test func readsAnExtendFile() throws {
        let file = try Self.read(Self.extend2027)
        #expect(file.mode == .extend)
        #expect(file.publishedYears == [2027])
        #expect(file.holidays == [.init(date: Self.day("2027-03-08"), name: HolidayName(zh: "妇女节", en: "Women's Day"), statutory: false)])
        #expect(file.closures.count == 8)
        #expect(file.closures.first == .init(date: Self.day("2027-02-05"), name: HolidayName(zh: "春节", en: "Spring Festival")))
        #expect(file.closures.last == .init(date: Self.day("2027-05-03"), name: nil))
        #expect(file.adjustedWorkingDays == [Self.day("2027-02-20"), Self.day("2027-05-08")])
    }

    @Test func extendAppliedToTheBuiltInCalendar() throws {
        let builtIn = HolidayCalendar.china(years: 2026...2027)
        #expect(builtIn.notes(for: 2027...2027) == ["2027: holiday dates computed; the bridging days are not yet published"])
        let c = builtIn.applying(try Self.read(Self.extend2027))
        #expect(c.isPublished(year: 2027) && c.notes(for: 2026...2027).isEmpty)
        #expect(c.isStatutoryHoliday(Self.day("2027-02-05")), "built-in 除夕 stays")
        #expect(c.holidayName(Self.day("2027-02-05"))! == ("春节", "Spring Festival"))
        #expect(c.isOffDay(Self.day("2027-02-10")) && !c.isStatutoryHoliday(Self.day("2027-02-10")))
        #expect(c.closureName(Self.day("2027-02-10"))! == ("春节", "Spring Festival"))
        #expect(c.isAdjustedWorkingDay(Self.day("2027-02-20")) && !c.isOffDay(Self.day("2027-02-20")))
        #expect(c.isOffDay(Self.day("2027-05-03")))
        #expect(c.holidayName(Self.day("2027-03-08"))! == ("妇女节", "Women's Day"))
        #expect(!c.isStatutoryHoliday(Self.day("2027-03-08")) && !c.isOffDay(Self.day("2027-03-08")))
        #expect(c.isPublished(year: 2026), "the built-in 2026 arrangement stays")
        #expect(c.isAdjustedWorkingDay(Self.day("2026-02-14")))
    }

    @Test func replaceKeepsOnlyTheFile() throws {
        let text = """
            mode: replace
            holidays:
              - {date: 2027-01-01, name: 元旦, name_en: New Year's Day, statutory: true}
              - {date: 2027-12-25, name: 圣诞节, name_en: Christmas, statutory: true}
            closures: [2027-12-24]

            """
        let c = HolidayCalendar.china(years: 2026...2027).applying(try Self.read(text))
        #expect(c.isStatutoryHoliday(Self.day("2027-12-25")) && c.isOffDay(Self.day("2027-12-24")))
        #expect(!c.isStatutoryHoliday(Self.day("2027-02-06")), "the built-in Spring Festival is gone")
        #expect(c.statutoryHolidays(year: 2027).count == 2)
        #expect(c.isPublished(year: 2027) && c.notes(for: [2027]).isEmpty)
        #expect(!c.isAdjustedWorkingDay(Self.day("2026-02-14")), "the built-in 2026 is gone")
        #expect(c.notes(for: [2026]) == ["2026: no holiday data; only weekends count as days off"])
    }

    @Test func modeDefaultsToExtendAndEveryFieldIsOptional() throws {
        let file = try Self.read("working_days: 2027-02-20\n")
        #expect(file.mode == .extend && file.holidays.isEmpty && file.closures.isEmpty)
        #expect(file.adjustedWorkingDays == [Self.day("2027-02-20")])
        #expect(try Self.read("mode: replace\n") == CalendarFile(mode: .replace))
    }

    @Test func readsFromAPathAndBuildsTheCalendar() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("paiban-calendar-\(UUID().uuidString).yaml").path
        try Data(Self.extend2027.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try HolidayCalendarReader.read(path: path) == (try Self.read(Self.extend2027)))
        let c = try HolidayCalendarReader.calendar(path: path, years: 2027...2027)
        #expect(c.isPublished(year: 2027) && c.isAdjustedWorkingDay(Self.day("2027-05-08")))
    }

    @Test func aMissingFileIsAnInputError() {
        #expect(throws: InputError.self) { try HolidayCalendarReader.read(path: "/nonexistent/calendar.yaml") }
    }

    // MARK: errors, with their lines

    @Test func unknownTopLevelField() {
        Self.expectError("mode: extend\nholiday:\n  - {date: 2027-03-08, name: x, statutory: false}\n", line: 2,
                         mentions: ["unknown field 'holiday'", "holidays"])
    }

    @Test func unknownMode() {
        Self.expectError("published: [2027]\nmode: merge\n", line: 2, mentions: ["'merge'", "extend or replace"])
    }

    @Test func badDate() {
        Self.expectError("holidays:\n  - {date: 2027-02-30, name: x, statutory: true}\n", line: 2, mentions: ["2027-02-30", "not a date"])
    }

    @Test func missingStatutory() {
        Self.expectError("holidays:\n  - {date: 2027-03-08, name: 妇女节}\n", line: 2, mentions: ["statutory"])
    }

    @Test func missingName() {
        Self.expectError("holidays:\n  - date: 2027-03-08\n    statutory: false\n", line: 2, mentions: ["missing field 'name'"])
    }

    @Test func notTrueOrFalse() {
        Self.expectError("holidays:\n  - {date: 2027-03-08, name: x, statutory: maybe}\n", line: 2, mentions: ["'maybe'", "true or false"])
    }

    @Test func holidayTwice() {
        let text = "holidays:\n  - {date: 2027-03-08, name: x, statutory: false}\n  - {date: 2027-03-08, name: y, statutory: false}\n"
        Self.expectError(text, line: 3, mentions: ["already a holiday", "line 2"])
    }

    @Test func closureEndsBeforeItStarts() {
        Self.expectError("closures:\n  - 2027-05-03\n  - {from: 2027-02-11, to: 2027-02-05}\n", line: 3, mentions: ["before it starts"])
    }

    @Test func workingDayOnAWeekday() {
        Self.expectError("working_days:\n  - 2027-02-20\n  - 2027-02-17\n", line: 3, mentions: ["Wednesday", "Saturdays and Sundays"])
    }

    @Test func workingDayThatIsAlsoOff() {
        let text = "closures:\n  - {from: 2027-02-05, to: 2027-02-13}\nworking_days: [2027-02-13]\n"
        Self.expectError(text, line: 3, mentions: ["2027-02-13", "line 2"])
    }

    @Test func workingDayOnAStatutoryHoliday() {
        let text = "holidays:\n  - {date: 2027-02-06, name: 春节, statutory: true}\nworking_days: [2027-02-06]\n"
        Self.expectError(text, line: 3, mentions: ["cannot be a working day", "line 2"])
    }

    @Test func publishedYearNotANumber() {
        Self.expectError("mode: extend\npublished: [twenty]\n", line: 2, mentions: ["'twenty'", "whole number"])
    }

    @Test func yamlSyntaxError() {
        // The parser stops on line 3 and names the unclosed list that starts on line 2.
        Self.expectError("mode: extend\nclosures: [2027-05-03\nworking_days: []\n", line: 3, mentions: ["YAML", "line 2"])
    }
}
