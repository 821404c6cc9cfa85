import Foundation
import Paiban
import PaibanIO
import Testing

/// Small scenarios and helpers shared by the RosterReader suites.
enum RosterFixture {
    static func date(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }

    static let shifts = [
        ShiftType(code: "M", name: "早班", start: 7 * 60, end: 15 * 60),
        ShiftType(code: "D", name: "白班", start: 9 * 60, end: 17 * 60),
        ShiftType(code: "E", name: "小夜班", start: 14 * 60, end: 22 * 60),
        ShiftType(code: "N", name: "大夜班", start: 22 * 60, end: 6 * 60),
    ]

    static let people = [("P1", "张三"), ("P2", "李四"), ("P3", "王五")]

    /// Four shifts M D E N; P1 张三, P2 李四, P3 王五 unless told otherwise; 1-7 March 2027 unless told otherwise.
    static func scenario(start: String = "2027-03-01", days: Int = 7, people: [(String, String)] = people) -> Scenario {
        let first = date(start)
        let period = Period(start: first, end: first.adding(days: days - 1))
        return Scenario(name: "test", period: period, shifts: shifts,
                        staff: people.map { Staff(id: $0.0, name: $0.1, group: "team") },
                        demand: Demand(days: days, slotMinutes: 60, groups: [Demand.anyGroup]))
    }

    static func read(_ text: String, scenario: Scenario = scenario(), encoding: TextEncoding? = nil,
                     role: RosterReader.Role = .current) throws -> RosterFile {
        try read(bytes: Array(text.utf8), scenario: scenario, encoding: encoding, role: role)
    }

    static func read(bytes: [UInt8], scenario: Scenario = scenario(), encoding: TextEncoding? = nil,
                     role: RosterReader.Role = .current) throws -> RosterFile {
        try RosterReader.read(data: Data(bytes), file: "roster.csv", scenario: scenario, encoding: encoding, role: role)
    }

    /// The InputError reading `text` throws, checked for its row, column and words.
    @discardableResult
    static func expectError(_ text: String, row: Int?, column: Int?, mentions: [String], scenario: Scenario = scenario(),
                            role: RosterReader.Role = .current, sourceLocation: SourceLocation = #_sourceLocation) -> InputError? {
        expectError(bytes: Array(text.utf8), row: row, column: column, mentions: mentions, scenario: scenario, role: role,
                    sourceLocation: sourceLocation)
    }

    @discardableResult
    static func expectError(bytes: [UInt8], row: Int?, column: Int?, mentions: [String], scenario: Scenario = scenario(),
                            encoding: TextEncoding? = nil, role: RosterReader.Role = .current,
                            sourceLocation: SourceLocation = #_sourceLocation) -> InputError? {
        do {
            let file = try read(bytes: bytes, scenario: scenario, encoding: encoding, role: role)
            Issue.record("expected an error, read a \(file.layout) roster", sourceLocation: sourceLocation)
            return nil
        } catch let error as InputError {
            #expect(error.file == "roster.csv", sourceLocation: sourceLocation)
            #expect(error.line == row, "\(error)", sourceLocation: sourceLocation)
            #expect(error.column == column, "\(error)", sourceLocation: sourceLocation)
            for word in mentions {
                #expect(error.message.contains(word), "'\(word)' not in: \(error.message)", sourceLocation: sourceLocation)
            }
            return error
        } catch {
            Issue.record("expected an InputError, got \(error)", sourceLocation: sourceLocation)
            return nil
        }
    }

    /// Text in GBK: the Chinese words the tests use, byte for byte as Excel on Chinese Windows saves them.
    static func gbk(_ text: String) -> [UInt8] {
        let words: [String: [UInt8]] = [
            "工号": [0xB9, 0xA4, 0xBA, 0xC5], "姓名": [0xD0, 0xD5, 0xC3, 0xFB], "张三": [0xD5, 0xC5, 0xC8, 0xFD],
            "李四": [0xC0, 0xEE, 0xCB, 0xC4], "王五": [0xCD, 0xF5, 0xCE, 0xE5], "休": [0xD0, 0xDD], "假": [0xBC, 0xD9],
            "日期": [0xC8, 0xD5, 0xC6, 0xDA], "班次": [0xB0, 0xE0, 0xB4, 0xCE],
        ]
        var out: [UInt8] = []
        var rest = Substring(text)
        outer: while let c = rest.first {
            for (word, bytes) in words where rest.hasPrefix(word) {
                out += bytes
                rest = rest.dropFirst(word.count)
                continue outer
            }
            precondition(c.isASCII, "no GBK bytes for \(c) in the fixture")
            out += Array(String(c).utf8)
            rest = rest.dropFirst()
        }
        return out
    }
}

/// The long form: what `paiban solve` writes and anything laid out like it.
@Suite struct RosterReaderTests {
    typealias F = RosterFixture

    /// A roster with every kind of cell, written out the way RosterCSV.render does.
    static let sample: Roster = {
        var roster = Roster(people: 3, days: 7)
        let pattern: [[Assignment]] = [
            [.work(0), .work(0), .off, .work(1), .work(2), .work(3), .off],
            [.leave, .leave, .work(3), .work(3), .off, .off, .work(1)],
            [.off, .work(2), .work(2), .work(2), .work(2), .off, .work(0)],
        ]
        roster.cells = pattern
        return roster
    }()

