import Foundation
import Paiban
import PaibanIO
import Testing

/// Unusable scenarios: every one is an InputError naming the line and the problem, never a crash.
@Suite struct ScenarioReaderErrorTests {
    typealias F = YAMLFixtures

    @Test func theFixtureItselfIsValid() throws {
        _ = try ScenarioReader.read(data: Data(F.minimal.utf8), file: "minimal.yaml")
    }

    // MARK: missing and unknown fields

    @Test func missingRequiredFieldOfAPerson() throws {
        let text = try F.minimal(replacing: "    group: 售后\n    requests:", with: "    requests:")
        F.expectError(text, line: try F.line(of: "- id: P3", in: text), mentions: ["missing field 'group'"])
    }

    @Test func missingEndOfAShift() throws {
        let text = try F.minimal(replacing: #"start: "07:00", end: "15:00"}"#, with: #"start: "07:00"}"#)
        F.expectError(text, line: try F.line(of: "code: M", in: text), mentions: ["missing field 'end'"])
    }

    @Test func missingTopLevelSection() throws {
        let text = try F.minimal(replacing: "demand:\n", with: "")
            .replacingOccurrences(of: "  - {from: \"00:00\", to: \"24:00\", required: 1}\n", with: "")
            .replacingOccurrences(of: "  - {group: 售后, from: \"09:00\", to: \"17:00\", required: 1}\n", with: "")
        F.expectError(text, line: 1, mentions: ["missing field 'demand'"])
    }

    @Test func unknownFieldInAContract() throws {
        let text = try F.minimal(replacing: "    rest_days_per_month: 7", with: "    rest_days_per_month: 7\n    hours_targt: 170")
        F.expectError(text, line: try F.line(of: "hours_targt", in: text), mentions: ["unknown field 'hours_targt'", "hours_target"])
    }

    @Test func unknownFieldOnAPerson() throws {
        let text = try F.minimal(replacing: "{id: P1, name: 张三, group: 售前, contract: 全职}", with: "{id: P1, name: 张三, gruop: 售前, contract: 全职}")
        F.expectError(text, line: try F.line(of: "gruop", in: text), mentions: ["unknown field 'gruop'"])
    }

    @Test func unknownTopLevelField() throws {
        let text = try F.minimal(replacing: "groups: [售前, 售后]", with: "groups: [售前, 售后]\nslot_minute: 30")
        F.expectError(text, line: 4, mentions: ["unknown field 'slot_minute'", "slot_minutes"])
    }

    // MARK: references to things that do not exist

    @Test func unknownShiftCodeInHistory() throws {
        let text = try F.minimal(replacing: "history: [M, OFF]", with: "history: [M, X]")
        F.expectError(text, line: try F.line(of: "history", in: text), mentions: ["unknown shift code 'X'"])
    }

    @Test func unknownShiftCodeInARequest() throws {
        let text = try F.minimal(replacing: "- {date: 2027-03-08, off: true}", with: "- {date: 2027-03-08, shift: Z}")
        F.expectError(text, line: try F.line(of: "shift: Z", in: text), mentions: ["unknown shift code 'Z'"])
    }

    @Test func unknownShiftCodeToAvoidInARequest() throws {
        let text = try F.minimal(replacing: "- {date: 2027-03-08, off: true}", with: "- {date: 2027-03-08, avoid: E}")
        F.expectError(text, line: try F.line(of: "avoid: E", in: text), mentions: ["unknown shift code 'E'"])
    }

    @Test(arguments: ["[[N, Q]]", #"["N>Q"]"#, "[[Q, M]]"])
    func unknownShiftCodeInForbiddenSuccessions(pairs: String) throws {
        let text = try F.minimal(replacing: "forbidden_successions: [[N, M]]", with: "forbidden_successions: \(pairs)")
        F.expectError(text, line: try F.line(of: "forbidden_successions", in: text), mentions: ["unknown shift code 'Q'"])
    }

    @Test func unknownNamedContract() throws {
        let text = try F.minimal(replacing: "group: 售前, contract: 全职}", with: "group: 售前, contract: 兼职}")
        F.expectError(text, line: try F.line(of: "兼职", in: text), mentions: ["unknown contract '兼职'", "全职"])
    }

    @Test func demandForAnUndeclaredGroup() throws {
        let text = try F.minimal(replacing: "{group: 售后, from", with: "{group: VIP, from")
        F.expectError(text, line: try F.line(of: "group: VIP", in: text), mentions: ["unknown group 'VIP'"])
    }

    @Test func personInAnUndeclaredGroup() throws {
        let text = try F.minimal(replacing: "name: 张三, group: 售前", with: "name: 张三, group: 投诉")
        F.expectError(text, line: try F.line(of: "投诉", in: text), mentions: ["unknown group '投诉'"])
    }

    // MARK: duplicates

    @Test func duplicateStaffID() throws {
        let text = try F.minimal(replacing: "- id: P3", with: "- id: P1")
        let first = try F.line(of: "{id: P1", in: text)
        F.expectError(text, line: try F.line(of: "- id: P1", in: text),
                      mentions: ["staff id 'P1' is used twice", "first on line \(first)"])
    }

    @Test func duplicateShiftCode() throws {
        let text = try F.minimal(replacing: "{code: N, name: 夜班", with: "{code: M, name: 夜班")
        F.expectError(text, line: try F.line(of: "夜班", in: text), mentions: ["shift code 'M' is defined twice"])
    }

    @Test func duplicateKeyInAMapping() throws {
        let text = try F.minimal(replacing: "    consecutive_hard: 7", with: "    consecutive_hard: 7\n    consecutive_soft: 3")
        guard let error = F.inputError(text) else { return }
        #expect(error.message.contains("consecutive_soft"), "\(error)")
        // Either occurrence will do: the reader points at the first.
        let first = try F.line(of: "consecutive_soft: 5", in: text), second = try F.line(of: "consecutive_soft: 3", in: text)
        #expect(error.line.map { [first, second].contains($0) } == true, "\(error)")
        #expect(error.message.contains("twice"), "\(error)")
    }

    // MARK: values that do not parse

    @Test(arguments: ["7:60", "25:00", "24:01", "7h", "0700", "-1:00", ""])
    func timeOfDayThatDoesNotParse(time: String) throws {
        let text = try F.minimal(replacing: #"{code: M, name: 早班, start: "07:00""#, with: #"{code: M, name: 早班, start: "\#(time)""#)
        F.expectError(text, line: try F.line(of: "早班", in: text), mentions: ["'\(time)' is not a time of day"])
    }

    @Test func demandTimeThatDoesNotParse() throws {
        let text = try F.minimal(replacing: #"to: "17:00", required: 1"#, with: #"to: "25:00", required: 1"#)
        F.expectError(text, line: try F.line(of: "25:00", in: text), mentions: ["'25:00' is not a time of day"])
    }

    @Test(arguments: ["2027-02-30", "2027-02-29", "2027-04-31", "2027-13-01", "2027-3-8"])
    func dateThatDoesNotExist(value: String) throws {
        let text = try F.minimal(replacing: "{date: 2027-03-08, off: true}", with: "{date: \(value), off: true}")
        F.expectError(text, line: try F.line(of: "date: \(value)", in: text), mentions: ["'\(value)'", "not a date"])
    }

    @Test func leaveOnADateThatDoesNotExist() throws {
        let text = try F.minimal(replacing: "    name: 王五\n", with: "    name: 王五\n    leave: [{from: 2027-02-27, to: 2027-02-30}]\n")
        F.expectError(text, line: try F.line(of: "leave:", in: text), mentions: ["'2027-02-30'", "not a date"])
    }

    @Test func requestOutsideThePeriod() throws {
        let text = try F.minimal(replacing: "{date: 2027-03-08, off: true}", with: "{date: 2027-04-01, off: true}")
        F.expectError(text, line: try F.line(of: "2027-04-01", in: text), mentions: ["2027-04-01 is outside the period"])
    }

    @Test func periodThatIsNotAMonth() throws {
        let text = try F.minimal(replacing: "period: 2027-03", with: "period: 2027-13")
        F.expectError(text, line: 2, mentions: ["'2027-13' is not a month"])
    }

    @Test(arguments: ["30", "15"])
    func demandTimeOffTheSlotGrid(minutes: String) throws {
        let text = try F.minimal(replacing: #"{group: 售后, from: "09:00""#, with: #"{group: 售后, from: "09:\#(minutes)""#)
        F.expectError(text, line: try F.line(of: "09:\(minutes)", in: text), mentions: ["09:\(minutes) is not on the 60-minute slot grid"])
    }

    @Test func demandThatEndsBeforeItStarts() throws {
        let text = try F.minimal(replacing: #"{from: "00:00", to: "24:00", required: 1}"#, with: #"{from: "22:00", to: "06:00", required: 1}"#)
        F.expectError(text, line: try F.line(of: "22:00", in: text), mentions: ["two lines"])
    }

    @Test func slotLengthThatIsNotAllowed() throws {
        let text = try F.minimal(replacing: "period: 2027-03", with: "period: 2027-03\nslot_minutes: 45")
        F.expectError(text, line: 3, mentions: ["15, 30 or 60"])
    }

    @Test(arguments: ["required: -1", "required: 1.5", "required: lots"])
    func demandHeadcountThatIsNotAWholeNumber(value: String) throws {
        let text = try F.minimal(replacing: #"to: "17:00", required: 1"#, with: #"to: "17:00", \#(value)"#)
        F.expectError(text, line: try F.line(of: value, in: text), mentions: ["required"])
    }

    // MARK: contracts

    @Test func softConsecutiveLimitAboveHardInANamedContract() throws {
        let text = try F.minimal(replacing: "    consecutive_soft: 5", with: "    consecutive_soft: 8")
        F.expectError(text, line: try F.line(of: "consecutive_soft: 8", in: text),
                      mentions: ["soft limit on consecutive days (8) is above the hard limit (7)"])
    }

    @Test func softConsecutiveLimitAboveHardThroughAnOverrideOnThePerson() throws {
        let text = try F.minimal(replacing: "group: 售前, contract: 全职}", with: "group: 售前, contract: 全职, consecutive_hard: 4}")
        F.expectError(text, line: try F.line(of: "consecutive_hard: 4", in: text),
                      mentions: ["soft limit on consecutive days (5) is above the hard limit (4)"])
    }

    @Test func requestWithTwoKinds() throws {
        let text = try F.minimal(replacing: "{date: 2027-03-08, off: true}", with: "{date: 2027-03-08, off: true, shift: M}")
        F.expectError(text, line: try F.line(of: "2027-03-08", in: text), mentions: ["exactly one of"])
    }

    @Test func reservedShiftCode() throws {
        let text = try F.minimal(replacing: "{code: N, name: 夜班", with: "{code: off, name: 夜班")
        F.expectError(text, line: try F.line(of: "夜班", in: text), mentions: ["reserved"])
    }

    // MARK: the file itself

    @Test func yamlSyntaxErrorUnclosedFlowMapping() throws {
        // The flow mapping of P1 is never closed: the parser notices on the next line.
        let text = try F.minimal(replacing: "{id: P1, name: 张三, group: 售前, contract: 全职}", with: "{id: P1, name: 张三, group: 售前, contract: 全职")
        guard let error = F.inputError(text) else { return }
        #expect(error.message.hasPrefix("YAML syntax"), "\(error)")
        let opened = try F.line(of: "{id: P1", in: text)
        #expect(error.line.map { [opened, opened + 1].contains($0) } == true, "\(error)")
        #expect(error.column != nil)
    }

    @Test func yamlSyntaxErrorBadIndentation() throws {
        let text = try F.minimal(replacing: "    name: 王五", with: "   name: 王五")
        F.expectError(text, line: try F.line(of: "王五", in: text), mentions: ["YAML syntax"])
    }

    @Test func yamlSyntaxErrorTabIndentation() throws {
        let text = try F.minimal(replacing: "  - {group: 售后, from", with: "\t- {group: 售后, from")
        F.expectError(text, line: try F.line(of: "\t- {group", in: text), mentions: ["YAML syntax"])
    }

    @Test func yamlSyntaxErrorUnterminatedQuoteIsAnInputError() throws {
        let text = try F.minimal(replacing: #"end: "07:00"}"#, with: #"end: "07:00}"#)
        guard let error = F.inputError(text) else { return }
        #expect(error.message.hasPrefix("YAML syntax"), "\(error)")
        #expect(error.line != nil, "\(error)")
    }

    /// The quote opened on the N shift's line swallows the rest of the document; libyaml notices 15 lines
    /// later. The parser error's context ("while parsing a flow mapping", with its own mark) says where
    /// the mistake is, but YAMLNode.translate drops it.
    @Test
    func yamlSyntaxErrorUnterminatedQuoteNamesTheLineWhereItOpens() throws {
        let text = try F.minimal(replacing: #"end: "07:00"}"#, with: #"end: "07:00}"#)
        guard let error = F.inputError(text) else { return }
        let opened = try F.line(of: #""07:00}"#, in: text)
        #expect(error.line == opened || error.message.contains("line \(opened)"), "\(error)")
    }

    @Test func nonUTF8BytesAreAnInputError() throws {
        var data = Data(F.minimal.utf8)
        let at = try #require(data.range(of: Data("张三".utf8)))
        data.replaceSubrange(at, with: Data([0xD5, 0xC5, 0xC8, 0xFD]))   // 张三 in GBK
        let error = F.inputError(data)
        #expect(error?.message.contains("not UTF-8") == true, "\(String(describing: error))")
        #expect(error?.file == "bad.yaml")
    }

    @Test
    func nonUTF8BytesNameTheLine() throws {
        var data = Data(F.minimal.utf8)
        let at = try #require(data.range(of: Data("张三".utf8)))
        data.replaceSubrange(at, with: Data([0xD5, 0xC5, 0xC8, 0xFD]))
        let error = F.inputError(data)
        #expect(error?.line == (try F.line(of: "张三", in: F.minimal)))
    }

    @Test(arguments: ["", "\n\n", "# 只有注释\n"])
    func emptyFile(text: String) throws {
        F.expectError(text, line: 1, mentions: ["empty"])
    }

    @Test(arguments: ["just text", "- a\n- b\n", "42"])
    func documentThatIsNotAMapping(text: String) throws {
        let error = F.inputError(text)
        #expect(error?.message.contains("expected a mapping") == true, "\(String(describing: error))")
        #expect(error?.line == 1)
    }

    @Test func missingFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-\(UUID().uuidString)/scenario.yaml").path
        #expect {
            _ = try ScenarioReader.read(path: path)
        } throws: { error in
            guard let error = error as? InputError else { return false }
            return error.file == path && error.line == nil && error.message.contains("cannot read")
                && error.description == "\(path): \(error.message)"
        }
    }

    @Test func directoryInsteadOfAFile() throws {
        let path = FileManager.default.temporaryDirectory.path
        #expect(throws: InputError.self) { _ = try ScenarioReader.read(path: path) }
    }

    @Test func descriptionIsFileLineColumnMessage() {
        #expect(InputError(file: "a.yaml", line: 3, column: 7, message: "boom").description == "a.yaml:3:7: boom")
        #expect(InputError(file: "a.yaml", line: 3, message: "boom").description == "a.yaml:3: boom")
        #expect(InputError(file: "a.yaml", message: "boom").description == "a.yaml: boom")
    }

    // MARK: never a crash

    /// Every prefix of a valid scenario (cut at each line, and at bytes inside multi-byte characters)
    /// either parses or is an InputError.
    @Test func truncatedScenariosNeverCrash() throws {
        let data = Data(ScenarioReaderTests.full.utf8)
        var cuts = Set(data.indices.filter { data[$0] == UInt8(ascii: "\n") })
        cuts.formUnion(stride(from: 0, to: data.count, by: 5))
        for cut in cuts.sorted() {
            do {
                _ = try ScenarioReader.read(data: data.prefix(cut), file: "cut.yaml")
            } catch is InputError {
            } catch {
                Issue.record("cut at byte \(cut): \(type(of: error)) \(error)")
            }
        }
    }

    /// Each line of a valid scenario left out in turn.
    @Test func scenariosMissingOneLineNeverCrash() throws {
        let lines = ScenarioReaderTests.full.components(separatedBy: "\n")
        for skip in lines.indices {
            var copy = lines
            copy.remove(at: skip)
            do {
                _ = try ScenarioReader.read(data: Data(copy.joined(separator: "\n").utf8), file: "cut.yaml")
            } catch let error as InputError {
                #expect(error.line.map { $0 >= 1 && $0 <= lines.count } ?? true, "\(error)")
            } catch {
                Issue.record("without line \(skip + 1): \(type(of: error)) \(error)")
            }
        }
    }

    @Test(arguments: [
        "  - {from: \"00:00\", to: \"24:00\", required: 99999999999999999999999}",
        "  - {from: \"00:00\", to: \"24:00\", required: [1, 2]}",
        "  - {from: {h: 1}, to: \"24:00\", required: 1}",
        "  - {days: [someday], from: \"00:00\", to: \"24:00\", required: 1}",
        "  - {days: [2027-04-01], from: \"00:00\", to: \"24:00\", required: 1}",
        "  - just a string",
        "  - {from: \"00:00\", to: \"24:00\", required: .nan}",
    ])
    func oddDemandValuesAreInputErrors(line: String) throws {
        let text = try F.minimal(replacing: "  - {from: \"00:00\", to: \"24:00\", required: 1}", with: line)
        let error = F.inputError(text)
        #expect(error?.line == (try F.line(of: "  - {group: 售后", in: text)) - 1, "\(String(describing: error))")
    }

    @Test
    func hugePaidHoursIsAnInputError() throws {
        let text = try F.minimal(replacing: #"start: "07:00", end: "15:00"}"#, with: #"start: "07:00", end: "15:00", paid_hours: 1e300}"#)
        F.expectError(text, line: try F.line(of: "1e300", in: text), mentions: ["paid_hours"])
    }

    @Test
    func hugeLeaveCreditIsAnInputError() throws {
        let text = try F.minimal(replacing: "  forbidden_successions: [[N, M]]", with: "  forbidden_successions: [[N, M]]\n  leave_credit_hours: 1e300")
        F.expectError(text, line: try F.line(of: "1e300", in: text), mentions: ["leave_credit_hours"])
    }
}
