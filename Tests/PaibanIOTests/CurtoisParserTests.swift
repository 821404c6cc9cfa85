import CurtoisReference
import Foundation
import PaibanIO
import Testing

/// (instance, days, staff, shift types), as the benchmark's instance table gives them.
private let sizes: [(Int, Int, Int, Int)] = [
    (1, 14, 8, 1), (2, 14, 14, 2), (3, 14, 20, 3), (4, 28, 10, 2), (5, 28, 16, 2), (6, 28, 18, 3),
    (7, 28, 20, 3), (8, 28, 30, 4), (9, 28, 36, 4), (10, 28, 40, 5), (11, 28, 50, 6), (12, 28, 60, 10),
    (13, 28, 120, 18), (14, 42, 32, 4), (15, 42, 45, 6), (16, 56, 20, 3), (17, 56, 32, 4), (18, 84, 22, 3),
    (19, 84, 40, 5), (20, 182, 50, 6), (21, 182, 100, 8), (22, 364, 50, 10), (23, 364, 100, 16), (24, 364, 150, 32),
]

@Suite(.enabled(if: InstanceFiles.available, "Curtois-Qu instance files not found"))
struct CurtoisParserFileTests {
    @Test(arguments: sizes.map { $0.0 })
    func everyInstanceParsesWithTheTabulatedSize(number: Int) throws {
        let instance = try CurtoisParser.parse(path: InstanceFiles.path(number))
        let (_, days, staff, types) = try #require(sizes.first { $0.0 == number })
        #expect(instance.horizonDays == days)
        #expect(instance.staff.count == staff)
        #expect(instance.shiftTypes.count == types)
        #expect(!instance.cover.isEmpty)
    }

    @Test func instance1MatchesTheFile() throws {
        let instance = try CurtoisParser.parse(path: InstanceFiles.path(1))
        #expect(instance.horizonDays == 14)
        #expect(instance.shiftTypes == [.init(id: "D", lengthMinutes: 480, forbiddenSuccessors: [])])
        #expect(instance.staff.map(\.id) == ["A", "B", "C", "D", "E", "F", "G", "H"])
        // A,D=14,4320,3360,5,2,2,1
        #expect(instance.staff[0] == .init(id: "A", maxShifts: ["D": 14], maxTotalMinutes: 4320, minTotalMinutes: 3360,
                                           maxConsecutiveShifts: 5, minConsecutiveShifts: 2, minConsecutiveDaysOff: 2, maxWeekends: 1))
        #expect(instance.daysOff.count == 8)
        #expect(instance.daysOff[1] == .init(staff: "B", days: [5]))
        #expect(instance.fixedDaysOff(of: "H") == [7])
        #expect(instance.shiftOnRequests.count == 21)
        #expect(instance.shiftOnRequests[2] == .init(staff: "B", day: 0, shift: "D", weight: 3))
        #expect(instance.shiftOffRequests.count == 5)
        #expect(instance.shiftOffRequests[2] == .init(staff: "F", day: 8, shift: "D", weight: 3))
        #expect(instance.cover.count == 14)
        #expect(instance.cover[1] == .init(day: 1, shift: "D", requirement: 7, underWeight: 100, overWeight: 1))
        #expect(instance.cover[10].requirement == 2)
        #expect(instance.cover.allSatisfy { $0.underWeight == 100 && $0.overWeight == 1 })
    }

    @Test func instance24IsTheLargest() throws {
        let instance = try CurtoisParser.parse(path: InstanceFiles.path(24))
        #expect(instance.horizonDays == 364)
        #expect(instance.staff.count == 150)
        #expect(instance.shiftTypes.count == 32)
        #expect(instance.cover.count == 364 * 32)
        #expect(instance.cover.last == .init(day: 363, shift: "n6", requirement: 4, underWeight: 100, overWeight: 1))
        #expect(instance.shiftOnRequests.count == 9540)
        #expect(instance.shiftOffRequests.count == 4269)
        // a4,720,a1|a2|…|d8 — names shifts declared further down
        let a4 = try #require(instance.shiftType("a4"))
        #expect(a4.lengthMinutes == 720)
        #expect(a4.forbiddenSuccessors.count == 15)
        #expect(a4.forbiddenSuccessors.last == "d8")
        let a = try #require(instance.staffMember("A"))
        #expect(a.maxShifts.count == 32)
        #expect(a.maxShifts["a3"] == 74)
        #expect(a.maxShifts["n6"] == 0)
        #expect(a.maxTotalMinutes == 112320)
        #expect(a.minTotalMinutes == 111600)
        #expect(a.maxWeekends == 26)
        #expect(instance.fixedDaysOff(of: "A").prefix(3) == [21, 22, 23])
    }
}

/// Broken files: each is an InputError naming the line (and column) of the problem.
@Suite struct CurtoisParserErrorTests {
    static let valid = """
    # comment

    SECTION_HORIZON
    7

    SECTION_SHIFTS
    D,480,L
    L,600,

    SECTION_STAFF
    A,D=7|L=3,2400,960,5,1,1,1
    B,D=7|L=0,2400,960,5,1,1,1

    SECTION_DAYS_OFF
    A,0,6

    SECTION_SHIFT_ON_REQUESTS
    B,2,D,3

    SECTION_SHIFT_OFF_REQUESTS
    A,3,L,2

    SECTION_COVER
    0,D,1,100,1
    0,L,1,100,1
    """

    /// `valid` with the first occurrence of `old` replaced.
    static func broken(_ old: String, _ new: String) throws -> String {
        let range = try #require(valid.range(of: old))
        return valid.replacingCharacters(in: range, with: new)
    }

