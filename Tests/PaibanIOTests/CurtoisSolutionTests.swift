import CurtoisReference
import Foundation
import PaibanIO
import Testing

/// A three-employee, one-week instance small enough to spell its outputs out by hand.
private let tinyInstanceText = """
SECTION_HORIZON
7

SECTION_SHIFTS
D,480,
N,600,D

SECTION_STAFF
A,D=7|N=7,4000,0,7,1,1,1
B,D=7|N=7,4000,0,7,1,1,1
C,D=7|N=7,4000,0,7,1,1,1
"""

private func tinyInstance() throws -> CurtoisInstance {
    try CurtoisParser.parse(text: tinyInstanceText, file: "tiny.txt")
}

/// A: D D - - N N -, B: off all week, C: N - D D D - D.
private func tinySolution() throws -> CurtoisSolution {
    try CurtoisSolution(instance: tinyInstance(), shifts: [
        ["D", "D", nil, nil, "N", "N", nil],
        [nil, nil, nil, nil, nil, nil, nil],
        ["N", nil, "D", "D", "D", nil, "D"],
    ])
}

/// `text` read against the tiny instance must fail on `line` and say every one of `mentions`.
private func expectError(_ text: String, line: Int, column: Int? = nil, mentions: [String],
                         sourceLocation: SourceLocation = #_sourceLocation) throws {
    let instance = try tinyInstance()
    do {
        _ = try CurtoisSolution.read(text: text, file: "sol.txt", instance: instance)
        Issue.record("read without error", sourceLocation: sourceLocation)
    } catch let error as InputError {
        #expect(error.line == line, "\(error)", sourceLocation: sourceLocation)
        // The line (and column) must reach the person: the description is what gets printed.
        let place = "sol.txt:\(line)" + (column.map { ":\($0)" } ?? "") + ": "
        #expect(error.description.hasPrefix(place), "\(error)", sourceLocation: sourceLocation)
        if let column { #expect(error.column == column, "\(error)", sourceLocation: sourceLocation) }
        for word in mentions { #expect(error.message.contains(word), "\(error)", sourceLocation: sourceLocation) }
    }
}

@Suite struct CurtoisSolutionTextTests {
    @Test func textIsOneTabSeparatedLinePerEmployee() throws {
        #expect(try tinySolution().text() == "D\tD\t\t\tN\tN\t\n\t\t\t\t\t\t\nN\t\tD\tD\tD\t\tD\n")
    }

    /// The benchmark's layout, and the variants `read` promises to accept besides it.
    @Test(arguments: [
        "D\tD\t\t\tN\tN\t\n\t\t\t\t\t\t\nN\t\tD\tD\tD\t\tD\n",          // as written
        "D\tD\t\t\tN\tN\t\n\t\t\t\t\t\t\nN\t\tD\tD\tD\t\tD",            // no final newline
        "D\tD\t\t\tN\tN\t\r\n\t\t\t\t\t\t\r\nN\t\tD\tD\tD\t\tD\r\n",    // CRLF
        "D,D,,,N,N,\r\n,,,,,,\r\nN,,D,D,D,,D\r\n",                      // commas
        "D, D, , , N ,N,\n,,,,,,\nN,,D,D,D,,D\n\n\n",                   // spaces around ids, blank lines after
        "\u{FEFF}D\tD\t\t\tN\tN\t\n\t\t\t\t\t\t\nN\t\tD\tD\tD\t\tD\n",  // byte order mark
    ])
    func textReadsBack(text: String) throws {
        let solution = try tinySolution()
        #expect(try CurtoisSolution.read(text: text, file: "sol.txt", instance: solution.instance) == solution)
    }

    @Test func tooFewLines() throws {
        try expectError("D\tD\t\t\tN\tN\t\n\t\t\t\t\t\t\n", line: 3,
                        mentions: ["expected 3 lines", "found 2", "no line for employee 'C'"])
    }

    @Test func tooManyLines() throws {
        try expectError("D\tD\t\t\tN\tN\t\n\t\t\t\t\t\t\nN\t\tD\tD\tD\t\tD\nD\t\t\t\t\t\t\n", line: 4,
                        mentions: ["expected 3 lines", "found 4", "no employee"])
    }

    @Test func wrongNumberOfDaysOnALine() throws {
        try expectError("D\tD\t\t\tN\tN\t\n\t\t\t\t\t\nN\t\tD\tD\tD\t\tD\n", line: 2,
                        mentions: ["expected 7 fields", "employee 'B'", "found 6", "tabs"])
    }

    @Test func unknownShiftID() throws {
        try expectError("D\tD\t\t\tN\tN\t\n\t\t\t\t\t\t\nN\t\tD\tE\tD\t\tD\n", line: 3, column: 6,
                        mentions: ["unknown shift id 'E'", "employee 'C'", "day 3", "D, N"])
    }

    @Test func unknownShiftIDInACommaFile() throws {
        try expectError("D,D,,,N,N,\n,,,,,,x\nN,,D,D,D,,D\n", line: 2, column: 7, mentions: ["unknown shift id 'x'", "day 6"])
    }

    @Test func emptyFile() throws {
        try expectError("", line: 1, mentions: ["found 0", "no line for employee 'A'"])
    }
}

@Suite struct CurtoisSolutionXMLTests {
    @Test func xmlIsTheRosterLayout() throws {
        #expect(try tinySolution().xml(periodFile: "Tiny.ros", penalty: 12) == """
        <?xml version="1.0" encoding="UTF-8"?>
        <Roster xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="Roster.xsd">
          <SchedulingPeriodFile>Tiny.ros</SchedulingPeriodFile>
          <Penalty>12</Penalty>
          <Employee ID="A">
            <Assign><Day>0</Day><Shift>D</Shift></Assign>
            <Assign><Day>1</Day><Shift>D</Shift></Assign>
            <Assign><Day>4</Day><Shift>N</Shift></Assign>
            <Assign><Day>5</Day><Shift>N</Shift></Assign>
          </Employee>
          <Employee ID="B"/>
          <Employee ID="C">
            <Assign><Day>0</Day><Shift>N</Shift></Assign>
            <Assign><Day>2</Day><Shift>D</Shift></Assign>
            <Assign><Day>3</Day><Shift>D</Shift></Assign>
            <Assign><Day>4</Day><Shift>D</Shift></Assign>
            <Assign><Day>6</Day><Shift>D</Shift></Assign>
          </Employee>
        </Roster>

        """)
    }

    @Test func penaltyIsLeftOutWhenNotGivenAndNamesAreEscaped() throws {
        let xml = try tinySolution().xml(periodFile: "../R&D/Tiny.ros", penalty: nil)
        #expect(!xml.contains("<Penalty>"))
        #expect(xml.contains("<SchedulingPeriodFile>../R&amp;D/Tiny.ros</SchedulingPeriodFile>"))
    }

    @Test func xmlReadsBack() throws {
        let solution = try tinySolution()
        let xml = solution.xml(periodFile: "Tiny.ros", penalty: 12)
        #expect(try CurtoisSolution.read(text: xml, file: "sol.ros", instance: solution.instance) == solution)
    }

    /// Written by hand the way other tools write it: no namespace, Shift before Day, a Date, single quotes,
    /// "-" for no shift (as the .ros instances do), CRLF, and B left out because B has no shifts.
    static let handWritten = """
    <?xml version="1.0" encoding="UTF-8"?>
    <Roster>
      <SchedulingPeriodFile>Tiny.ros</SchedulingPeriodFile>
      <!-- hand-written: Shift before Day, a Date, single quotes, a "-" shift -->
      <Employee ID='A'>
        <Assign><Shift>D</Shift><Day>0</Day></Assign>
        <Assign>
          <Date>2014-01-07</Date>
          <Shift>D</Shift>
        </Assign>
        <Assign><Day>2</Day><Shift>-</Shift></Assign>
        <Assign><Day>4</Day><Shift>N</Shift></Assign>
        <Assign><Day>5</Day><Shift>N</Shift></Assign>
      </Employee>
      <Employee ID="C">
        <Assign><Day>0</Day><Shift>N</Shift></Assign>
        <Assign><Day>2</Day><Shift>D</Shift></Assign>
        <Assign><Day>3</Day><Shift>D</Shift></Assign>
        <Assign><Day>4</Day><Shift>D</Shift></Assign>
        <Assign><Day>6</Day><Shift>D</Shift></Assign>
      </Employee>
    </Roster>
    """

    @Test func handWrittenXMLIsRead() throws {
        let solution = try tinySolution()
        let text = Self.handWritten.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(try CurtoisSolution.read(text: text, file: "sol.ros", instance: solution.instance) == solution)
    }

    /// (replace, with, line, mentions) on `handWritten`.
    static let broken: [(String, String, Int, [String])] = [
        ("<Day>6</Day><Shift>D</Shift>", "<Day>6</Day><Shift>X</Shift>", 20, ["unknown shift id 'X'", "employee 'C'", "day 6"]),
        ("<Day>4</Day><Shift>D</Shift>", "<Day>7</Day><Shift>D</Shift>", 19, ["day '7'", "0 to 6"]),
        ("<Employee ID=\"C\">", "<Employee ID=\"Z\">", 15, ["employee 'Z' is not in the instance", "A, B, C"]),
        ("<Day>3</Day>", "<Day>2</Day>", 18, ["employee 'C'", "second <Assign> on day 2"]),
        ("2014-01-07", "2014-01-20", 8, ["date '2014-01-20'", "7 days from 2014-01-06"]),
        ("2014-01-07", "2014-02-30", 8, ["date '2014-02-30'"]),
        ("<Roster>", "<SchedulingPeriod>", 2, ["expected a <Roster>", "<SchedulingPeriod>"]),
        ("<Assign><Day>4</Day><Shift>N</Shift></Assign>", "<Assign><Day>4</Day></Assign>", 12, ["no <Shift>"]),
        ("<!-- hand-written: Shift before Day, a Date, single quotes, a \"-\" shift -->",
         "<Assign><Day>1</Day><Shift>D</Shift></Assign>", 4, ["outside an <Employee"]),
        ("<Employee ID='A'>", "<Employee>", 5, ["no ID attribute"]),
        ("</Roster>", "<Employee ID=\"B\"><Assign><Day>1", 22, ["ends inside the <Assign> opened on line 22"]),
    ]

    @Test(arguments: broken.indices)
    func brokenXMLNamesTheLine(index: Int) throws {
        let (old, new, line, mentions) = Self.broken[index]
        let range = try #require(Self.handWritten.range(of: old))
        try expectError(Self.handWritten.replacingCharacters(in: range, with: new), line: line, mentions: mentions)
    }
}

/// Round trips on real instances, read with the existing parser. Skipped where the files are absent.

@Suite(.enabled(if: InstanceFiles.available, "Curtois-Qu instance files not found"))
struct CurtoisSolutionFileTests {
    /// A roster touching every shift type and plenty of days off; feasibility does not matter to the layouts.
    static func patterned(_ instance: CurtoisInstance) -> CurtoisSolution {
        let ids = instance.shiftTypes.map(\.id)
        let shifts = instance.staff.indices.map { employee in
            (0 ..< instance.horizonDays).map { day -> String? in
                let k = (3 * employee + day) % (ids.count + 2)
                return k < ids.count ? ids[k] : nil
            }
        }
        return CurtoisSolution(instance: instance, shifts: shifts)
    }

    @Test(arguments: [1, 7])
    func textRoundTrip(number: Int) throws {
        let instance = try CurtoisParser.parse(path: InstanceFiles.path(number))
        let solution = Self.patterned(instance)
        let text = solution.text()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == instance.staff.count)
        #expect(lines.allSatisfy { $0.filter { $0 == "\t" }.count == instance.horizonDays - 1 })
        #expect(try CurtoisSolution.read(text: text, file: "Instance\(number).sol", instance: instance) == solution)
    }

    @Test(arguments: [1, 7])
    func xmlRoundTrip(number: Int) throws {
        let instance = try CurtoisParser.parse(path: InstanceFiles.path(number))
        let solution = Self.patterned(instance)
        let xml = solution.xml(periodFile: "Instance\(number).ros", penalty: 1056)
        #expect(xml.contains("<SchedulingPeriodFile>Instance\(number).ros</SchedulingPeriodFile>\n  <Penalty>1056</Penalty>"))
        #expect(xml.components(separatedBy: "<Employee ID=").count - 1 == instance.staff.count)
        #expect(try CurtoisSolution.read(text: xml, file: "Instance\(number).roster", instance: instance) == solution)
    }

    /// The instance's own XML is not a solution; saying so beats reading it as an empty roster.
    @Test func theInstanceFileIsNotASolution() throws {
        let instance = try CurtoisParser.parse(path: InstanceFiles.path(1))
        let ros = try String(contentsOfFile: "\(InstanceFiles.directory)/ros/Instance1.ros", encoding: .utf8)
        do {
            _ = try CurtoisSolution.read(text: ros, file: "Instance1.ros", instance: instance)
            Issue.record("read without error")
        } catch let error as InputError {
            #expect(error.line == 2)
            #expect(error.description.hasPrefix("Instance1.ros:2: expected a <Roster> solution"), "\(error)")
            #expect(error.message.contains("is this the instance file?"))
        }
    }
}
