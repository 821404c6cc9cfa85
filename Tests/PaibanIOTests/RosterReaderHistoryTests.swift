import Foundation
import Paiban
import PaibanIO
import Testing

/// `--previous`: the roster of the days before the period gives each person's history.
@Suite struct RosterReaderHistoryTests {
    typealias F = RosterFixture

    @Test func aPreviousLongRosterGivesTheDaysBeforeThePeriod() throws {
        let text = """
            employee_id,employee_name,date,shift
            P1,张三,2027-02-24,M
            P1,张三,2027-02-25,N
            P1,张三,2027-02-26,OFF
            P1,张三,2027-02-27,N
            P1,张三,2027-02-28,N
            P2,李四,2027-02-25,D
            P2,李四,2027-02-27,D
            P2,李四,2027-02-28,LEAVE
            P3,王五,2027-02-26,E
            """
        let file = try F.read(text, role: .previous)
        #expect(file.history(for: 0) == [0, 3, nil, 3, 3])
        // A day the file does not give breaks the run: only the days after it count.
        #expect(file.history(for: 1) == [1, nil])
        // Nothing on the day before the period: no history.
        #expect(file.history(for: 2) == [])
        #expect(file.earlier[2] == [DatedAssignment(date: F.date("2027-02-26"), assignment: .work(2))])
        #expect(file.roster == Roster(people: 3, days: 7))
        #expect(file.given.allSatisfy { $0.allSatisfy { !$0 } })
        #expect(file.history(for: 7) == [])

        // The same file as the roster of the period is an error: its dates come before it.
        F.expectError(text, row: 2, column: 3, mentions: ["2027-02-24 is outside the period", "previous roster"])
    }

    @Test func historyFitsTheScenario() throws {
        var scenario = F.scenario()
        let file = try F.read("id,date,shift\nP1,2027-02-27,E\nP1,2027-02-28,N\n", scenario: scenario, role: .previous)
        for p in scenario.staff.indices { scenario.staff[p].history = file.history(for: p) }
        let roster = Roster(people: 3, days: 7)
        #expect(roster.shift(0, -1, in: scenario) == 3)
        #expect(roster.shift(0, -2, in: scenario) == 2)
        #expect(roster.shift(0, -3, in: scenario) == nil)
    }

    @Test func dayNumbersOfAPreviousWideRosterCountBackFromThePeriod() throws {
        // The February table, read for a March scenario: its day numbers are February's.
        let header = "工号,姓名," + (1...28).map(String.init).joined(separator: ",")
        let p1 = "P1,张三," + Array(repeating: "", count: 23).joined(separator: ",") + ",M,M,休,N,N"
        let p2 = "P2,李四," + Array(repeating: "D", count: 28).joined(separator: ",")
        let file = try F.read([header, p1, p2].joined(separator: "\n"), role: .previous)
        #expect(file.layout == .wide)
        #expect(file.earlier[0].count == 28)
        #expect(file.earlier[0].first?.date == F.date("2027-02-01"))
        // Blank cells of the wide form are rest days, so the whole month is history.
        #expect(file.history(for: 0) == Array(repeating: nil, count: 23) + [0, 0, nil, 3, 3])
        #expect(file.history(for: 1) == Array(repeating: 1, count: 28))
        #expect(file.missingPeople == [2])
    }

    @Test func aPreviousRosterThatSpansTwoMonths() throws {
        // Periods from the 16th to the 15th: the previous table runs 16 ... 28, 1 ... 15.
        let scenario = F.scenario(start: "2027-03-16", days: 7)
        let days = Array(16...28) + Array(1...15)
        let header = "姓名," + days.map(String.init).joined(separator: ",")
        let row = "张三," + days.map { $0 == 15 ? "N" : $0 == 16 ? "M" : "D" }.joined(separator: ",")
        let file = try F.read(header + "\n" + row, scenario: scenario, role: .previous)
        #expect(file.earlier[0].first?.date == F.date("2027-02-16"))
        #expect(file.earlier[0].last?.date == F.date("2027-03-15"))
        #expect(file.history(for: 0).count == 28)
        #expect(file.history(for: 0).first == 0)
        #expect(file.history(for: 0).last == 3)
    }

    @Test func peopleWhoLeftAreSkippedInAPreviousRoster() throws {
        let text = "工号,姓名,26,27,28\nP1,张三,M,M,M\nP8,孙七,N,N,N\n"
        let file = try F.read(text, role: .previous)
        #expect(file.peopleNotInScenario == ["P8"])
        #expect(file.history(for: 0) == [0, 0, 0])
        // In the roster of the period they are an error.
        F.expectError("工号,姓名,1,2,3\nP1,张三,M,M,M\nP8,孙七,N,N,N\n", row: 3, column: 1, mentions: ["no person with id 'P8'"])
    }

    @Test func aPreviousRosterMayOverlapThePeriodButNotGoBeyondIt() throws {
        let file = try F.read("id,date,shift\nP1,2027-02-28,N\nP1,2027-03-01,M\n", role: .previous)
        #expect(file.history(for: 0) == [3])
        #expect(file.roster[0, 0] == .work(0))
        F.expectError("id,date,shift\nP1,2027-02-28,N\nP1,2027-03-08,M\n", row: 3, column: 2, mentions: ["outside the period"], role: .previous)
    }
}