    static func expectError(_ text: String, line: Int, column: Int? = nil, mentions: [String],
                            sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            _ = try CurtoisParser.parse(text: text, file: "bad.txt")
            Issue.record("parsed without error", sourceLocation: sourceLocation)
        } catch let error as InputError {
            #expect(error.file == "bad.txt", sourceLocation: sourceLocation)
            #expect(error.line == line, "\(error)", sourceLocation: sourceLocation)
            if let column { #expect(error.column == column, "\(error)", sourceLocation: sourceLocation) }
            for word in mentions { #expect(error.message.contains(word), "\(error)", sourceLocation: sourceLocation) }
        } catch {
            Issue.record("not an InputError: \(error)", sourceLocation: sourceLocation)
        }
    }

    @Test func theFixtureItselfIsValid() throws {
        let instance = try CurtoisParser.parse(text: Self.valid, file: "ok.txt")
        #expect(instance.horizonDays == 7)
        #expect(instance.shiftTypes.map(\.forbiddenSuccessors) == [["L"], []])
        #expect(instance.staff[1].maxShifts == ["D": 7, "L": 0])
        #expect(instance.daysOff == [.init(staff: "A", days: [0, 6])])
        #expect(instance.shiftOffRequests == [.init(staff: "A", day: 3, shift: "L", weight: 2)])
        #expect(instance.cover.count == 2)
    }

    @Test func crlfLineEndingsAreAccepted() throws {
        let instance = try CurtoisParser.parse(text: Self.valid.replacingOccurrences(of: "\n", with: "\r\n"), file: "ok.txt")
        #expect(instance == (try CurtoisParser.parse(text: Self.valid, file: "ok.txt")))
    }

    @Test func unknownSection() throws {
        Self.expectError(try Self.broken("SECTION_COVER", "SECTION_COVERS"), line: 23, column: 1,
                         mentions: ["unknown section 'SECTION_COVERS'"])
    }

    @Test func repeatedSection() throws {
        Self.expectError(try Self.broken("SECTION_COVER", "SECTION_SHIFTS"), line: 23, mentions: ["second time", "line 6"])
    }

    @Test func dataBeforeAnySection() throws {
        Self.expectError(try Self.broken("# comment", "14"), line: 1, mentions: ["before the first SECTION_"])
    }

    @Test func wrongFieldCountInStaff() throws {
        Self.expectError(try Self.broken("B,D=7|L=0,2400,960,5,1,1,1", "B,D=7|L=0,2400,960,5,1,1"), line: 12,
                         mentions: ["expected 8 fields", "found 7"])
    }

    @Test func wrongFieldCountInCover() throws {
        Self.expectError(try Self.broken("0,L,1,100,1", "0,L,1,100"), line: 25, mentions: ["expected 5 fields", "found 4"])
    }

    @Test func wrongFieldCountInShifts() throws {
        Self.expectError(try Self.broken("L,600,", "L,600"), line: 8, mentions: ["expected 3 fields"])
    }

    @Test func undeclaredShiftInCover() throws {
        Self.expectError(try Self.broken("0,L,1,100,1", "0,N,1,100,1"), line: 25, column: 3,
                         mentions: ["'N'", "not declared in SECTION_SHIFTS"])
    }

    @Test func undeclaredShiftAsSuccessor() throws {
        Self.expectError(try Self.broken("D,480,L", "D,480,L|X"), line: 7, column: 9, mentions: ["'X'", "successor"])
    }

    @Test func undeclaredShiftInMaxShifts() throws {
        Self.expectError(try Self.broken("A,D=7|L=3", "A,D=7|E=3"), line: 11, column: 7, mentions: ["'E'", "MaxShifts"])
    }

    @Test func undeclaredStaffInRequest() throws {
        Self.expectError(try Self.broken("B,2,D,3", "Z,2,D,3"), line: 18, column: 1,
                         mentions: ["'Z'", "not declared in SECTION_STAFF"])
    }

    @Test func undeclaredStaffInDaysOff() throws {
        Self.expectError(try Self.broken("A,0,6", "Q,0,6"), line: 15, mentions: ["'Q'"])
    }

    @Test func nonNumberWeight() throws {
        Self.expectError(try Self.broken("A,3,L,2", "A,3,L,two"), line: 21, column: 7, mentions: ["weight 'two'", "not a whole number"])
    }

    @Test func nonNumberHorizon() throws {
        Self.expectError(try Self.broken("\n7\n", "\nseven\n"), line: 4, column: 1, mentions: ["horizon 'seven'"])
    }

    @Test func nonNumberCap() throws {
        Self.expectError(try Self.broken("L=3", "L=x"), line: 11, column: 9, mentions: ["'x'"])
    }

    @Test func nonNumberShiftLength() throws {
        Self.expectError(try Self.broken("L,600,", "L,6h,"), line: 8, column: 3, mentions: ["length"])
    }

    @Test func dayOutsideTheHorizon() throws {
        Self.expectError(try Self.broken("A,0,6", "A,0,7"), line: 15, column: 5, mentions: ["outside the horizon"])
    }

    @Test func duplicateStaffID() throws {
        Self.expectError(try Self.broken("B,D=7", "A,D=7"), line: 12, column: 1, mentions: ["declared twice"])
    }

    @Test func missingStaffSection() throws {
        let text = try Self.broken("SECTION_STAFF\nA,D=7|L=3,2400,960,5,1,1,1\nB,D=7|L=0,2400,960,5,1,1,1\n", "")
        Self.expectError(text, line: text.split(separator: "\n", omittingEmptySubsequences: false).count,
                         mentions: ["missing SECTION_STAFF"])
    }

    @Test func unreadableFile() {
        #expect(throws: InputError.self) { try CurtoisParser.parse(path: "/nonexistent/Instance99.txt") }
    }
}
