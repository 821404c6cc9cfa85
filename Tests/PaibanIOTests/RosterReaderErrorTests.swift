import Foundation
import Paiban
import PaibanIO
import Testing

/// Unusable rosters: every one is an InputError naming the row (as a spreadsheet numbers it) and the
/// column of the cell at fault, never a crash or a silent guess.
@Suite struct RosterReaderErrorTests {
    typealias F = RosterFixture

    static let wide = """
        工号,姓名,1,2,3,4,5,6,7
        ,,一,二,三,四,五,六,日
        P1,张三,M,M,休,D,E,N,
        P2,李四,假,D,N,N,-,/,D
        P3,王五,OFF,E,E,E,E,休,M
        """

    @Test func theFixtureItselfIsValid() throws {
        #expect(try F.read(Self.wide).layout == .wide)
    }

    @Test func unknownShiftCodeInTheWideForm() {
        let error = F.expectError(Self.wide.replacingOccurrences(of: "休,M", with: "休,X"), row: 5, column: 9,
                                  mentions: ["'X' is not a shift code of the scenario (M, D, E, N)"])
        #expect(error?.message.hasPrefix("cell I5: ") == true)
        #expect(error?.description.hasPrefix("roster.csv:5:9: cell I5: 'X' is not a shift code of the scenario (M, D, E, N)") == true)
    }

    @Test func unknownShiftCodeInTheLongForm() {
        F.expectError("employee_id,employee_name,date,shift\nP1,张三,2027-03-01,M\nP1,张三,2027-03-02,Q\n", row: 3, column: 4,
                      mentions: ["'Q' is not a shift code", "(M, D, E, N)"])
    }

    @Test func personNotInTheScenario() {
        F.expectError(Self.wide.replacingOccurrences(of: "P2,李四", with: "P9,赵六"), row: 4, column: 1,
                      mentions: ["no person with id 'P9' or name '赵六'"])
        F.expectError("姓名,日期,班次\n张三,2027-03-01,M\n赵六,2027-03-01,M\n", row: 3, column: 1, mentions: ["name '赵六'"])
    }

    @Test func aNameTwoPeopleShare() {
        let scenario = F.scenario(people: [("P1", "张伟"), ("P2", "张伟")])
        F.expectError("姓名,1,2\n张伟,M,D\n", row: 2, column: 1, mentions: ["2 people", "张伟", "P1, P2", "employee id"], scenario: scenario)
    }

    @Test func dateOutsideThePeriodInTheLongForm() {
        F.expectError("id,date,shift\nP1,2027-03-07,M\nP1,2027-03-08,M\n", row: 3, column: 2,
                      mentions: ["2027-03-08 is outside the period 2027-03-01 to 2027-03-07"])
        F.expectError("id,date,shift\nP1,2027-02-28,M\n", row: 2, column: 2, mentions: ["2027-02-28 is outside the period", "previous roster"])
    }

    @Test func dateOutsideThePeriodInTheWideForm() {
        F.expectError("姓名,1,2,3,4,5,6,7,8\n张三,M,M,M,M,M,M,M,M\n", row: 1, column: 9,
                      mentions: ["the column '8' is 2027-03-08, outside the period"])
        F.expectError("姓名,2/28,3/1\n张三,M,M\n", row: 1, column: 2, mentions: ["2027-02-28, outside the period"])
    }

    @Test func duplicatePersonDay() {
        F.expectError("id,date,shift\nP1,2027-03-01,M\nP2,2027-03-01,M\nP1,2027/3/1,D\n", row: 4, column: 2,
                      mentions: ["张三 (P1) already has 2027-03-01 in row 2"])
        F.expectError(Self.wide + "\nP1,张三,M,M,M,M,M,M,M", row: 6, column: 1, mentions: ["张三 (P1) already has a row (row 3)"])
        F.expectError("姓名,1,3/2,2\n张三,M,M,M\n", row: 1, column: 4, mentions: ["'2' is 2027-03-02", "column C"])
    }