    static func render(_ roster: Roster, _ scenario: Scenario) -> String {
        var out = "employee_id,employee_name,date,shift\n"
        for (p, person) in scenario.staff.enumerated() {
            for d in 0..<scenario.dayCount {
                let code: String
                switch roster[p, d] {
                case .off: code = "OFF"
                case .leave: code = "LEAVE"
                case .work(let s): code = scenario.shifts[s].code
                }
                out += "\(person.id),\(person.name),\(scenario.period.date(d).iso),\(code)\n"
            }
        }
        return out
    }

    @Test func readsBackWhatSolveWrites() throws {
        let scenario = F.scenario()
        let text = Self.render(Self.sample, scenario)
        let file = try F.read(text, scenario: scenario)
        #expect(file.layout == .long)
        #expect(file.encoding == .utf8)
        #expect(file.delimiter == ",")
        #expect(file.headerRow == 1)
        #expect(file.roster == Self.sample)
        #expect(file.missingPeople.isEmpty)
        #expect(file.given.allSatisfy { $0.allSatisfy { $0 } })
        #expect(file.leaveKinds[1] == [0: "LEAVE", 1: "LEAVE"])
        #expect(file.earlier.allSatisfy { $0.isEmpty })
        #expect(file.period == scenario.period)
    }

    @Test func readsTheFileFromItsPath() throws {
        let scenario = F.scenario()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("paiban-roster-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(FileManager.default.createFile(atPath: path, contents: Data(Self.render(Self.sample, scenario).utf8)))
        let file = try RosterReader.read(path: path, scenario: scenario)
        #expect(file.roster == Self.sample)
        #expect(file.file == path)
        #expect(throws: InputError.self) { try RosterReader.read(path: path + ".missing", scenario: scenario) }
    }

    @Test func chineseHeadersCRLFQuotesAndExtraColumns() throws {
        let text = "工号,姓名,日期,星期,班次,备注\r\n"
            + "P1,张三,2027/3/1,一,M,\"早到, 帮忙开门\"\r\n"
            + "P1,张三,2027-3-2,二,休,\r\n"
            + "P2,李四,3月1日,一,年假,\"说 \"\"家里有事\"\"\r\n第二行\"\r\n"
            + "P2,李四,2027年3月2日,二,N,\r\n"
            + "P3,王五,20270301,一,OFF,\r\n"
            + "\r\n\r\n"
        let file = try F.read(text)
        #expect(file.layout == .long)
        #expect(file.roster[0, 0] == .work(0))
        #expect(file.roster[0, 1] == .off)
        #expect(file.roster[1, 0] == .leave)
        #expect(file.roster[1, 1] == .work(3))
        #expect(file.roster[2, 0] == .off)
        #expect(file.leaveKinds[1][0] == "年假")
        #expect(file.ignoredColumns == ["星期", "备注"])
        // Days the long form leaves out are not given, and stay off.
        #expect(file.given[0] == [true, true, false, false, false, false, false])
        #expect(file.roster[0, 4] == .off)
    }

    @Test func idOnlyOrNameOnly() throws {
        let byID = try F.read("id,date,shift\nP2,2027-03-03,E\n")
        #expect(byID.roster[1, 2] == .work(2))
        #expect(byID.missingPeople == [0, 2])
        let byName = try F.read("employee_name,date,shift\n王五,2027-03-07,D\n")
        #expect(byName.roster[2, 6] == .work(1))
        #expect(byName.missingPeople == [0, 1])
    }

    @Test func matchesIdFirstThenName() throws {
        // The id wins over a misspelt name; an unknown id falls back on the name.
        let file = try F.read("employee_id,employee_name,date,shift\nP1,张叁,2027-03-01,M\nX9,李四,2027-03-01,D\n")
        #expect(file.roster[0, 0] == .work(0))
        #expect(file.roster[1, 0] == .work(1))
    }

    @Test func forgivesWhatSpreadsheetsAndInputMethodsDo() throws {
        // Excel drops the zeros of "007"; names padded with spaces; full-width letters from a Chinese input method.
        let scenario = F.scenario(people: [("007", "张三"), ("P2", "欧阳娜娜")])
        let file = try F.read("工号,姓名,日期,班次\n7,张三,2027-03-01,Ｍ\n,张  三,2027-03-02,早班\n, 欧阳娜娜 ,2027-03-01,m\n"
                              + "P2,,2027-03-02,22:00-06:00\n", scenario: scenario)
        #expect(file.roster[0, 0] == .work(0))
        #expect(file.roster[0, 1] == .work(0))
        #expect(file.roster[1, 0] == .work(0))
        #expect(file.roster[1, 1] == .work(3))
    }

    @Test func encodingNames() {
        #expect(TextEncoding(name: "UTF-8") == .utf8)
        #expect(TextEncoding(name: "utf8") == .utf8)
        #expect(TextEncoding(name: "GB18030") == .gb18030)
        #expect(TextEncoding(name: "gbk") == .gbk)
        #expect(TextEncoding(name: "cp936") == .gbk)
        #expect(TextEncoding(name: "utf-16") == .utf16LE)
        #expect(TextEncoding(name: "latin1") == nil)
    }
}
