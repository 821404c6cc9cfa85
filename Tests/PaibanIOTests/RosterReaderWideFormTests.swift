import Foundation
import Paiban
import PaibanIO
import Testing

/// The wide form: the roster table supervisors keep in Excel, saved as CSV or as tab-separated text.
@Suite struct RosterReaderWideFormTests {
    typealias F = RosterFixture

    @Test func dayNumberHeadersWithTitleWeekdaysTotalsAndSummaries() throws {
        let text = """
            2027年3月客服排班表,,,,,,,,,,
            序号,工号,姓名,1,2,3,4,5,6,7,合计
            ,,,一,二,三,四,五,六,日,
            1,P1,张三,M,M,休,D,E,N,,5
            2,P2,李四,假,年假,N,N,-,/,D,3
            3,P3,王五,OFF,E,E,病假,E,休,M,4
            ,,早班人数,1,1,0,0,0,0,1,
            ,,合计,2,3,2,2,2,1,2,
            ,,,,,,,,,,
            """
        let file = try F.read(text)
        #expect(file.layout == .wide)
        #expect(file.headerRow == 2)
        #expect(file.roster.cells[0] == [.work(0), .work(0), .off, .work(1), .work(2), .work(3), .off])
        #expect(file.roster.cells[1] == [.leave, .leave, .work(3), .work(3), .off, .off, .work(1)])
        #expect(file.roster.cells[2] == [.off, .work(2), .work(2), .leave, .work(2), .off, .work(0)])
        #expect(file.leaveKinds[1] == [0: "假", 1: "年假"])
        #expect(file.leaveKinds[2] == [3: "病假"])
        #expect(file.ignoredColumns == ["序号", "合计"])
        #expect(file.missingPeople.isEmpty)
        // In the wide form a blank cell is a rest day the file gives.
        #expect(file.given.allSatisfy { $0.allSatisfy { $0 } })
    }

    @Test func dateHeadersInTheWaysExcelWritesThem() throws {
        let text = """
            姓名,2027-03-01,3/2,3月3日,2027/3/4,3月5日(五),2027年3月6日,7-Mar
            张三,M,D,E,N,M,D,E
            李四,,,,,,,休
            """
        let file = try F.read(text)
        #expect(file.layout == .wide)
        #expect(file.roster.cells[0] == [.work(0), .work(1), .work(2), .work(3), .work(0), .work(1), .work(2)])
        #expect(file.roster.cells[1] == Array(repeating: .off, count: 7))
        #expect(file.missingPeople == [2])
        #expect(file.given[2] == Array(repeating: false, count: 7))
    }

    @Test func dayHeadersWithSuffixesAndWeekdays() throws {
        // 1日, 2号, a weekday under the day in the same cell (Excel's Alt+Enter), and a blank corner cell.
        let text = ",1日,2号,\"3\n三\",4(四),5 周五,6日,7\n张三,M,,,,,,\nP2,,D,,,,,\n"
        let file = try F.read(text)
        #expect(file.roster[0, 0] == .work(0))
        #expect(file.roster[1, 1] == .work(1))
        #expect(file.missingPeople == [2])
    }

    @Test func aPeriodOverTwoMonthsRestartsTheDayNumbers() throws {
        let scenario = F.scenario(start: "2027-03-27", days: 7)
        let file = try F.read("工号,27,28,29,30,31,1,2\nP1,M,D,E,N,M,D,E\n", scenario: scenario)
        #expect(file.roster.cells[0] == [.work(0), .work(1), .work(2), .work(3), .work(0), .work(1), .work(2)])
        // The header row of weekdays is checked against the dates: 27 March 2027 is a Saturday.
        _ = try F.read("工号,27,28,29,30,31,1,2\n,六,日,一,二,三,四,五\nP1,M,D,E,N,M,D,E\n", scenario: scenario)
    }

    @Test func aMonthLongPeriod() throws {
        let scenario = F.scenario(start: "2027-03-01", days: 31)
        let header = "工号,姓名," + (1...31).map(String.init).joined(separator: ",") + ",工时\n"
        let row = "P1,张三," + (1...31).map { $0 % 7 == 0 ? "休" : "D" }.joined(separator: ",") + ",208\n"
        let file = try F.read(header + row, scenario: scenario)
        #expect(file.roster.cells[0].filter { $0 == .off }.count == 4)
        #expect(file.roster[0, 6] == .off)
        #expect(file.ignoredColumns == ["工时"])
    }

    @Test func tabSeparatedUnicodeText() throws {
        let text = "工号\t姓名\t1\t2\t3\t4\t5\t6\t7\nP1\t张三\tM\t\t\t\t\t\tN\nP2\t李四\t休\tD, 顶班\tD\t\t\t\t\n"
        let error = F.expectError(text, row: 3, column: 4, mentions: ["'D, 顶班' is not a shift code"])
        #expect(error?.description.hasPrefix("roster.csv:3:4: cell D3:") == true)
        let file = try F.read(text.replacingOccurrences(of: "D, 顶班", with: "D"))
        #expect(file.delimiter == "\t")
        #expect(file.roster[0, 6] == .work(3))
        #expect(file.roster[1, 1] == .work(1))
    }

    @Test func shiftNamesAndTimesInCells() throws {
        let file = try F.read("姓名,1,2,3\n张三,早班,大夜班,07:00-15:00\n", scenario: F.scenario(days: 3))
        #expect(file.roster.cells[0] == [.work(0), .work(3), .work(0)])
    }

    @Test func weekByWeekBlocks() throws {
        let scenario = F.scenario(days: 14)
        let text = """
            第一周,,,,,,,,
            工号,姓名,3/1,3/2,3/3,3/4,3/5,3/6,3/7
            ,,一,二,三,四,五,六,日
            P1,张三,M,M,M,M,M,休,休
            P2,李四,N,N,休,休,D,D,D

            第二周,,,,,,,,
            工号,姓名,3/8,3/9,3/10,3/11,3/12,3/13,3/14
            ,,一,二,三,四,五,六,日
            P1,张三,D,D,D,D,D,休,休
            P2,李四,E,E,E,E,E,休,休
            """
        let file = try F.read(text, scenario: scenario)
        #expect(file.roster[0, 0] == .work(0))
        #expect(file.roster[0, 7] == .work(1))
        #expect(file.roster[1, 13] == .off)
        #expect(file.roster[1, 8] == .work(2))
        #expect(file.missingPeople == [2])
        // The same day in two blocks is still one day too many; here the weekday row notices first.
        let twice = text.replacingOccurrences(of: "3/8,", with: "3/7,")
        F.expectError(twice, row: 9, column: 3, mentions: ["2027-03-07 is a 日 (Sunday)"], scenario: scenario)
        F.expectError(twice.replacingOccurrences(of: ",,一,二,三,四,五,六,日\n", with: ""), row: 8, column: 3,
                      mentions: ["张三 (P1) already has 2027-03-07 in row 3"], scenario: scenario)
    }

    @Test func oldMacLineEndingsAndFormulaQuotedIds() throws {
        let scenario = F.scenario(days: 2, people: [("001", "张三")])
        let file = try F.read("工号,1,2\r=\"001\",M,D\r", scenario: scenario)
        #expect(file.roster.cells[0] == [.work(0), .work(1)])
    }
}