    @Test func headersItCannotUnderstand() {
        F.expectError("who,when,what\nP1,2027-03-01,M\n", row: 1, column: nil, mentions: ["row 1 is not a header", "employee_id", "班次"])
        F.expectError("P1,张三,2027-03-01,M\n", row: 1, column: nil, mentions: ["not a header"])
        F.expectError("工号,日期,shift_type\nP1,2027-03-01,M\n", row: 1, column: nil, mentions: ["no shift column"])
        F.expectError("日期,班次\n2027-03-01,M\n", row: 1, column: nil, mentions: ["no employee column"])
        F.expectError("姓名,1,2,32\n张三,M,M,M\n", row: 1, column: 4, mentions: ["'32' is not a day of a month"])
        F.expectError("姓名,2/27,2/30\n张三,M,M\n", row: 1, column: 3, mentions: ["'2/30' is not a date"])
        F.expectError("姓名,28,29\n张三,M,M\n", row: 1, column: 3, mentions: ["2027-02 has no day 29"],
                      scenario: F.scenario(start: "2027-02-01", days: 28))
    }

    @Test func aWeekdayRowThatDoesNotFitTheDates() {
        // The April roster read against the March scenario: 1 April 2027 is a Thursday.
        F.expectError(Self.wide.replacingOccurrences(of: ",,一,二,三,四,五,六,日", with: ",,四,五,六,日,一,二,三"), row: 2, column: 3,
                      mentions: ["四 (Thursday)", "2027-03-01 is a 一 (Monday)", "another month"])
        F.expectError("姓名,3/1 周二\n张三,M\n", row: 1, column: 2, mentions: ["二 (Tuesday)"])
    }

    @Test func emptyFiles() {
        F.expectError("", row: 1, column: nil, mentions: ["empty"])
        F.expectError("\n\r\n,,,\n", row: 1, column: nil, mentions: ["empty"])
        F.expectError(bytes: [0xEF, 0xBB, 0xBF], row: 1, column: nil, mentions: ["empty"])
        F.expectError("工号,姓名,1,2,3\n\n", row: 1, column: nil, mentions: ["no row after it"])
    }

    @Test func aRowWithDaysButNobody() {
        F.expectError(Self.wide + "\n,,M,M,M,M,M,M,M", row: 6, column: 1, mentions: ["no employee id or name"])
        F.expectError("id,date,shift\n,2027-03-01,M\n", row: 2, column: 1, mentions: ["no employee id or name"])
    }

    @Test func badDatesInTheLongForm() {
        F.expectError("id,date,shift\nP1,2027-02-30,M\n", row: 2, column: 2, mentions: ["'2027-02-30' is not a date of the calendar"])
        F.expectError("id,date,shift\nP1,明天,M\n", row: 2, column: 2, mentions: ["'明天' is not a date"])
        F.expectError("id,date,shift\nP1,5,M\n", row: 2, column: 2, mentions: ["without the month"])
        F.expectError("id,date,shift\nP1,,M\n", row: 2, column: 2, mentions: ["the date is missing"])
    }

    @Test func aQuoteThatIsNeverClosed() {
        // Row 3's note opens a quote that runs to the end of the file.
        F.expectError("id,date,shift,note\nP1,2027-03-01,M,ok\nP1,2027-03-02,M,\"oops\nP1,2027-03-03,M,\n", row: 3, column: 4,
                      mentions: ["never closed", "line 3"])
    }

    @Test func rowsCountAsASpreadsheetCountsThem() {
        // A line break inside quotes does not start a new row, a blank line does.
        F.expectError("id,date,shift,note\nP1,2027-03-01,M,\"two\nlines\"\n\nP1,2027-03-02,Z,\n", row: 4, column: 3, mentions: ["'Z'"])
    }
}
